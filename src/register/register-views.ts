// What the register's own pages print, already worded: the sheet that closes each sitting
// (CGCT R2121-9) and the tables by date and by subject. Pure.
import { findMatiere } from "../law/actes.js";
import type { Member } from "../model/session.js";
import type { Catalogue } from "../render/catalogue.js";
import { dateInFrench } from "../render/french-dates.js";
import { letterheadView, officerSignatures, type LetterheadView, type SignatureView } from "../render/session-view.js";
import { actLinkSentences } from "../render/extract-view.js";
import { assemblyWords, shortName, upper } from "../render/words.js";
import { compareNumbers } from "../model/deliberation-number.js";
import type { Sitting } from "./register-sittings.js";

/** The page-level data of a register page (no counter: the register stamps its own). */
export interface RegisterPageView {
  lang: string;
  title: string;
  /** The body's name as printed in the letterhead. */
  body: string;
  /** The letterhead of delib.config.yaml, as on the sitting's documents. */
  letterhead: LetterheadView;
}

/** Everything a closing sheet prints. */
export interface ClosingView {
  page: RegisterPageView;
  heading: string;
  title: string;
  statement: string;
  deliberationsLabel: string;
  headers: { number: string; object: string };
  deliberations: { number: string; object: string }[];
  presentLabel: string;
  present: string[];
  signaturesLabel: string;
  signatures: SignatureView[];
}

/** One row of the tables: a deliberation and the page of the register where it starts. */
export interface TableEntry {
  readonly date: string;
  readonly number: string;
  readonly object: string;
  readonly matiere: string | undefined;
  readonly page: number;
  /** The acts it withdraws, replaces or corrects, and those that withdraw, replace or correct it, worded. */
  readonly links: readonly string[];
}

/** Everything a table of the register prints. */
export interface TableView {
  page: RegisterPageView;
  heading: string;
  title: string;
  headers: { date: string; number: string; object: string; page: string };
  /** The rows, in groups; a group's label is null when the table is not grouped. */
  groups: { label: string | null; rows: { date: string; number: string; object: string; links: string[]; page: string }[] }[];
}

/** The register's identity on every page: the body's name, the year. */
export interface RegisterIdentity {
  readonly body: string;
  readonly year: string;
}

function registerHeading(sitting: Sitting, t: Catalogue): string {
  return upper(t.t("register.heading", { ofAssembly: assemblyWords(sitting.outcome.session, t).of }), t.language);
}

/**
 * Members present during the sitting (R2121-9), as the procès-verbal lists them: whoever sat for
 * any item, a late arrival included, and a member who withdrew or was interested for one item
 * (still in the room); the suppléant who sat named for the seat; in the order of the seats.
 */
export function membersPresent(sitting: Sitting): Member[] {
  const { motions, presence } = sitting.outcome;
  const lines = motions.flatMap((m) => m.attendance.lines);
  // In the room for an item, as the count has them (a member who withdrew or was interested
  // included), or the suppléant sitting in the seat: not a member merely marked interested.
  const present = motions.flatMap((m, i) =>
    m.attendance.lines.filter((l) => {
      const state = presence[i]!.members.get(l.member.id);
      return state !== undefined && state.inOffice && (state.status === "present" || state.status === "substituted");
    }),
  );
  const seats = [...new Set(lines.map((l) => l.member.id))];
  const sat = [...new Map(present.map((l) => [l.sitting.id, l])).values()];
  return sat.sort((a, b) => seats.indexOf(a.member.id) - seats.indexOf(b.member.id)).map((l) => l.sitting);
}

/** The sheet closing a sitting: its order numbers, the members present, the signatures (R2121-9). */
export function closingView(sitting: Sitting, identity: RegisterIdentity, t: Catalogue): ClosingView {
  const date = dateInFrench(sitting.date, t);
  const count = sitting.motions.length;
  const present = membersPresent(sitting);
  return {
    page: { lang: t.language, title: t.t("register.closing.title", { date }), body: upper(identity.body, t.language), letterhead: letterheadView(sitting.config.documents, t) },
    heading: registerHeading(sitting, t),
    title: t.t("register.closing.title", { date }),
    statement: t.t("register.closing.statement", {
      date,
      count: count === 1 ? t.t("register.closing.count.one") : t.t("register.closing.count", { count }),
    }),
    deliberationsLabel: t.t("register.closing.deliberations"),
    headers: { number: t.t("register.tables.number"), object: t.t("register.tables.object") },
    deliberations: sitting.motions.map((m) => ({ number: m.motion.number, object: m.motion.title })),
    presentLabel: t.t("register.closing.present", { count: present.length }),
    present: present.map(shortName),
    signaturesLabel: t.t("register.closing.signatures"),
    signatures: officerSignatures(sitting.outcome, t),
  };
}

