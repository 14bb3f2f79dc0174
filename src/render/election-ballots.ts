// An election's ballots as the documents print them: each round's figures (lines a to f of the
// ministry's records of the election of the maire and adjoints and of the délégués
// sénatoriaux), each candidate's or list's votes in figures and in words, the seats shared at
// the proportional with the working, the ties and who was elected. The election record prints
// it whole; the extract and the procès-verbal print the same figures (one path, one wording).
// Every figure comes from the count (tally/outcome.ts), every article from the rule applied.
import type { AllocationStep, BallotOutcome, Candidate, ElectionList, ElectionOutcome, ElectionRoundOutcome, MotionOutcome, SeatAllocation } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { numberInFrenchWords } from "./french-words.js";
import { agreeing, citation, gendered, listSeparators, shortName } from "./words.js";

/** One of the lines a to f of a round: its letter, its label, the figure and the figure in words. */
export interface FigureView {
  letter: string;
  label: string;
  figure: string;
  words: string;
}

/** One row of a round's table: a candidate or a list, with its votes in figures and in words. */
export interface VotesRowView {
  name: string;
  figure: string;
  words: string;
}

export interface RoundView {
  /** « Premier tour de scrutin » */
  title: string;
  figures: FigureView[];
  headers: { name: string; figures: string; words: string };
  rows: VotesRowView[];
  /** What the round decided: the floor of an absolute majority, who was elected, a tie and its rule. */
  notes: string[];
}

/** The seats shared between the lists, with the working (quotient, averages or remainders, ties). */
export interface AllocationView {
  title: string;
  /** The method and the article applied. */
  method: string;
  /** « Quotient électoral : … », at the highest remainder. */
  quota: string | null;
  headers: { list: string; votes: string; seats: string; elected: string };
  rows: { list: string; votes: string; seats: string; elected: string }[];
  /** Seat by seat: to which list, by which quotient, average or remainder, and how a tie was broken. */
  steps: string[];
}

export interface BallotView {
  /** « Élection des délégués », « Élection des suppléants », « Élection : premier adjoint ». */
  title: string;
  rounds: RoundView[];
  allocation: AllocationView | null;
  /** Who was elected, in order (each as printed). */
  elected: string[];
  /** « Sont élus : … », or that nobody was, or the seats left to fill. */
  result: string;
}

/** How a round's table lists the candidates: as the ministry's records ask (alphabetical), or most votes first. */
export type RowOrder = "alphabetical" | "votes";

/** A candidate's name as printed: « M. Jean DUPONT ». */
export function candidateName(candidate: Candidate): string {
  return shortName(candidate);
}

/** A list as printed: its name, else « Liste conduite par M. Jean DUPONT ». */
export function listName(list: ElectionList, t: Catalogue): string {
  if (list.name !== undefined) return list.name;
  const head = list.candidates[0];
  return head ? t.t("election.list.led_by", { head: candidateName(head) }) : list.id;
}

/** « la liste « Avenir » », « la liste conduite par M. Jean DUPONT »: a list within a sentence. */
export function listPhrase(list: ElectionList, t: Catalogue): string {
  if (list.name !== undefined) return t.t("election.list.the_named", { name: list.name });
  const head = list.candidates[0];
  return head ? t.t("election.list.the_led_by", { head: candidateName(head) }) : list.id;
}

/**
 * Those of a round's `byTie` who did tie: another candidate had as many votes. The tie rule
 * printed beside a candidate who had more votes than all the others would be a tie invented.
 */
export function electedByTie(round: ElectionRoundOutcome): Candidate[] {
  const votes = new Map(round.candidates.map((c) => [c.candidate.id, c.votes] as const));
  return round.byTie.filter((c) => round.candidates.some((o) => o.candidate.id !== c.id && o.votes === votes.get(c.id)));
}

/**
 * Someone was elected: the documents print who, and the extract its « Caractère exécutoire »,
 * even when seats remain to be filled (a partly filled election is an election).
 */
