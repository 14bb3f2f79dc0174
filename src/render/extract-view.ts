import type { DocumentSettings } from "../config/load-config.js";
import type { Member, Motion, Session } from "../model/session.js";
import { linkKinds, noLinks, type ActLinks } from "../validate/set-rules/act-links.js";
import type { MotionOutcome, Outcome, SeatLine } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrenchWords } from "./french-words.js";
import { someoneElected } from "./election-ballots.js";
import { circumstances, electionResult, electionView, quorumSentence, resultLine, voteView, type ElectionView } from "./motion-sentences.js";
import { renderMarkdown } from "./markdown.js";
import { dateInFrench } from "./french-dates.js";
import { columnLabel, placeOf, shownColumns, type AttendanceSettings, type PlaceColumn } from "./attendance-columns.js";
import { mention, officerSignatures, pageView, type PageView, type SignatureView } from "./session-view.js";
import { assemblyWords, capitalize, formalName, frenchTime, fullName, gendered, shortName, upper } from "./words.js";
import { isUnknown } from "../model/unknown-facts.js";
import { unknownDependencies } from "../tally/unknown-dependencies.js";
import { markedVotes, markOf, openingWithUnknowns, proxyHolderText, unknownNotes, unnamedSeatNote } from "./unknown-marks.js";

/** One row of the printed attendance table. */
export interface AttendanceRowView {
  member: string;
  note: string;
  /** One box per shown column (`attendance.columns`), ticked or not. */
  ticks: boolean[];
  present: boolean;
  absent: boolean;
  excused: boolean;
  withdrawn: boolean;
  voting: boolean;
  proxy: string;
}

export interface CollegeView {
  /** Empty for an assembly without colleges. */
  name: string;
  rowspan: number;
  first: AttendanceRowView;
  rest: AttendanceRowView[];
}

/** Everything the extract template prints, already computed and worded. Documented in README. */
export interface ExtractView {
  page: PageView;
  number: string;
  numberLine: string;
  heading: string;
  objectLabel: string;
  object: string;
  /** « Cette délibération retire / annule et remplace / rectifie la délibération n° … du … ». */
  links: string[];
  /** « Retirée / Remplacée / Rectifiée par la délibération n° … du … », from the later acts known. */
  successors: string[];
  opening: string;
  attendance: {
    hasColleges: boolean;
    headers: { college: string; member: string; present: string; absent: string; excused: string; withdrawn: string; voting: string; proxy: string; totals: string };
    /** The place columns shown, in order (« Retirés » only when a seat is ticked there), with their totals. */
    columns: { key: PlaceColumn; label: string; total: number; missing: number | null; mark: string }[];
    checked: string;
    colleges: CollegeView[];
    totals: { present: number; absent: number; excused: number; withdrawn: number; voting: number; votingMark: string };
    /** Seats in office no listed member holds, counted absent (a short list of a transcribed record); null when none. */
    missing: { label: string; count: number } | null;
  };
  quorum: string;
  /** The notes under the marked figures (`*`) that depend on a fact the record does not give; empty otherwise. */
  unknownNotes: string[];
  /** Sentences on this motion's own presidency, withdrawals and interested members. */
  circumstances: string[];
  preamble: { label: string; html: string } | null;
  assemblyLine: string;
  visas: string[];
  considerations: string[];
  hearing: string | null;
  /** « Après en avoir délibéré, », before the operative part of a deliberation put to the vote. */
  deliberated: string | null;
  /** The lines printed together before the decisions: hearing, proposal, « Après en avoir délibéré » (those given). */
  formulas: string[];
  /** Above the operative part when the motion was not adopted: the text was only proposed. */
  draftNote: string | null;
  proposal: string | null;
  decisions: { verb: string; articles: string[] }[];
  result: string;
  votes: { label: string; value: number; mark?: string }[] | null;
  names: { label: string; names: string }[];
  election: ElectionView;
  /** « Fait et délibéré en séance les jour, mois et an que dessus. » */
  done: string | null;
  /** « Pour extrait conforme, à Viens, le 6 avril 2022, » */
  certified: string;
  signatory: SignatureView;
  /** The secretaries' signature blocks, beside the signatory's (CGCT L2121-23). */
  cosignatories: SignatureView[];
  /** « Certifié exécutoire ... », « Mis en ligne le ... », when the file records the dates. */
  mentions: string[];
  /** Transmission, @CTES acknowledgement, publication: filled when known, blank lines to fill by hand otherwise; null once « Certifié exécutoire » says it all, or for an act not adopted. */
  executory: { title: string; lines: { label: string; value: string; blank: boolean }[] } | null;
  /** The voies et délais de recours; null when the body leaves them out, or nothing was decided. */
  recourse: { title: string; paragraphs: string[] } | null;
}

