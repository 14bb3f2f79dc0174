import type { Member, Session } from "../model/session.js";
import type { MotionOutcome, Outcome, SeatLine, VoteOutcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrenchWords } from "./french-words.js";
import { renderMarkdown } from "./markdown.js";
import { dateInFrench } from "./french-dates.js";
import { mention, officerSignatures, pageView, type PageView, type SignatureView } from "./session-view.js";
import { agreeing, assemblyWords, capitalize, citation, formalName, frenchTime, fullName, gendered, joinNames, shortName, upper } from "./words.js";

/** One row of the printed attendance table. */
export interface AttendanceRowView {
  member: string;
  note: string;
  present: boolean;
  absent: boolean;
  excused: boolean;
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
  opening: string;
  attendance: {
    hasColleges: boolean;
    headers: { college: string; member: string; present: string; absent: string; excused: string; voting: string; proxy: string; totals: string };
    checked: string;
    colleges: CollegeView[];
    totals: { present: number; absent: number; excused: number; voting: number };
  };
  quorum: string;
  /** Sentences on this motion's own presidency, withdrawals and interested members. */
  circumstances: string[];
  preamble: { label: string; html: string } | null;
  assemblyLine: string;
  visas: string[];
  considerations: string[];
  hearing: string | null;
  /** Above the operative part when the motion was not adopted: the text was only proposed. */
  draftNote: string | null;
  proposal: string | null;
  decisions: { verb: string; articles: string[] }[];
  result: string;
  votes: { label: string; value: number }[] | null;
  names: { label: string; names: string }[];
  election: { post: string | null; rounds: { summary: string; candidates: string[] }[] } | null;
  certified: string;
  signatory: SignatureView;
  /** The secretaries' signature blocks, beside the signatory's (CGCT L2121-23). */
  cosignatories: SignatureView[];
  /** « Certifié exécutoire ... », « Mis en ligne le ... », when the file records the dates. */
  mentions: string[];
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

function row(line: SeatLine, t: Catalogue): AttendanceRowView {
  const note = (() => {
    switch (line.note) {
      case undefined:
        return "";
      case "suppleant":
        return gendered(t, "note.suppleant", line.member, { name: shortName(line.sitting) });
      case "proxy_unused":
        return line.lapsedProxyHolder ? t.t("note.proxy_unused", { name: shortName(line.lapsedProxyHolder) }) : "";
      default:
        return gendered(t, `note.${line.note}`, line.member);
    }
  })();
  return {
    member: shortName(line.member),
    note,
    present: line.column === "present",
    absent: line.column === "absent",
    excused: line.column === "excused",
    voting: line.voting,
    proxy: line.proxyHolder ? shortName(line.proxyHolder) : "",
  };
}

function collegeViews(lines: readonly SeatLine[], t: Catalogue): CollegeView[] {
  const groups: SeatLine[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.collegeIndex === line.collegeIndex) last.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const [first, ...rest] = group.map((l) => row(l, t));
    return { name: group[0]!.college ?? "", rowspan: group.length, first: first!, rest };
  });
}

/** The quorum sentence: the same figures `delib explain` shows. */
export function quorumSentence(motion: MotionOutcome, session: Session, t: Catalogue): string {
  const { quorum } = motion;
  if (quorum.exemption) {
    return t.t(`quorum.exempt.${quorum.exemption}`, { theAssembly: assemblyWords(session, t).the });
  }
  return t.t(`quorum.statement.${quorum.counts}`, {
    counted: quorum.counted,
    inOffice: quorum.inOffice,
    required: quorum.required,
    source: citation(quorum.source, t),
    verdict: t.t(quorum.met ? "quorum.met" : "quorum.not_met"),
  });
}

function ratioWords(ratio: string, t: Catalogue): string {
  return t.has(`ratio.${ratio}`) ? t.t(`ratio.${ratio}`) : t.t("ratio.other", { ratio });
}

