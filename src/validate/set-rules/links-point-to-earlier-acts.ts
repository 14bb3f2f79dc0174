import { actLinks, isEarlier } from "./act-links.js";
import type { FileSet, SetFinding } from "./set-rule.js";

/**
 * A deliberation that withdraws, replaces or corrects another names an act that exists and came
 * before it (issue 10, item 7): an earlier sitting, or an earlier number in the same sitting.
 *
 * What can be checked depends on what is read:
 * - in a register, the target is looked for in all its sittings (the register's other files are
 *   read even when one file is given): missing, it is an error — unless the link is dated before
 *   the register's first sitting, which the register cannot hold (a register kept with delib from
 *   2024 does not have the acts of 2019): no finding then, as nothing can be checked;
 * - outside a register, a link to the same sitting (no date, or the file's own date) is checked
 *   in the file, and one to a sitting among the files of the same body given together is checked
 *   there; a link to any other sitting cannot be checked, and gives no finding: a warning on
 *   every build of a correct file would teach the clerk to ignore warnings.
 */
export function linksPointToEarlierActs(set: FileSet): SetFinding[] {
  const inRegister = set.config.path !== undefined;
  const { links } = actLinks(set.sessions, inRegister);
  const firstSitting = set.sessions.map((s) => s.date).reduce<string | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  const findings: SetFinding[] = [];
  for (const link of links) {
    const { from, written, to } = link;
    const at = ["motions", from.index, link.kind, "number"];
    const named = `deliberation \`${written.number}\`${written.date ? ` of ${written.date}` : ""}`;
    if (to) {
      if (isEarlier(to, from)) continue;
      const why = to.file === from.file && to.index === from.index ? "it names itself" : to.date === from.date ? "it comes after it in the same sitting" : `its sitting, ${to.date}, comes after this one`;
      findings.push({
        severity: "error",
        code: "DLB3721",
        message: `\`${link.kind}\` names ${named}, which is not earlier than ${from.number}: ${why}`,
        hints: ["a deliberation can only withdraw, replace or correct an act taken before it: check the number and the date"],
        file: from.file,
        at,
        related: [{ file: to.file, at: ["motions", to.index, "number"], message: `${to.number} is here` }],
      });
      continue;
    }
    const sameSitting = written.date === undefined || written.date === from.date;
    const sittingRead = set.sessions.some((s) => s.date === written.date);
    // Outside a register, another sitting that is not among the files cannot be checked.
    if (!inRegister && !sameSitting && !sittingRead) continue;
    // Before the register's first sitting: the register does not hold it.
    if (inRegister && written.date !== undefined && firstSitting !== undefined && written.date < firstSitting) continue;
    const where = inRegister ? "the register" : sameSitting ? "this file" : `the sitting of ${written.date}`;
    findings.push({
      severity: "error",
      code: "DLB3720",
      message: link.otherDate
        ? `\`${link.kind}\` names ${named}, but ${link.otherDate.number} is the deliberation of ${link.otherDate.date}`
        : `\`${link.kind}\` names ${named}, which is not in ${where}`,
      hints: link.otherDate
        ? [`write \`date: ${link.otherDate.date}\`, or the number of the deliberation of ${written.date}`]
        : sameSitting && !inRegister
          ? ["without `date:`, the deliberation named is looked for in this file: give the date of its sitting when it is in another"]
          : ["check the number and the date of the deliberation named"],
      file: from.file,
      at,
      related: link.otherDate ? [{ file: link.otherDate.file, at: ["motions", link.otherDate.index, "number"], message: `${link.otherDate.number} is here` }] : [],
    });
  }
  return findings;
}
