// What the register-wide checks need to know of one session file: small enough to cross
// threads for ten thousand files.
import type { Checked } from "../compile.js";

export interface SessionSummary {
  readonly path: string;
  readonly bodyName: string;
  readonly kind: string;
  readonly date: string;
  /** Deliberation numbers, in the order of the file. */
  readonly numbers: readonly string[];
  /** Titulaires listed (suppléants aside). */
  readonly members: readonly string[];
  /** Proxies in force at the opening: principal → holder. */
  readonly proxies: readonly { readonly principal: string; readonly holder: string }[];
  /** Members whose proxy may run longer for illness (CGCT L2121-20). */
  readonly illness: readonly string[];
}

/** The summary of a file that checked without error; undefined otherwise. */
export function summarize(checked: Checked): SessionSummary | undefined {
  const session = checked.outcome?.session;
  if (!session) return undefined;
  return {
    path: checked.path,
    bodyName: session.body.name,
    kind: session.body.kind,
    date: session.session.date,
    numbers: session.motions.map((m) => m.number),
    members: session.members.filter((m) => m.suppleant_of === undefined).map((m) => m.id),
    proxies: Object.entries(session.attendance).flatMap(([principal, a]) =>
      typeof a === "object" && a.represented_by !== undefined ? [{ principal, holder: a.represented_by }] : [],
    ),
    illness: [...new Set(session.motions.flatMap((m) => m.proxies_illness ?? []))],
  };
}
