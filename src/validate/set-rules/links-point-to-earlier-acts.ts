import { actLinks, isEarlier } from "./act-links.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

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
    // « deliberation `2021-07` of 2021-03-12 »: the act as the link names it.
    const named = written.date ? msg("act_links.named.dated", { number: written.number, date: written.date }) : msg("act_links.named", { number: written.number });
    if (to) {
      if (isEarlier(to, from)) continue;
      const why = to.file === from.file && to.index === from.index ? "itself" : to.date === from.date ? "same_sitting" : "later_sitting";
      findings.push({
        severity: "error",
        code: "DLB3721",
        message: msg("DLB3721", { kind: link.kind, named, number: from.number, why, date: to.date }),
        hints: [msg("DLB3721.hint")],
        file: from.file,
        at,
        related: [{ file: to.file, at: ["motions", to.index, "number"], message: msg("act_links.here", { number: to.number }) }],
      });
      continue;
    }
    const sameSitting = written.date === undefined || written.date === from.date;
    const sittingRead = set.sessions.some((s) => s.date === written.date);
    // Outside a register, another sitting that is not among the files cannot be checked.
    if (!inRegister && !sameSitting && !sittingRead) continue;
    // Before the register's first sitting: the register does not hold it.
    if (inRegister && written.date !== undefined && firstSitting !== undefined && written.date < firstSitting) continue;
    const where = inRegister ? "register" : sameSitting ? "file" : "sitting";
    findings.push({
      severity: "error",
      code: "DLB3720",
      message: link.otherDate
        ? msg("DLB3720.other_date", { kind: link.kind, named, number: link.otherDate.number, date: link.otherDate.date })
        : msg("DLB3720", { kind: link.kind, named, where, date: written.date ?? "" }),
      hints: link.otherDate
        ? [msg("DLB3720.hint.other_date", { date: link.otherDate.date, written: written.date ?? "" })]
        : sameSitting && !inRegister
          ? [msg("DLB3720.hint.same_sitting")]
          : [msg("DLB3720.hint")],
      file: from.file,
      at,
      related: link.otherDate ? [{ file: link.otherDate.file, at: ["motions", link.otherDate.index, "number"], message: msg("act_links.here", { number: link.otherDate.number }) }] : [],
    });
  }
  return findings;
}