/** The sentence that introduces the figures: adopted, rejected, and on what ground. */
export function resultLine(motion: MotionOutcome, session: Session, t: Catalogue): string {
  if (motion.result === "no_quorum") return t.t("result.no_quorum", { theAssembly: assemblyWords(session, t).the });
  const vote = motion.vote;
  if (!vote) return "";
  const source = citation(vote.majority.source, t);
  if (vote.decidedBy === "casting_vote") return t.t(vote.adopted ? "result.adopted.casting_vote" : "result.rejected.casting_vote", { source });
  if (vote.decidedBy === "compte_administratif_tie") return t.t("result.adopted.ca_tie", { source });
  if (vote.majority.kind === "compte_administratif" && !vote.adopted) return t.t("result.rejected.ca", { source });
  if (vote.majority.kind === "qualified") {
    return t.t(vote.adopted ? "result.adopted.qualified" : "result.rejected.qualified", {
      ratio: ratioWords(vote.majority.ratio!, t),
      base: t.t(`base.${vote.majority.of!}`),
      needed: vote.majority.needed,
      source,
    });
  }
  if (vote.expressed === 0 && vote.majority.kind !== "compte_administratif") return t.t("result.nothing_expressed");
  if (vote.tie && !vote.adopted) return t.t("result.rejected.tie");
  if (vote.adopted && motion.motion.vote?.unanimous) return t.t("result.adopted.unanimous");
  return t.t(vote.adopted ? "result.adopted" : "result.rejected");
}

/**
 * The vote figures and, for a vote by name, the names by direction; a member represented is
 * named with the holder who voted for them.
 */
export function voteView(
  vote: VoteOutcome,
  lines: readonly SeatLine[],
  t: Catalogue,
): { votes: { label: string; value: number }[]; names: { label: string; names: string }[] } {
  const holders = new Map(lines.filter((l) => l.proxyHolder).map((l) => [l.member.id, l.proxyHolder!]));
  const named = (m: Member) => {
    const holder = holders.get(m.id);
    return holder ? t.t("names.represented", { name: shortName(m), holder: shortName(holder) }) : shortName(m);
  };
  return {
    votes: voteLines(vote, t),
    names: vote.names
      ? (["for", "against", "abstention", "not_voting"] as const)
          .filter((k) => vote.names![k].length > 0)
          .map((k) => ({ label: agreeing(t, `names.${k}`, vote.names![k]), names: joinNames(vote.names![k].map(named)) }))
      : [],
  };
}

function voteLines(vote: VoteOutcome, t: Catalogue): { label: string; value: number }[] {
  const lines = [
    { label: t.t("vote.for"), value: vote.for },
    { label: t.t("vote.against"), value: vote.against },
    { label: t.t("vote.abstentions"), value: vote.abstentions },
  ];
  if (vote.ballot === "secret") {
    lines.push({ label: t.t("vote.blank"), value: vote.blank }, { label: t.t("vote.null"), value: vote.null });
  }
  lines.push({ label: t.t("vote.expressed"), value: vote.expressed });
  return lines;
}

