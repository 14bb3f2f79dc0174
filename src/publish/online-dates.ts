// The « mis en ligne le » date of each act, when the session file does not give it
// (`publication.online_on`): read from git, never from the clock.
//
// The choice, and why it is honest and reproducible: the site is made from the repository alone,
// and an act can be online no earlier than the first commit that holds it. So an act's date is
// the committer's day (in the committer's own time zone, as `git log` prints it) of the OLDEST
// commit of the current branch's history, dated on or after the sitting, whose version of the
// session file holds a deliberation with the act's number. A commit before the sitting holds a
// draft (a prepared record), not an adopted act, and is passed over. The same history always
// gives the same dates, whoever publishes and whenever. What git cannot tell (a file never
// committed, no repository, a clone too shallow to reach the first commit) gives no date rather
// than a guess: the clerk then writes `publication.online_on`, which always wins.
import { dirname, relative } from "node:path";
import { load } from "js-yaml";
import { runGit } from "../source/git-run.js";

/** The deliberation numbers in a version of a session file; none when it does not read. */
function numbersIn(text: string): string[] {
  try {
    const data = load(text) as { motions?: { number?: unknown }[] } | undefined;
    return (data?.motions ?? []).flatMap((m) => (typeof m?.number === "string" ? [m.number] : []));
  } catch {
    return [];
  }
}

/**
 * The day each of `numbers` was first committed in the session file `absolute` (see above), by
 * number; a number git cannot date is left out.
 */
export async function committedDates(absolute: string, sittingDate: string, numbers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const cwd = dirname(absolute);
  const top = (await runGit(cwd, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) return found;
  const path = relative(top, absolute).split("\\").join("/");
  // Each commit with the file's name at that commit, following renames; read oldest first
  // (`--reverse` is not used: git applies it before `--follow` has found the older names).
  const log = await runGit(top, ["log", "--follow", "--format=%x01%H %cI", "--name-only", "--", path]);
  if (log === undefined) return found;
  const wanted = new Set(numbers);
  for (const block of log.split("\x01").slice(1).reverse()) {
    const [head, ...names] = block.split("\n").filter((line) => line !== "");
    const [commit, date] = (head ?? "").split(" ");
    const day = date?.slice(0, 10);
    const name = names[names.length - 1];
    if (!commit || !day || !name || day < sittingDate) continue;
    const text = await runGit(top, ["show", `${commit}:${name}`]);
    if (text === undefined) continue;
    for (const number of numbersIn(text)) {
      if (wanted.has(number) && !found.has(number)) found.set(number, day);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}