/** « Le dix-huit mai deux mille vingt-et-un, le comité syndical ... » */
export function openingSentence(session: Session, outcome: Outcome, t: Catalogue): string {
  const s = session.session;
  const words = assemblyWords(session, t);
  const president = outcome.members.get(s.president);
  const failed = s.failed_convocation
    ? t.t("opening.failed", {
        convenedOn: dateInFrenchWords(s.failed_convocation.convened_on),
        date: dateInFrenchWords(s.failed_convocation.date),
      })
    : "";
  // A transcribed record that does not give the place, the time or the convocation's date: the
  // sentence without them (render/unknown-marks.ts), nothing guessed.
  const withUnknowns = openingWithUnknowns(
    s,
    {
      date: dateInFrenchWords(s.date),
      time: s.time && !isUnknown(s.time) ? frenchTime(s.time, t) : "",
      theAssembly: words.the,
      bodyInText: session.body.name_in_text,
      met: t.t(`opening.met.${words.gender}`),
      convenedOn: isUnknown(s.convened_on) ? "" : dateInFrenchWords(s.convened_on),
      president: president ? formalName(president, t) : s.president,
      failed,
    },
    t,
  );
  if (withUnknowns !== undefined) return withUnknowns;
  const where = s.videoconference ? t.t("opening.videoconference") : (s.place ?? "");
  return t.t(s.time ? "opening.time" : "opening.sentence", {
    date: dateInFrenchWords(s.date),
    time: s.time ? frenchTime(s.time, t) : "",
    theAssembly: words.the,
    bodyInText: session.body.name_in_text,
    met: t.t(`opening.met.${words.gender}`),
    where,
    convenedOn: dateInFrenchWords(s.convened_on),
    president: president ? formalName(president, t) : s.president,
    failed,
  });
}

function row(line: SeatLine, t: Catalogue, voted: boolean, columns: readonly PlaceColumn[], settings: AttendanceSettings | undefined, notTakingPart: boolean): AttendanceRowView {
  const note = (() => {
    const unnamed = unnamedSeatNote(line, t);
    if (unnamed !== undefined) return unnamed;
    switch (line.note) {
      case undefined:
        // In the room, with a vote, casting none: the only mark of it but the empty « Votant » box.
        return notTakingPart && line.column === "present" ? gendered(t, "note.not_taking_part", line.member) : "";
      case "suppleant":
        return gendered(t, "note.suppleant", line.member, { name: shortName(line.sitting) });
      case "proxy_unused":
        return line.lapsedProxyHolder ? t.t("note.proxy_unused", { name: shortName(line.lapsedProxyHolder) }) : "";
      default:
        return gendered(t, `note.${line.note}`, line.member);
    }
  })();
  const place = placeOf(line, settings);
  return {
    member: shortName(line.member),
    note,
    ticks: columns.map((c) => c === place),
    present: place === "present",
    absent: place === "absent",
    excused: place === "excused",
    withdrawn: place === "withdrawn",
    voting: voted && line.voting,
    proxy: proxyHolderText(line.proxyHolder, t),
  };
}

/** The table's rows by college; `voted` false when the motion was not put to the vote (no « Votant » ticked). */
function collegeViews(
  lines: readonly SeatLine[],
  t: Catalogue,
  voted: boolean,
  columns: readonly PlaceColumn[],
  settings: AttendanceSettings | undefined,
  motion: Motion,
): CollegeView[] {
  const notTakingPart = new Set(motion.not_taking_part ?? []);
  const groups: SeatLine[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.collegeIndex === line.collegeIndex) last.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const [first, ...rest] = group.map((l) => row(l, t, voted, columns, settings, notTakingPart.has(l.member.id) || notTakingPart.has(l.sitting.id)));
    return { name: group[0]!.college ?? "", rowspan: group.length, first: first!, rest };
  });
}

