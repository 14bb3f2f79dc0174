// Facts a transcribed record does not give (issue 15, part 4): written `unknown` or
// `non mentionné` (schemas/session.schema.json `$defs/unknownFact`), never guessed.
import type { Member, Session } from "./session.js";

/** The words a file may write for a fact the record does not give; both mean the same. */
export const unknownMarkers = ["unknown", "non mentionné"] as const;

export type UnknownMarker = (typeof unknownMarkers)[number];

/** Whether a value of the file is the marker of a fact the record does not give. */
export function isUnknown(value: unknown): value is UnknownMarker {
  return typeof value === "string" && (unknownMarkers as readonly string[]).includes(value);
}

/**
 * The id the count gives a member the record does not name (a proxy holder, a suppléant, a
 * titulaire): no member's id can be it, since ids are lower-case letters, digits and hyphens.
 */
export const UNNAMED = "?";

/** A member the record does not name: counted where the record counts them, never printed by name. */
export const unnamedMember: Member = Object.freeze({ id: UNNAMED, civility: "M.", first_name: "", last_name: "" });

/** Whether `member` stands for someone the record does not name. */
export function isUnnamed(member: Pick<Member, "id"> | undefined): boolean {
  return member?.id === UNNAMED;
}

/** A fact of the file the record does not give, and where it is written. */
export type UnknownFact =
  | { readonly kind: "proxy_holder"; readonly member: string; readonly path: readonly (string | number)[] }
  | { readonly kind: "suppleant"; readonly member: string; readonly path: readonly (string | number)[] }
  | { readonly kind: "titulaire"; readonly member: string; readonly path: readonly (string | number)[] }
  | { readonly kind: "convened_on" | "place" | "time"; readonly member?: undefined; readonly path: readonly (string | number)[] };

/** Every fact the file writes as unknown, in the order of the file. */
export function unknownFacts(session: Session): UnknownFact[] {
  const facts: UnknownFact[] = [];
  const s = session.session;
  if (isUnknown(s.time)) facts.push({ kind: "time", path: ["session", "time"] });
  if (isUnknown(s.place)) facts.push({ kind: "place", path: ["session", "place"] });
  if (isUnknown(s.convened_on)) facts.push({ kind: "convened_on", path: ["session", "convened_on"] });
  session.members.forEach((member, i) => {
    if (isUnknown(member.suppleant_of)) facts.push({ kind: "titulaire", member: member.id, path: ["members", i, "suppleant_of"] });
  });
  for (const [id, a] of Object.entries(session.attendance)) {
    if (typeof a !== "object" || a === null) continue;
    if (isUnknown(a.represented_by)) facts.push({ kind: "proxy_holder", member: id, path: ["attendance", id, "represented_by"] });
    if (isUnknown(a.substituted_by)) facts.push({ kind: "suppleant", member: id, path: ["attendance", id, "substituted_by"] });
  }
  return facts;
}