export function someoneElected(motion: MotionOutcome): boolean {
  return motion.result !== "no_quorum" && (motion.election?.elected.length ?? 0) > 0;
}

/** The seats a ballot that elected someone left to fill; 0 when it filled them all or elected nobody. */
export function seatsLeft(ballot: BallotOutcome): number {
  return ballot.elected.length > 0 && !ballot.complete ? Math.max(0, ballot.seats - ballot.elected.length) : 0;
}

/** « Un siège reste à pourvoir. », « 2 sièges restent à pourvoir. » (`short`: in lower case, without the full stop); "" when none. */
export function seatsLeftText(ballot: BallotOutcome, t: Catalogue, short = false): string {
  const left = seatsLeft(ballot);
  if (left === 0) return "";
  const key = short ? "election.seats_left.short" : "election.seats_left";
  return t.t(left === 1 ? `${key}.one` : key, { seats: left });
}

/** « A, B et C » in the catalogue's language (`delib explain` may be English). */
export function joinNames(names: readonly string[], t: Catalogue): string {
  const separators = listSeparators(names.length, ", ", t.t("election.and"));
  return names.map((name, i) => name + separators[i]).join("");
}

/** A number in figures and in words (« 71 », « soixante-et-onze »), as the records write votes. */
function inWords(n: number): string {
  return numberInFrenchWords(n);
}

/** An exact fraction as printed: a whole number, a short decimal, or the fraction and its value to two places. */
export function fractionText(value: { readonly numerator: number; readonly denominator: number }): string {
  const { numerator, denominator } = value;
  if (numerator % denominator === 0) return String(numerator / denominator);
  const decimal = (places: number) => (numerator / denominator).toFixed(places).replace(".", ",");
  // Exact in two decimals (7/2, 29/4): the decimal says it all.
  if ((numerator * 100) % denominator === 0) return decimal(2).replace(/0$/, "");
  return `${numerator}/${denominator} ≈ ${decimal(2)}`;
}

/** « le quart », « la moitié »: a fraction of the members in office, in words when the catalogue has them. */
export function shareWords(fraction: string, t: Catalogue): string {
  return t.has(`election.share.${fraction}`) ? t.t(`election.share.${fraction}`) : t.t("election.share.other", { fraction });
}

/** The ballots of an election: the titulaires', then the suppléants' when elected apart. */
export function ballotViews(election: ElectionOutcome, t: Catalogue, order: RowOrder, bodyKind: string, letters = true): BallotView[] {
  const recordKey = (key: string) => (t.has(`${key}.${election.kind}`) ? `${key}.${election.kind}` : key);
  // The kind's title (« Élection du maire »), unless the file names a post of its own (« premier adjoint »).
  const kindWord = t.has(`record.post.${election.kind}.one`) ? t.t(`record.post.${election.kind}.one`) : t.has(`record.post.${election.kind}`) ? t.t(`record.post.${election.kind}`) : undefined;
  const ownPost = election.post !== undefined && election.post !== kindWord;
  const titulaires = ballotView(election, election, t, order, bodyKind, letters, {
    title: t.has(`election.ballot.${election.kind}`) && !ownPost
      ? t.t(`election.ballot.${election.kind}`)
      : election.post !== undefined
        ? t.t("election.ballot.post", { post: election.post })
        : t.t("election.ballot"),
    electedKey: recordKey("election.elected"),
  });
  if (!election.substitutes) return [titulaires];
  const substitutes = ballotView(election, election.substitutes, t, order, bodyKind, letters, {
    title: t.t("election.ballot.substitutes"),
    electedKey: "election.elected.substitutes",
  });
  return [titulaires, substitutes];
}