/** « du 23 février 2021 », or nothing when the sitting is not known. */
function onDate(date: string | undefined, t: Catalogue): string {
  return date === undefined ? "" : t.t("link.date", { date: dateInFrench(date, t) });
}

/**
 * The links of a motion to the earlier acts it withdraws, replaces or corrects, and from the
 * later acts that withdraw, replace or correct it. The earlier act's date is the one written,
 * else the one of the act found (its own file, or the register when `links` knows it).
 */
export function actLinkSentences(session: Session, number: string, links: ActLinks, t: Catalogue): { links: string[]; successors: string[] } {
  const date = session.session.date;
  const motion = session.motions.find((m) => m.number === number);
  const made = links.from(date, number);
  const outgoing = linkKinds.flatMap((kind) => {
    const link = motion?.[kind];
    if (!link) return [];
    const found = made.find((l) => l.kind === kind)?.to;
    const inFile = session.motions.some((m) => m.number === link.number) ? date : undefined;
    return [t.t(`link.${kind}`, { number: link.number, date: onDate(link.date ?? found?.date ?? inFile, t) })];
  });
  const successors = links.to(date, number).map((l) => t.t(`successor.${l.kind}`, { number: l.from.number, date: onDate(l.from.date, t) }));
  return { links: outgoing, successors };
}

/** The data of one extract of the register, from the computed outcome of its motion. */
export function extractView(outcome: Outcome, motionOutcome: MotionOutcome, t: Catalogue, links: ActLinks = noLinks, settings: DocumentSettings = {}): ExtractView {
  const { session } = outcome;
  const { motion, attendance, vote } = motionOutcome;
  const lang = t.language;
  const words = assemblyWords(session, t);
  const signing = motion.signatory ?? session.session.signatory;
  const signer = outcome.members.get(signing.member);
  const label = (key: string) => t.t(key);
  const counted = motionOutcome.result !== "no_quorum";
  const decided = motionOutcome.result === "adopted" || someoneElected(motionOutcome);
  const publication = motion.publication;
  const executory =
    publication?.transmitted_on && publication.published_on
      ? [
          t.t(publication.actes_id ? "mention.executory.actes" : "mention.executory", {
            transmitted: dateInFrench(publication.transmitted_on, t),
            published: dateInFrench(publication.published_on, t),
            id: publication.actes_id ?? "",
          }),
        ]
      : [];
  const vocabulary = settings.attendance;
  const columns = shownColumns(attendance.lines, vocabulary);
  const colleges = collegeViews(attendance.lines, t, counted, columns, vocabulary, motion);
  const rows = colleges.flatMap((c) => [c.first, ...c.rest]);
  const missing = missingSeats(outcome.seats.missing, t);
  // The totals are the ticks counted: the table adds up by construction, and the count's
  // figures (present, absent and excused together) are the same.
  const total = (key: PlaceColumn) => rows.filter((r) => r[key]).length + (key === "absent" ? (missing?.count ?? 0) : 0);
  const votes = counted && vote ? voteView(vote, attendance.lines, t) : undefined;
  // Figures that depend on a fact the record does not give carry a mark and a note (issue 15).
  const depends = unknownDependencies(outcome).motions[motionOutcome.index]!;
  const markOfColumn = (key: PlaceColumn) => (key === "present" || key === "absent" || key === "excused" ? markOf(depends, key) : "");
  return {
    page: pageView(session, t, t.t("extract.title", { number: motion.number, object: motion.title }), "running.extract", { number: motion.number }, settings),
    number: motion.number,
    numberLine: upper(t.t("extract.number", { number: motion.number }), lang),
    heading: upper(t.t("extract.heading", { ofAssembly: words.of }), lang),
    objectLabel: label("extract.object"),
    object: motion.title,
    ...actLinkSentences(session, motion.number, links, t),
    opening: openingSentence(session, outcome, t),
    attendance: {
      hasColleges: session.colleges !== undefined,
      headers: {
        college: label("attendance.college"),
        member: label("attendance.member"),
        present: columnLabel("present", vocabulary, t),
        absent: columnLabel("absent", vocabulary, t),
        excused: columnLabel("excused", vocabulary, t),
        withdrawn: columnLabel("withdrawn", vocabulary, t),
        voting: columnLabel("voting", vocabulary, t),
        proxy: columnLabel("proxy", vocabulary, t),
        totals: label("attendance.totals"),
      },
      columns: columns.map((key) => ({
        key,
        label: columnLabel(key, vocabulary, t),
        total: total(key),
        missing: key === "absent" && missing ? missing.count : null,
        mark: markOfColumn(key),
      })),
      checked: label("attendance.checked"),
      // Without quorum the motion was not put to the vote: nobody voted on it (L2121-17).
      colleges,
      totals: {
        present: total("present"),
        absent: total("absent"),
        excused: total("excused"),
        withdrawn: total("withdrawn"),
        voting: counted ? attendance.totals.voting : 0,
        votingMark: counted ? markOf(depends, "voting") : "",
      },
      missing,
    },
    quorum: quorumSentence(motionOutcome, session, t) + markOf(depends, "quorum"),
    unknownNotes: unknownNotes([depends], counted ? ["quorum", "present", "absent", "excused", "voting", "for", "expressed"] : ["quorum", "present", "absent", "excused"], outcome, t),
    circumstances: circumstances(motionOutcome, outcome, t),
    ...motionText(outcome, motionOutcome, t),
    result: motionOutcome.election && counted ? electionResult(motionOutcome, t) : resultLine(motionOutcome, session, t),
    votes: votes ? markedVotes(votes.votes, depends, t) : null,
    names: votes?.names ?? [],
    election: counted ? electionView(motionOutcome, t, session) : null,
    done: counted ? label("extract.done") : null,
    certified: certification(session, motion, settings, t),
    signatory: { capacity: `${signing.capacity ?? executiveTitle(session.body.kind, signer, t)},`, name: signer ? fullName(signer) : signing.member },
    cosignatories: officerSignatures(outcome, t).slice(1),
    mentions: [...executory, ...mention(t, "mention.online", publication?.online_on)],
    executory: decided && executory.length === 0 ? executoryBlock(motion, t) : null,
    recourse: counted ? recourseMention(settings, t) : null,
  };
}