/** Sentences on a motion's own chair, withdrawals and interested members. */
export function circumstances(motion: MotionOutcome, outcome: Outcome, t: Catalogue): string[] {
  const sentences: string[] = [];
  const m = motion.motion;
  if (m.chaired_by && m.chaired_by !== outcome.session.session.president) {
    const source = m.kind === "compte_administratif" ? citation("CGCT L2121-14", t) : "";
    sentences.push(t.t("motion.chair", { chair: formalName(motion.chair, t), source }).replace(" ()", ""));
  }
  const named = (ids: readonly string[] | undefined): Member[] =>
    (ids ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  const withdrawn = named(m.withdrawn);
  if (withdrawn.length > 0) {
    const verb = withdrawn.length === 1 ? gendered(t, "motion.withdrawn.verb.one", withdrawn[0]!) : t.t("motion.withdrawn.verb.many");
    sentences.push(t.t("motion.withdrawn", { names: joinNames(withdrawn.map((x) => formalName(x, t))), verb }));
  }
  const interested = named(m.interested);
  if (interested.length === 1) sentences.push(gendered(t, "motion.interested.one", interested[0]!, { names: formalName(interested[0]!, t) }));
  else if (interested.length > 1) sentences.push(t.t("motion.interested", { names: joinNames(interested.map((x) => formalName(x, t))) }));
  return sentences;
}

/** The rounds of an election, worded. */
export function electionView(motion: MotionOutcome, t: Catalogue): ExtractView["election"] {
  const election = motion.election;
  if (!election) return null;
  return {
    post: election.post ? t.t("election.post", { post: election.post }) : null,
    rounds: election.rounds.map((round) => ({
      summary: t.t("election.round", {
        ordinal: t.t(`election.ordinal.${round.number}`),
        ballots: round.ballots,
        blank: round.blank,
        null: round.null,
        expressed: round.expressed,
        needed: round.needed === undefined ? "" : t.t("election.round.needed", { needed: round.needed }),
      }),
      candidates: round.candidates.map((c) => t.t("election.candidate", { name: shortName(c.member), votes: c.votes })),
    })),
  };
}

/** « M. X est élu au deuxième tour. » */
export function electionResult(motion: MotionOutcome, t: Catalogue): string {
  const election = motion.election!;
  const winner = election.elected;
  if (!winner) return t.t("result.not_elected");
  const round = election.rounds[election.rounds.length - 1]!;
  return gendered(t, "result.elected", winner, {
    name: formalName(winner, t),
    ordinal: t.t(`result.elected.ordinal.${round.number}`),
    byAge: round.byAge ? t.t("result.elected.by_age") : "",
  });
}

/** The data of one extract of the register, from the computed outcome of its motion. */
export function extractView(outcome: Outcome, motionOutcome: MotionOutcome, t: Catalogue): ExtractView {
  const { session } = outcome;
  const { motion, attendance, vote } = motionOutcome;
  const lang = t.language;
  const words = assemblyWords(session, t);
  const signing = motion.signatory ?? session.session.signatory;
  const signer = outcome.members.get(signing.member);
  const rapporteur = motion.rapporteur ? outcome.members.get(motion.rapporteur) : undefined;
  const label = (key: string) => t.t(key);
  const counted = motionOutcome.result !== "no_quorum";
  const publication = motion.publication;
  const executory =
    publication?.transmitted_on && publication.published_on
      ? [t.t("mention.executory", { transmitted: dateInFrench(publication.transmitted_on, t), published: dateInFrench(publication.published_on, t) })]
      : [];
  return {
    page: pageView(session, t, t.t("extract.title", { number: motion.number, object: motion.title }), "running.extract", { number: motion.number }),
    number: motion.number,
    numberLine: upper(t.t("extract.number", { number: motion.number }), lang),
    heading: upper(t.t("extract.heading", { ofAssembly: words.of }), lang),
    objectLabel: label("extract.object"),
    object: motion.title,
    opening: openingSentence(session, outcome, t),
    attendance: {
      hasColleges: session.colleges !== undefined,
      headers: {
        college: label("attendance.college"),
        member: label("attendance.member"),
        present: label("attendance.present"),
        absent: label("attendance.absent"),
        excused: label("attendance.excused"),
        voting: label("attendance.voting"),
        proxy: label("attendance.proxy"),
        totals: label("attendance.totals"),
      },
      checked: label("attendance.checked"),
      colleges: collegeViews(attendance.lines, t),
      totals: {
        present: attendance.totals.present,
        absent: attendance.totals.absent,
        excused: attendance.totals.excused,
        voting: attendance.totals.voting,
      },
    },
    quorum: quorumSentence(motionOutcome, session, t),
    circumstances: circumstances(motionOutcome, outcome, t),
    preamble: motion.preamble ? { label: label("preamble.label"), html: renderMarkdown(motion.preamble) } : null,
    assemblyLine: t.t("motion.assembly", { TheAssembly: capitalize(words.the, lang) }),
    visas: (motion.visas ?? []).map(renderMarkdown),
    considerations: (motion.considerations ?? []).map(renderMarkdown),
    hearing:
      motion.kind === "election" ? null : rapporteur ? t.t("motion.hearing.named", { rapporteur: formalName(rapporteur, t) }) : label("motion.hearing"),
    draftNote: motionOutcome.result === "adopted" || motionOutcome.result === "elected" ? null : t.t(`draft.${motionOutcome.result}`),
    proposal: motion.on_proposal_of ? t.t("motion.proposal", { of: motion.on_proposal_of }) : null,
    decisions: motion.decisions.map((d) => ({ verb: d.verb, articles: d.articles.map(renderMarkdown) })),
    result: motionOutcome.election && counted ? electionResult(motionOutcome, t) : resultLine(motionOutcome, session, t),
    votes: counted && vote ? voteView(vote, attendance.lines, t).votes : null,
    names: counted && vote ? voteView(vote, attendance.lines, t).names : [],
    election: counted ? electionView(motionOutcome, t) : null,
    certified: label("signature.certified"),
    signatory: { capacity: `${signing.capacity},`, name: signer ? fullName(signer) : signing.member },
    cosignatories: officerSignatures(outcome, t).slice(1),
    mentions: [...executory, ...mention(t, "mention.online", publication?.online_on)],
  };
}