function ballotView(
  election: ElectionOutcome,
  ballot: BallotOutcome,
  t: Catalogue,
  order: RowOrder,
  bodyKind: string,
  letters: boolean,
  labels: { title: string; electedKey: string },
): BallotView {
  const single = ballot.rounds.length === 1 && ballot.rounds[0]!.majority === "proportional";
  const rounds = ballot.rounds.map((round) => roundView(election, round, t, order, bodyKind, single, letters));
  const elected = ballot.elected.map(candidateName);
  const left = seatsLeftText(ballot, t);
  const result =
    ballot.elected.length === 0
      ? t.t(labels.electedKey === "election.elected.substitutes" ? "election.elected.none.substitutes" : "election.elected.none")
      : t.t("election.elected.line", { elected: agreeing(t, labels.electedKey, ballot.elected), names: joinNames(elected, t) }) + (left === "" ? "" : ` ${left}`);
  return {
    title: labels.title,
    rounds,
    allocation: ballot.allocation ? allocationView(election, ballot.allocation, t) : null,
    elected,
    result,
  };
}

function roundView(election: ElectionOutcome, round: ElectionRoundOutcome, t: Catalogue, order: RowOrder, bodyKind: string, single: boolean, letters: boolean): RoundView {
  // Without the letters a to f (the extract, the procès-verbal), no label refers to them.
  const labelKey = (key: string) => (!letters && t.has(`${key}.plain`) ? `${key}.plain` : t.has(`${key}.${bodyKind}`) ? `${key}.${bodyKind}` : key);
  const figure = (letter: string, key: string, n: number | undefined): FigureView => ({
    letter,
    label: t.t(labelKey(key)),
    // Not given by the file: left blank, to be filled by hand, never guessed.
    figure: n === undefined ? "" : String(n),
    words: n === undefined ? "" : inWords(n),
  });
  const figures = [
    figure("a", "election.figure.not_voting", round.notVoting),
    figure("b", "election.figure.ballots", round.ballots),
    figure("c", "election.figure.null", round.null),
    figure("d", "election.figure.blank", round.blank),
    figure("e", "election.figure.expressed", round.expressed),
    ...(round.majority === "absolute" ? [figure("f", "election.figure.majority", round.needed)] : []),
  ];
  const candidates =
    order === "alphabetical"
      ? [...round.candidates].sort((a, b) => compareNames(a.candidate, b.candidate))
      : round.candidates;
  const rows: VotesRowView[] = [
    ...candidates.map((c) => ({ name: candidateName(c.candidate), figure: String(c.votes), words: inWords(c.votes) })),
    ...round.lists.map((l) => ({ name: listName(l.list, t), figure: String(l.votes), words: inWords(l.votes) })),
  ];
  const list = round.lists.length > 0;
  return {
    title: t.t(single ? "election.round.title.single" : `election.round.title.${round.number}`),
    figures,
    headers: {
      name: t.t(list ? "election.table.list" : order === "alphabetical" ? "election.table.candidate.alphabetical" : "election.table.candidate"),
      figures: t.t("election.table.figures"),
      words: t.t("election.table.words"),
    },
    rows,
    notes: roundNotes(election, round, t),
  };
}

