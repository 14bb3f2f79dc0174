// The record of one election (its procès-verbal), beside the motion's extract, following the
// ministry of the Interior's models: « procès-verbal de l'élection du maire et des adjoints »
// and « procès-verbal de l'élection des délégués du conseil municipal et de leurs suppléants en
// vue de l'élection des sénateurs »; the general record follows the same sections for the other
// elections. The rule applied (law/elections.yaml, `rule.record`) chooses the model: the
// sitting's heading, the bureau, the mode of ballot, each ballot round by round (lines a to f,
// the votes in figures and in words), the seats' working at the proportional, the
// proclamation, the observations (left to write by hand), the closing and the signatures.
// What the file does not give is left blank to fill in, never guessed.
import type { DocumentSettings } from "../config/load-config.js";
import type { Member } from "../model/session.js";
import type { Candidate, ElectionOutcome, MotionOutcome, Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { ballotViews, candidateName, listPhrase, seatsLeftText, shareWords, type BallotView } from "./election-ballots.js";
import { openingSentence } from "./extract-view.js";
import { dateInFrench } from "./french-dates.js";
import { quorumSentence } from "./motion-sentences.js";
import { pageView, type PageView, type SignatureView } from "./session-view.js";
import { agreeing, assemblyWords, citation, fullName, gendered, joinNames, shortName, upper } from "./words.js";
import { isUnnamed } from "../model/unknown-facts.js";
import { unknownDependencies, type DependentFigure, type FigureDependencies } from "../tally/unknown-dependencies.js";
import { markOf, unknownNotes, unnamedSeatNote } from "./unknown-marks.js";

/** A numbered section of the record: its title and its paragraphs. */
export interface RecordSectionView {
  title: string;
  paragraphs: string[];
}

/** Everything the election record's template (election.hbs) prints. */
export interface ElectionRecordView {
  page: PageView;
  /** Which ministry model: `maire_adjoints`, `delegues_senatoriaux` or `election`. */
  model: string;
  /** « PROCÈS-VERBAL DE L'ÉLECTION DU MAIRE ET DES ADJOINTS » */
  title: string;
  /** « Délibération n° 2020-01 : Élection du maire » */
  subtitle: string;
  /** The model's heading box: members by law, in office, seats to fill… (those known), `*` after a figure that depends on a fact the record does not give. */
  facts: { label: string; value: string }[];
  /** A note for each fact the record does not give that a marked figure depends on. */
  unknownNotes: string[];
  opening: string;
  /** Present, represented, excused, absent: each label with its names. */
  attendance: { label: string; names: string }[];
  bureau: RecordSectionView;
  mode: RecordSectionView;
  /** « Nombre de suffrages obtenus », above the columns in figures and in words. */
  votesLabel: string;
  /** Each ballot (titulaires, suppléants), numbered after the bureau and the mode of ballot. */
  ballots: (BallotView & { number: string })[];
  proclamation: RecordSectionView;
  /** Observations et réclamations: ruled lines left to write on (delib knows of none and invents none). */
  observations: { title: string; lines: string[] };
  closing: RecordSectionView;
  signatures: SignatureView[];
}

/** The data of the record of the election of `motion` (which has an election outcome). */
export function electionRecordView(outcome: Outcome, motion: MotionOutcome, t: Catalogue, settings: DocumentSettings = {}): ElectionRecordView {
  const { session } = outcome;
  const election = motion.election!;
  const model = election.rule.record;
  const number = motion.motion.number;
  const words = assemblyWords(session, t);
  const people = new Map((motion.motion.election?.people ?? []).map((p) => [p.id, p] as const));
  const person = (id: string): Member | undefined => outcome.members.get(id) ?? people.get(id);
  const ballots = ballotViews(election, t, "alphabetical", session.body.kind);
  const depends = unknownDependencies(outcome).motions[motion.index]!;
  let section = 0;
  const numbered = (title: string) => t.t("record.section", { number: ++section, title });
  const bureau = { title: numbered(t.t(`record.bureau.title.${model}`)), paragraphs: bureauParagraphs(outcome, motion, t, person) };
  const mode = { title: numbered(t.t("record.mode.title")), paragraphs: modeParagraphs(election, motion.motion.election?.public_by_unanimous_decision === true, t) };
  const numberedBallots = ballots.map((b) => ({ ...b, number: numbered(b.title) }));
  const proclaimed = { title: numbered(t.t("record.proclamation.title")), paragraphs: proclamation(election, t) };
  const observations = { title: numbered(t.t("record.observations.title")), lines: ["", "", "", ""] };
  const signatures = recordSignatures(outcome, motion, t, person);
  const closing = {
    title: numbered(t.t("record.closing.title")),
    paragraphs: [t.t("record.closing", { date: dateInFrench(session.session.date, t), blank: t.t("record.blank") })],
  };
  const title = t.t(`record.title.${model}`);
  return {
    page: pageView(session, t, t.t("record.page_title", { title, number }), "running.election", { number }, settings),
    model,
    title: upper(title, t.language),
    subtitle: t.t("record.subtitle", { number, object: motion.motion.title }),
    facts: facts(outcome, motion, election, t, words.of, depends),
    unknownNotes: unknownNotes([depends], factFigures, outcome, t),
    opening: openingSentence(session, outcome, t),
    attendance: attendance(motion, t),
    bureau,
    mode,
    votesLabel: t.t("record.votes"),
    ballots: numberedBallots,
    proclamation: proclaimed,
    observations,
    closing,
    signatures,
  };
}

/** The model's heading box: the figures it asks for that the file and the count give. */
/** The heading's figures that may depend on a fact the record does not give. */
const factFigures: DependentFigure[] = ["present", "represented", "voting"];

function facts(outcome: Outcome, motion: MotionOutcome, election: ElectionOutcome, t: Catalogue, ofAssembly: string, depends: FigureDependencies): { label: string; value: string }[] {
  const totals = motion.attendance.totals;
  const rows: { label: string; value: string }[] = [];
  const add = (key: string, value: number | undefined, values: Record<string, string> = {}, figure?: DependentFigure) => {
    if (value !== undefined) rows.push({ label: t.t(key, values), value: String(value) + (figure ? markOf(depends, figure) : "") });
  };
  add("record.fact.seats_by_law", outcome.seats.seats, { ofAssembly });
  add("record.fact.in_office", motion.quorum.counts === "voices" ? undefined : motion.quorum.inOffice);
  add("record.fact.present", totals.present, {}, "present");
  add("record.fact.represented", totals.represented > 0 ? totals.represented : undefined, {}, "represented");
  add("record.fact.voting", totals.voting, {}, "voting");
  add(t.has(`record.fact.to_elect.${election.kind}`) ? `record.fact.to_elect.${election.kind}` : "record.fact.to_elect", election.seats);
  add("record.fact.substitutes_to_elect", election.substitutes?.seats);
  return rows;
}

/** Who was there for this election: present, represented (with their holder), excused, absent. */
function attendance(motion: MotionOutcome, t: Catalogue): { label: string; names: string }[] {
  const lines = motion.attendance.lines;
  const names = (items: string[]) => (items.length === 0 ? t.t("none") : joinNames(items));
  // A person the record does not name is never given a name nor a civility: the titulaire
  // « suppléé, suppléant non mentionné au registre », the proxy « mandataire non mentionné ».
  const sitting = (l: (typeof lines)[number]) => {
    const note = unnamedSeatNote(l, t);
    const name = shortName(isUnnamed(l.sitting) ? l.member : l.sitting);
    return note === undefined ? name : t.t("record.attendance.noted", { name, note });
  };
  const represented = (l: (typeof lines)[number]) =>
    isUnnamed(l.proxyHolder!) ? t.t("record.attendance.represented.unnamed", { name: shortName(l.member) }) : t.t("names.represented", { name: shortName(l.member), holder: shortName(l.proxyHolder!) });
  return [
    { label: t.t("record.attendance.present"), names: names(lines.filter((l) => l.column === "present").map(sitting)) },
    { label: t.t("record.attendance.represented"), names: names(lines.filter((l) => l.proxyHolder).map(represented)) },
    { label: t.t("record.attendance.excused"), names: names(lines.filter((l) => l.column === "excused" && !l.proxyHolder).map((l) => shortName(l.member))) },
    { label: t.t("record.attendance.absent"), names: names(lines.filter((l) => l.column === "absent").map((l) => shortName(l.member))) },
  ];
}

/** The eldest of `members` when every one's birth date is known; undefined otherwise. */
function eldest(members: readonly Member[]): Member | undefined {
  if (members.length === 0 || members.some((m) => m.birth_date === undefined)) return undefined;
  return [...members].sort((a, b) => a.birth_date!.localeCompare(b.birth_date!))[0];
}

function bureauParagraphs(outcome: Outcome, motion: MotionOutcome, t: Catalogue, person: (id: string) => Member | undefined): string[] {
  const { session } = outcome;
  const chair = motion.chair;
  const present = motion.attendance.lines.filter((l) => l.column === "present").map((l) => l.sitting);
  // The eldest member present presides at the election of the maire (CGCT L2122-8): said only
  // when the birth dates show it, never assumed.
  const chairIsEldest = eldest(present)?.id === chair.id;
  const paragraphs = [gendered(t, chairIsEldest ? "record.bureau.chair.eldest" : "record.bureau.chair", chair, { name: shortName(chair) })];
  const secretaries = (session.session.secretaries ?? []).map(person).filter((m): m is Member => m !== undefined);
  paragraphs.push(
    secretaries.length === 0
      ? t.t("record.bureau.secretary.blank", { blank: t.t("record.blank") })
      : secretaries.length === 1
        ? gendered(t, "record.bureau.secretary", secretaries[0]!, { name: shortName(secretaries[0]!) })
        : t.t("record.bureau.secretaries", { names: joinNames(secretaries.map(shortName)) }),
  );
  paragraphs.push(quorumSentence(motion, session, t));
  const assessors = (motion.motion.election?.bureau?.assessors ?? []).map(person).filter((m): m is Member => m !== undefined);
  paragraphs.push(
    assessors.length === 0
      ? t.t("record.bureau.assessors.blank", { blank: t.t("record.blank") })
      : t.t("record.bureau.assessors", { label: agreeing(t, "record.bureau.assessors.label", assessors), names: joinNames(assessors.map(shortName)) }),
  );
  return paragraphs;
}

/** The mode of ballot, as the rule applied states it, each sentence with its article. */
function modeParagraphs(election: ElectionOutcome, publicByDecision: boolean, t: Catalogue): string[] {
  const { rule } = election;
  const source = citation(rule.source, t);
  // The assembly's unanimous decision is only open where the rule allows it (checked: DLB3113).
  const ballot = publicByDecision && rule.ballot.rule === "secret_unless_unanimous" ? "public_by_decision" : rule.ballot.rule;
  const paragraphs = [t.t(`record.mode.ballot.${ballot}`, { source: citation(rule.ballot.source, t) })];
  if (rule.allocation === "majority") {
    const rounds = rule.rounds.map((round, i) =>
      t.t(`record.mode.round.${round.majority}`, { ordinal: t.t(`record.ordinal.${i + 1}`), atLeast: round.at_least ? t.t("record.mode.round.at_least", { share: shareWords(round.at_least.fraction, t) }) : "" }),
    );
    paragraphs.push(t.t(`record.mode.${rule.candidacy}`, { rounds: joinNames(rounds), source }));
  } else {
    paragraphs.push(t.t(`record.mode.${rule.allocation}`, { source }));
  }
  paragraphs.push(t.t(`record.mode.tie.${rule.tie.rule}`, { source: citation(rule.tie.source, t) }));
  if (rule.parity) paragraphs.push(t.t(`record.mode.parity.${rule.parity.rule}`, { source: citation(rule.parity.source, t) }));
  if (rule.incomplete_lists?.allowed) paragraphs.push(t.t("record.mode.incomplete_lists", { source: citation(rule.incomplete_lists.source, t) }));
  if (rule.substitutes) paragraphs.push(t.t(`record.mode.substitutes.${rule.substitutes.how}`, { source: citation(rule.substitutes.source, t) }));
  return paragraphs;
}

/** « M. X a été proclamé maire et a été immédiatement installé. », « Ont été proclamés … : 1. …, 2. … » */
function proclamation(election: ElectionOutcome, t: Catalogue): string[] {
  const model = election.rule.record;
  const paragraphs: string[] = [];
  // The post as the file names it for one person, else the kind's word agreeing with those elected;
  // undefined when the kind has no word of its own (« proclamés élus », never « élus (élus) »).
  const post = (people: readonly Candidate[]) => {
    if (t.has(`record.post.${election.kind}`) && (election.post === undefined || people.length > 1)) return agreeing(t, `record.post.${election.kind}`, people);
    return election.post;
  };
  const announce = (people: readonly Candidate[], base: string) => {
    if (people.length === 0) return t.t(base === "record.proclamation.substitutes" ? "record.proclamation.none.substitutes" : "record.proclamation.none");
    const word = post(people);
    const bare = word === undefined && t.has(`${base}.one.bare`) ? ".bare" : "";
    const postWord = word ?? agreeing(t, "record.post", people);
    if (people.length === 1) return gendered(t, `${base}.one${bare}`, people[0]!, { name: candidateName(people[0]!), post: postWord });
    const ranked = people.map((c, i) => t.t("record.rank", { rank: i + 1, name: candidateName(c) })).join(" ; ");
    const many = `${base}.many${bare}`;
    return t.t(people.every((c) => c.civility === "Mme") && t.has(`${many}.f`) ? `${many}.f` : many, { names: ranked, post: postWord });
  };
  const base = t.has(`record.proclamation.${model}.one`) ? `record.proclamation.${model}` : "record.proclamation.election";
  const list = election.rounds.find((r) => r.electedList)?.electedList;
  if (list) paragraphs.push(t.t("record.proclamation.list", { list: listPhrase(list, t) }));
  paragraphs.push(announce(election.elected, base));
  const left = seatsLeftText(election, t);
  if (left !== "") paragraphs.push(left);
  if (election.substitutes) paragraphs.push(announce(election.substitutes.elected, "record.proclamation.substitutes"));
  return paragraphs;
}

/** The bureau's signatures: the president of the election, the assessors, the secretaries; a line left for each. */
function recordSignatures(outcome: Outcome, motion: MotionOutcome, t: Catalogue, person: (id: string) => Member | undefined): SignatureView[] {
  const chair = motion.chair;
  const blocks: SignatureView[] = [{ capacity: gendered(t, "record.signature.president", chair), name: fullName(chair) }];
  const assessors = (motion.motion.election?.bureau?.assessors ?? []).map(person).filter((m): m is Member => m !== undefined);
  if (assessors.length === 0) blocks.push({ capacity: t.t("record.signature.assessors"), name: "" });
  for (const a of assessors) blocks.push({ capacity: gendered(t, "record.signature.assessor", a), name: fullName(a) });
  const secretaries = (outcome.session.session.secretaries ?? []).map(person).filter((m): m is Member => m !== undefined);
  if (secretaries.length === 0) blocks.push({ capacity: t.t("record.signature.secretary"), name: "" });
  for (const s of secretaries) blocks.push({ capacity: gendered(t, "record.signature.secretary", s), name: fullName(s) });
  return blocks;
}
