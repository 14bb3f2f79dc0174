// The sentences of a motion's outcome, shared by the extract and the procès-verbal: the quorum,
// the vote and its result, the circumstances (withdrawals, interests), an election's result.
// They come from the count's own steps, so what is printed is what was computed.
import type { Member, Session } from "../model/session.js";
import type { MotionOutcome, Outcome, SeatLine, VoteOutcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { isUnnamed } from "../model/unknown-facts.js";
import { ballotViews, electedByTie, seatsLeftText, type BallotView } from "./election-ballots.js";
import { agreeing, assemblyWords, citation, formalName, gendered, joinNames, shortName } from "./words.js";

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
    if (holder && isUnnamed(holder)) return t.t("unknown.names.represented", { name: shortName(m) });
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
export function circumstances(motion: MotionOutcome, outcome: Outcome, t: Catalogue, document: "extract" | "minutes" = "extract"): string[] {
  const sentences: string[] = [];
  const m = motion.motion;
  if (m.chaired_by && m.chaired_by !== outcome.session.session.president) {
    const source = m.kind === "compte_administratif" ? citation("CGCT L2121-14", t) : "";
    sentences.push(t.t("motion.chair", { chair: formalName(motion.chair, t), source }).replace(" ()", ""));
  }
  const named = (ids: readonly string[] | undefined): Member[] =>
    (ids ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  // One sentence for one person, agreeing with them; one for several.
  const sentence = (key: string, people: Member[]) => {
    if (people.length === 1) sentences.push(gendered(t, `${key}.one`, people[0]!, { names: formalName(people[0]!, t) }));
    else if (people.length > 1) sentences.push(t.t(key, { names: joinNames(people.map((x) => formalName(x, t))) }));
  };
  const withdrawn = named(m.withdrawn);
  if (document === "minutes") sentence("minutes.withdrawn", withdrawn);
  else if (withdrawn.length > 0) {
    const verb = withdrawn.length === 1 ? gendered(t, "motion.withdrawn.verb.one", withdrawn[0]!) : t.t("motion.withdrawn.verb.many");
    sentences.push(t.t("motion.withdrawn", { names: joinNames(withdrawn.map((x) => formalName(x, t))), verb }));
  }
  sentence("motion.interested", named(m.interested));
  // « Ne prend pas part au vote »: in the room and counted present, but not voting.
  sentence("motion.not_taking_part", named(m.not_taking_part));
  return sentences;
}

/** An election's ballots, as the extract and the procès-verbal print them; null when nothing was counted. */
export type ElectionView = { post: string | null; ballots: BallotView[]; titled: boolean } | null;

/** The rounds of an election, worded: the same figures and sentences as its election record, most votes first. */
export function electionView(motion: MotionOutcome, t: Catalogue, session: Session): ElectionView {
  const election = motion.election;
  if (!election) return null;
  // Without the letters a to f, and without a ballot that has nothing to show (suppléants named
  // on the lists: the result names them).
  const ballots = ballotViews(election, t, "votes", session.body.kind, false).filter((b) => b.rounds.length > 0 || b.allocation !== null);
  // Each ballot under its title when there are several (the titulaires, the suppléants).
  const titled = ballots.length > 1;
  const post = election.post ? t.t("election.post", { post: election.post }) : null;
  // The post's line, unless the first ballot's title already says it.
  return { post: titled && post === ballots[0]!.title ? null : post, ballots, titled };
}

/** « M. X est élu au deuxième tour. », « Sont élus : … », with the suppléants. */
export function electionResult(motion: MotionOutcome, t: Catalogue): string {
  const election = motion.election!;
  const elected = election.elected;
  if (elected.length === 0) return t.t("result.not_elected");
  const round = election.rounds[election.rounds.length - 1];
  const byTie = round !== undefined && (round.electedList !== undefined ? round.byTie.length > 0 : electedByTie(round).length > 0);
  const tie = byTie
    ? t.t(t.has(`result.elected.tie.${election.rule.tie.rule}`) ? `result.elected.tie.${election.rule.tie.rule}` : "result.elected.tie", { source: citation(election.rule.tie.source, t) })
    : "";
  const main =
    elected.length === 1 && round !== undefined && round.majority !== "proportional"
      ? gendered(t, "result.elected", elected[0]!, { name: formalName(elected[0]!, t), ordinal: t.t(`result.elected.ordinal.${round.number}`), byAge: tie })
      : t.t("result.elected.many", { elected: agreeing(t, "result.elected.many.verb", elected), names: joinNames(elected.map((c) => shortName(c))), tie });
  const substitutes = election.substitutes?.elected ?? [];
  const left = seatsLeftText(election, t);
  const withLeft = left === "" ? main : `${main} ${left}`;
  return substitutes.length > 0
    ? `${withLeft} ${t.t("result.elected.substitutes", { elected: agreeing(t, "election.elected.substitutes", substitutes), names: joinNames(substitutes.map((c) => shortName(c))) })}`
    : withLeft;
}