/** A deliberation's own text, as the extract and the procès-verbal print it (L2121-15). */
export type MotionText = Pick<ExtractView, "preamble" | "assemblyLine" | "visas" | "considerations" | "hearing" | "proposal" | "deliberated" | "formulas" | "draftNote" | "decisions">;

/** The text of a motion: preamble, visas, considérants, the formulas before its decisions, the decisions. */
export function motionText(outcome: Outcome, motionOutcome: MotionOutcome, t: Catalogue): MotionText {
  const { motion } = motionOutcome;
  const lang = t.language;
  const rapporteur = motion.rapporteur ? outcome.members.get(motion.rapporteur) : undefined;
  const election = motion.kind === "election";
  const decided = motionOutcome.result === "adopted" || someoneElected(motionOutcome);
  const hearing = election
    ? null
    : rapporteur
      ? t.t("motion.hearing.named", { rapporteur: formalName(rapporteur, t) })
      : motion.unnamed_rapporteur
        ? t.t("motion.hearing")
        : null;
  const proposal = motion.on_proposal_of ? t.t("motion.proposal", { of: motion.on_proposal_of }) : null;
  const deliberated = election || motionOutcome.result === "no_quorum" ? null : t.t("motion.deliberated");
  return {
    preamble: motion.preamble ? { label: t.t("preamble.label"), html: renderMarkdown(motion.preamble) } : null,
    assemblyLine: t.t("motion.assembly", { TheAssembly: capitalize(assemblyWords(outcome.session, t).the, lang) }),
    visas: (motion.visas ?? []).map(renderMarkdown),
    considerations: (motion.considerations ?? []).map(renderMarkdown),
    // The rapporteur only when the file names one (or says the record heard one unnamed).
    hearing,
    proposal,
    deliberated,
    formulas: [hearing, proposal, deliberated].filter((x): x is string => x !== null),
    draftNote: decided ? null : t.t(`draft.${motionOutcome.result}`),
    decisions: motion.decisions.map((d) => ({ verb: d.verb, articles: d.articles.map(renderMarkdown) })),
  };
}

