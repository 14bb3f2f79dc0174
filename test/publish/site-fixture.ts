// Registers to publish in the tests: examples/ copied into a temporary folder, each body given
// what the open-data file needs (a SIRET, a matière for every act) and the site's address, and
// committed to a real git repository on a fixed date so that the « mis en ligne » dates are known.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";
import { cliContext } from "../../src/cli/context.js";
import { publishCommand, type PublishCommandOptions } from "../../src/cli/publish-command.js";
import { translator, type Language } from "../../src/diagnostics/translator.js";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { repoRoot, testHost } from "../support/run-cli.js";

export const baseUrl = "https://mairie-exemple.github.io/registre/";

/** The day every fixture commit is dated (after every sitting of examples/). */
export const commitDay = "2024-12-02";

/** Replaces `from` by `to` in `text`, failing when `from` is not there exactly once. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: \`${from}\` is not in the text exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Runs git in `cwd`, commits dated `day` at noon in Paris (a fixed author, no user configuration needed). */
export function git(cwd: string, args: readonly string[], day = commitDay): string {
  const date = `${day}T12:00:00+01:00`;
  return execFileSync("git", ["-c", "user.name=Greffe", "-c", "user.email=greffe@example.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

/** Writes `files` (relative path → text) into `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * examples/ in a new git repository, every body with a delib.config.yaml giving its SIRET and
 * the site's address; the one act of examples/ without a matière given one. Committed on commitDay.
 */
export function examplesRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-publish-"));
  cpSync(join(repoRoot, "examples"), dir, { recursive: true });
  for (const body of readdirSync(dir)) {
    const config = join(dir, body, "delib.config.yaml");
    const site = `site:\n  base_url: ${baseUrl}\n`;
    if (existsSync(config)) {
      writeFileSync(config, `${edit(readFileSync(config, "utf8"), "  seats: 15\n", '  seats: 15\n  siret: "21020999900012"\n')}${site}`);
      continue;
    }
    const session = readdirSync(join(dir, body)).find((f) => f.endsWith(".yaml"))!;
    const data = parse(readFileSync(join(dir, body, session), "utf8")) as { body: { name: string; kind: string; assembly: string } };
    writeFileSync(
      config,
      `format: 1\nbody:\n  name: ${JSON.stringify(data.body.name)}\n  kind: ${data.body.kind}\n  assembly: ${JSON.stringify(data.body.assembly)}\n  siret: "21510123400015"\n  departement: "051"\n${site}`,
    );
  }
  const npdc = join(dir, "nord-pas-de-calais-numerique/2021-05-18.yaml");
  const text = readFileSync(npdc, "utf8");
  writeFileSync(npdc, text.replace(/(\n  - number: "2021-06"\n)/, '$1    matiere: "5.7"\n'));
  git(dir, ["init", "-q"]);
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "registre"]);
  return dir;
}

/** Every session file of examples/ under `dir`, relative to it. */
export function sessionFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((body) => statSync(join(dir, body)).isDirectory() && !body.startsWith("."))
    .flatMap((body) => readdirSync(join(dir, body)).filter((f) => /^\d{4}-\d{2}-\d{2}\.yaml$/.test(f)).map((f) => `${body}/${f}`))
    .sort();
}

export interface PublishRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `delib publish` in-process in `cwd`, in `language` (the site's words; the report too). */
export async function runPublish(cwd: string, files: readonly string[], options: Partial<PublishCommandOptions> = {}, language: Language = "fr", env: Record<string, string | undefined> = {}): Promise<PublishRun> {
  const { host, stdout, stderr } = testHost({ cwd, env });
  const code = await publishCommand(files, { out: "site", chromium: chromiumForTests(), ...options }, cliContext(host, translator(language)));
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Every file of a folder, relative to it, with `/`. */
export function treeOf(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name)).split("\\").join("/")]));
  return walk(dir).sort();
}