/** The rows of the tables, in register order, each with the page where it starts and its links to other acts. */
export function tableEntries(sittings: readonly Sitting[], startPages: ReadonlyMap<string, number>, t: Catalogue): TableEntry[] {
  return sittings.flatMap((s) =>
    s.motions.map(({ motion }) => {
      const sentences = actLinkSentences(s.outcome.session, motion.number, s.links, t);
      return {
        date: s.date,
        number: motion.number,
        object: motion.title,
        matiere: motion.matiere,
        page: startPages.get(motion.number)!,
        links: [...sentences.links, ...sentences.successors],
      };
    }),
  );
}

function rowOf(entry: TableEntry, t: Catalogue) {
  return { date: dateInFrench(entry.date, t), number: entry.number, object: entry.object, links: [...entry.links], page: String(entry.page) };
}

function tableView(sittings: readonly Sitting[], identity: RegisterIdentity, t: Catalogue, titleKey: string, groups: TableView["groups"]): TableView {
  const title = t.t(titleKey, { year: identity.year });
  return {
    page: { lang: t.language, title, body: upper(identity.body, t.language), letterhead: letterheadView(sittings[0]?.config.documents ?? {}, t) },
    heading: registerHeading(sittings[0]!, t),
    title,
    headers: { date: t.t("register.tables.date"), number: t.t("register.tables.number"), object: t.t("register.tables.object"), page: t.t("register.tables.page") },
    groups,
  };
}

/** The table by date (R2121-9): every deliberation of the year in register order. */
export function datesTableView(sittings: readonly Sitting[], entries: readonly TableEntry[], identity: RegisterIdentity, t: Catalogue): TableView {
  return tableView(sittings, identity, t, "register.tables.dates.title", [{ label: null, rows: entries.map((e) => rowOf(e, t)) }]);
}

/**
 * The subject a deliberation is filed under in the table by subject: the level-1 matière of
 * the @CTES classification (« 7 – Finances locales »), from the motion's `matiere` code; a
 * code the classification does not know is filed under itself; no code, under « Sans
 * matière », last. `key` orders the groups.
 */
export function subjectOf(matiere: string | undefined, t: Catalogue): { key: string; label: string } | undefined {
  if (matiere === undefined) return undefined;
  const { theme } = findMatiere(matiere);
  return theme
    ? { key: theme.code, label: t.t("register.tables.theme", { code: theme.code, label: theme.label }) }
    : { key: matiere, label: t.t("register.tables.matiere", { code: matiere }) };
}

/** The table by subject (R2121-9): deliberations grouped by matière, then in register order. */
export function subjectsTableView(sittings: readonly Sitting[], entries: readonly TableEntry[], identity: RegisterIdentity, t: Catalogue): TableView {
  const groups = new Map<string | undefined, { label: string; entries: TableEntry[] }>();
  for (const entry of entries) {
    const subject = subjectOf(entry.matiere, t);
    const key = subject?.key;
    const group = groups.get(key) ?? { label: subject?.label ?? t.t("register.tables.no_matiere"), entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : compareNumbers(a, b)));
  return tableView(
    sittings,
    identity,
    t,
    "register.tables.subjects.title",
    keys.map((key) => ({ label: groups.get(key)!.label, rows: groups.get(key)!.entries.map((e) => rowOf(e, t)) })),
  );
}

/** The running header of a page of the register, with the sitting's date on its pages (R2121-9). */
export function runningHeader(identity: RegisterIdentity, t: Catalogue, sittingDate?: string): string {
  return sittingDate
    ? t.t("register.running.sitting", { body: identity.body, year: identity.year, date: dateInFrench(sittingDate, t) })
    : t.t("register.running", { body: identity.body, year: identity.year });
}
