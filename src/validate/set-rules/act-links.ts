// Links between acts (issue 10, item 7): a deliberation that withdraws (« retire »), replaces
// (« annule et remplace ») or corrects (« rectifie ») an earlier one, resolved over the files
// checked together. The rule links-point-to-earlier-acts.ts checks them; the extracts and the
// register's tables print them, both ways. Pure.
import { compareNumbers, numberKey } from "../../model/deliberation-number.js";
import { inSittingOrder, type SessionSummary } from "./session-summary.js";

/** What a link says of the earlier act. */
export type LinkKind = "withdraws" | "replaces" | "corrects";

/** The kinds of link, in the order a motion's fields are read. */
export const linkKinds: readonly LinkKind[] = ["withdraws", "replaces", "corrects"];

/** A deliberation where it stands: its file, its place in the file, its sitting. */
export interface ActPlace {
  readonly file: string;
  readonly index: number;
  readonly number: string;
  readonly date: string;
  readonly time: string | undefined;
}

/** One link, as written on the later act, and the earlier act it names when found. */
export interface ResolvedLink {
  readonly kind: LinkKind;
  readonly from: ActPlace;
  /** As written: the number, and the date when given. */
  readonly written: { readonly number: string; readonly date: string | undefined };
  /** The act named, among the files checked together; undefined when none is. */
  readonly to: ActPlace | undefined;
  /** Deliberation `written.number` exists, but of another sitting than `written.date`. */
  readonly otherDate: ActPlace | undefined;
}

/** The links of a set of files, looked up both ways. */
export interface ActLinks {
  readonly links: readonly ResolvedLink[];
  /** The links a deliberation makes, by sitting date and number. */
  from(date: string, number: string): readonly ResolvedLink[];
  /** The later acts that link to a deliberation, by sitting date and number. */
  to(date: string, number: string): readonly ResolvedLink[];
}

const key = (date: string, number: string) => `${date}\n${numberKey(number)}`;

/** No links: what a document knows when rendered without its register. */
export const noLinks: ActLinks = { links: [], from: () => [], to: () => [] };

/**
 * The links of the sittings checked together. A link is looked for in its own file first, then
 * among the other files — all of a register's, or, outside a register, the files of the same
 * body given together (several bodies may share a number). When it gives a date, only that
 * sitting's deliberation answers; without one, the first by number in sitting order.
 */
export function actLinks(sessions: readonly SessionSummary[], inRegister: boolean): ActLinks {
  // The rule on links and the documents both ask for the same register's links: made once.
  const known = resolved.get(sessions)?.[inRegister ? 1 : 0];
  if (known) return known;
  const made = resolveLinks(sessions, inRegister);
  const both = resolved.get(sessions) ?? [undefined, undefined];
  both[inRegister ? 1 : 0] = made;
  resolved.set(sessions, both);
  return made;
}

const resolved = new WeakMap<readonly SessionSummary[], [ActLinks | undefined, ActLinks | undefined]>();

function resolveLinks(sessions: readonly SessionSummary[], inRegister: boolean): ActLinks {
  const byNumber = new Map<string, ActPlace[]>();
  const owner = (s: SessionSummary) => (inRegister ? "" : `${s.bodyName}\n`);
  const ordered = inSittingOrder(sessions);
  for (const s of ordered) {
    s.numbers.forEach((number, index) => {
      const k = owner(s) + numberKey(number);
      byNumber.set(k, [...(byNumber.get(k) ?? []), { file: s.path, index, number, date: s.date, time: s.time }]);
    });
  }
  const links: ResolvedLink[] = [];
  for (const s of sessions) {
    for (const link of s.links ?? []) {
      const from: ActPlace = { file: s.path, index: link.index, number: s.numbers[link.index] ?? "", date: s.date, time: s.time };
      const candidates = byNumber.get(owner(s) + numberKey(link.number)) ?? [];
      const dated = link.date === undefined ? candidates : candidates.filter((c) => c.date === link.date);
      const to = dated.find((c) => c.file === s.path) ?? dated[0];
      links.push({
        kind: link.kind,
        from,
        written: { number: link.number, date: link.date },
        to,
        otherDate: to === undefined && link.date !== undefined ? candidates[0] : undefined,
      });
    }
  }
  const index = (pick: (l: ResolvedLink) => ActPlace | undefined) => {
    const map = new Map<string, ResolvedLink[]>();
    for (const l of links) {
      const place = pick(l);
      if (place) map.set(key(place.date, place.number), [...(map.get(key(place.date, place.number)) ?? []), l]);
    }
    return map;
  };
  const fromIndex = index((l) => l.from);
  const toIndex = index((l) => l.to);
  return {
    links,
    from: (date, number) => fromIndex.get(key(date, number)) ?? [],
    to: (date, number) => toIndex.get(key(date, number)) ?? [],
  };
}

/**
 * The earlier act comes before the later one: an earlier sitting (by date, then time when both
 * give one), or, in the same sitting, an earlier number. An act never links to itself.
 */
export function isEarlier(earlier: ActPlace, later: ActPlace): boolean {
  if (earlier.date !== later.date) return earlier.date < later.date;
  if (earlier.file !== later.file && earlier.time !== undefined && later.time !== undefined && earlier.time !== later.time) return earlier.time < later.time;
  return compareNumbers(earlier.number, later.number) < 0;
}