function compareNames(a: Candidate, b: Candidate): number {
  return a.last_name.localeCompare(b.last_name, "fr") || a.first_name.localeCompare(b.first_name, "fr") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What a round decided, in sentences: its floor, who it elected, how a tie was broken (with the rule's article). */
function roundNotes(election: ElectionOutcome, round: ElectionRoundOutcome, t: Catalogue): string[] {
  const { rule } = election;
  const notes: string[] = [];
  const law = rule.rounds[Math.min(round.number, rule.rounds.length) - 1];
  if (round.majority === "absolute" && round.atLeast !== undefined && law?.at_least) {
    notes.push(t.t("election.note.at_least", { atLeast: round.atLeast, share: shareWords(law.at_least.fraction, t), source: citation(law.at_least.source, t) }));
  }
  if (round.majority === "relative") notes.push(t.t("election.note.relative", { source: citation(rule.source, t) }));
  if (round.majority === "proportional") return notes;
  const tie = citation(rule.tie.source, t);
  if (round.electedList) {
    const key = round.byTie.length > 0 ? `election.note.tie.${rule.tie.rule}.list` : "election.note.list_elected";
    notes.push(t.t(t.has(key) ? key : "election.note.tie.list", { list: listPhrase(round.electedList, t), source: tie }));
    return notes;
  }
  const tieElected = electedByTie(round);
  const byTie = new Set(tieElected.map((c) => c.id));
  const plain = round.elected.filter((c) => !byTie.has(c.id));
  if (plain.length > 0) {
    notes.push(t.t(round.majority === "absolute" ? "election.note.absolute_reached" : "election.note.most_votes", { names: joinNames(plain.map(candidateName), t), elected: agreeing(t, "election.note.elected", plain) }));
  }
  for (const candidate of tieElected) {
    const votes = round.candidates.find((c) => c.candidate.id === candidate.id)?.votes;
    const tied = round.candidates.filter((c) => c.votes === votes && c.candidate.id !== candidate.id).map((c) => candidateName(c.candidate));
    const key = t.has(`election.note.tie.${rule.tie.rule}`) ? `election.note.tie.${rule.tie.rule}` : "election.note.tie";
    notes.push(gendered(t, key, candidate, { name: candidateName(candidate), others: joinNames(tied, t), votes: votes ?? 0, source: tie }));
  }
  if (round.tied.length > 0) notes.push(t.t("election.note.tied_undecided", { names: joinNames(round.tied.map(candidateName), t) }));
  if (round.tiedLists.length > 0) notes.push(t.t("election.note.tied_undecided", { names: joinNames(round.tiedLists.map((l) => listName(l, t)), t) }));
  // A list ballot: « Aucune liste … », not « Aucun candidat … ».
  const lists = round.lists.length > 0 ? ".list" : "";
  if (round.elected.length === 0 && round.tied.length === 0 && round.tiedLists.length === 0 && round.majority === "absolute") notes.push(t.t(`election.note.none_absolute${lists}`));
  if (round.elected.length === 0 && round.tied.length === 0 && round.tiedLists.length === 0 && round.majority === "relative") notes.push(t.t(`election.note.none${lists}`));
  return notes;
}

function allocationView(election: ElectionOutcome, allocation: SeatAllocation, t: Catalogue): AllocationView {
  const tieSource = citation(election.rule.tie.source, t);
  return {
    title: t.t("election.allocation.title"),
    method: t.t(`election.allocation.${allocation.method}`, { seats: allocation.seats, source: citation(election.rule.source, t) }),
    quota: allocation.quota ? t.t("election.allocation.quota", { quota: fractionText(allocation.quota), seats: allocation.seats }) : null,
    headers: { list: t.t("election.table.list"), votes: t.t("election.allocation.votes"), seats: t.t("election.allocation.seats"), elected: t.t("election.allocation.elected") },
    rows: allocation.lists.map((l) => ({
      list: listName(l.list, t),
      votes: String(l.votes),
      seats: String(l.seats),
      // A list that ran out of candidates: its further seats went to the others.
      elected: joinNames(l.elected.map(candidateName), t) + (l.full ? t.t("election.allocation.full") : ""),
    })),
    steps: [
      // The count sets `tie` only where the tie rule chose, and `tiedWith` to the lists still tied then.
      ...allocation.steps.map((step) => stepText(step, t, tieSource)),
      ...(allocation.tied.length > 0 ? [t.t("election.allocation.tied", { lists: joinNames(allocation.tied.map((l) => listName(l, t)), t) })] : []),
    ],
  };
}

/** « Siège 3 : Liste A, à la plus forte moyenne (7,5) ; à égalité, … » */
function stepText(step: AllocationStep, t: Catalogue, tieSource: string): string {
  const list = step.candidate ? t.t("election.allocation.list_candidate", { list: listName(step.list, t), name: candidateName(step.candidate) }) : listName(step.list, t);
  const text = t.t(`election.allocation.step.${step.by}`, { seat: step.seat, list, value: step.value ? fractionText(step.value) : "" });
  if (!step.tie) return text;
  const others = step.tiedWith.length > 0 ? t.t("election.allocation.tied_with", { lists: joinNames(step.tiedWith.map((l) => listName(l, t)), t) }) : "";
  return `${text}${t.t(`election.allocation.tie.${step.tie}`, { source: tieSource, others })}`;
}
