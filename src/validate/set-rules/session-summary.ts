// What the checks across files need to know of one session file: small enough to cross
// threads for ten thousand files.
import { memberName } from "../../model/member-name.js";
import { compareSittings } from "../../model/deliberation-number.js";
import type { Session } from "../../model/session.js";
import { inOfficeAtOpening } from "../../tally/roster.js";
import { isUnknown } from "../../model/unknown-facts.js";

export interface SessionSummary {
  /** The file, as given on the command line. */
  readonly path: string;
  readonly bodyName: string;
  readonly kind: string;
  readonly date: string;
  readonly time: string | undefined;
  /** Deliberation numbers, in the order of the file. */
  readonly numbers: readonly string[];
  /** Titulaires listed (suppléants aside). */
  readonly members: readonly string[];
  /** Proxies given at the opening: principal → holder. */
  readonly proxies: readonly { readonly principal: string; readonly holder: string }[];
  /** « M. Christophe COULON » by id, for the members a finding names. */
  readonly names: Readonly<Record<string, string>>;
  /** Members whose proxy may run longer for illness (CGCT L2121-20). */
  readonly illness: readonly string[];
  /** Links to earlier acts (`withdraws`, `replaces`, `corrects`), by the index of the motion making them. */
  readonly links: readonly { readonly index: number; readonly kind: "withdraws" | "replaces" | "corrects"; readonly number: string; readonly date: string | undefined }[];
}

/** The summary of a schema-valid session. */
export function summarize(path: string, session: Session): SessionSummary {
  return {
    path,
    bodyName: session.body.name,
    kind: session.body.kind,
    date: session.session.date,
    // An opening time the record does not give orders nothing (it is not « 00:00 »).
    time: isUnknown(session.session.time) ? undefined : session.session.time,
    numbers: session.motions.map((m) => m.number),
    // The titulaires in office at the opening: a member the file itself says resigned, died or
    // not yet installed is not listed as sitting, whatever the roster says.
    members: session.members.filter((m) => m.suppleant_of === undefined && inOfficeAtOpening(m, session)).map((m) => m.id),
    // A holder the record does not name cannot be followed from sitting to sitting: such a proxy
    // ends the run of the one before (two unnamed holders need not be the same member).
    proxies: Object.entries(session.attendance).flatMap(([principal, a]) =>
      typeof a === "object" && a !== null && a.represented_by !== undefined && !isUnknown(a.represented_by) ? [{ principal, holder: a.represented_by }] : [],
    ),
    illness: [...new Set(session.motions.flatMap((m) => m.proxies_illness ?? []))],
    names: Object.fromEntries(session.members.map((m) => [m.id, memberName(m)])),
    links: session.motions.flatMap((m, index) =>
      (["withdraws", "replaces", "corrects"] as const).flatMap((kind) => {
        const link = m[kind];
        return link ? [{ index, kind, number: link.number, date: link.date }] : [];
      }),
    ),
  };
}

/** Sittings in the order of the register: by date, then time, then file. */
export function inSittingOrder(sessions: readonly SessionSummary[]): SessionSummary[] {
  return [...sessions].sort(compareSittings);
}