/** The day after `isoDate`, as YYYY-MM-DD. */
function nextDay(isoDate: string): string {
  // By hand, not with Date: the first Date a run makes loads the time zones (some 30 ms an
  // HTML build would pay for one day's arithmetic).
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const [y, m, d] = day < length ? [year, month, day + 1] : month < 12 ? [year, month + 1, 1] : [year + 1, 1, 1];
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Where the extract is certified: the configured place, else the body's seat, else a
 * commune's own name (« Commune de Viens »: Viens); none when nothing says it.
 */
export function certificationPlace(session: Session, settings: DocumentSettings): string | undefined {
  const configured = settings.certification?.place ?? settings.identity?.seat;
  if (configured) return configured;
  if (session.body.kind !== "commune") return undefined;
  return /^(?:Commune|Ville) (?:de |d'|d’)(.+)$/.exec(session.body.name)?.[1];
}

/** « Pour extrait conforme, à Viens, le 6 avril 2022, »: the motion's date, else the configured day. */
function certification(session: Session, motion: Motion, settings: DocumentSettings, t: Catalogue): string {
  const sitting = session.session.date;
  const on = motion.certified_on ?? (settings.certification?.date === "sitting_day" ? sitting : nextDay(sitting));
  const place = certificationPlace(session, settings);
  const date = dateInFrench(on, t);
  return place ? t.t("signature.certified.at", { place, date }) : t.t("signature.certified.on", { date });
}

/** The exécutoire block before the dates are all known: what is known filled in, the rest left blank to fill by hand. */
function executoryBlock(motion: Motion, t: Catalogue): ExtractView["executory"] {
  const p = motion.publication;
  const line = (key: string, value: string | undefined) => ({ label: t.t(key), value: value ?? t.t("executory.blank"), blank: value === undefined });
  return {
    title: t.t("executory.title"),
    lines: [
      line("executory.transmitted", p?.transmitted_on ? dateInFrench(p.transmitted_on, t) : undefined),
      line(
        "executory.acknowledgement",
        p?.actes_id && p.acknowledged_on ? t.t("executory.acknowledgement.dated", { id: p.actes_id, date: dateInFrench(p.acknowledged_on, t) }) : p?.actes_id,
      ),
      line("executory.published", p?.published_on ? dateInFrench(p.published_on, t) : undefined),
    ],
  };
}

/** The voies et délais de recours, as the body configures them (CJA R421-1, R421-5). */
export function recourseMention(settings: DocumentSettings, t: Catalogue): ExtractView["recourse"] {
  const recourse = settings.recourse ?? {};
  if (recourse.print === false) return null;
  const court = recourse.court
    ? t.t(recourse.address ? "recourse.court.address" : "recourse.court.named", { court: recourse.court, address: recourse.address ?? "" })
    : t.t("recourse.court.unnamed");
  return {
    title: t.t("recourse.title"),
    paragraphs: [t.t("recourse.contentious", { court, telerecours: recourse.telerecours === false ? "" : t.t("recourse.telerecours") }), t.t("recourse.gracious")],
  };
}

/**
 * The title the signatory signs under when the file gives no capacity: the executive of the
 * kind of body (« Le Maire » of a commune, « Le Président » of the others, from the catalogue),
 * agreeing with the signer's civility.
 */
function executiveTitle(kind: string, signer: Member | undefined, t: Catalogue): string {
  const key = t.has(`signatory.executive.${kind}`) ? `signatory.executive.${kind}` : "signatory.executive";
  return signer ? gendered(t, key, signer) : t.t(key);
}

/** The seats in office no listed member holds: counted in the totals, so shown as their own row. */
function missingSeats(count: number, t: Catalogue): { label: string; count: number } | null {
  return count > 0 ? { label: t.t("attendance.missing"), count } : null;
}
