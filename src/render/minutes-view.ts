// The procès-verbal (CGCT L2121-15): date and time, president, members present or represented,
// secretaries, quorum, agenda, each deliberation with its result and, for public ballots, the
// names and direction of the votes, requests for particular ballots, the substance of debates.
import type { Member } from "../model/session.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrench } from "./french-dates.js";
import { dateInFrenchWords } from "./french-words.js";
import { renderMarkdown } from "./markdown.js";
import { openingSentence } from "./extract-view.js";
import { circumstances, electionResult, electionView, quorumSentence, resultLine, voteView } from "./motion-sentences.js";
import { mention, officerSignatures, pageView, type PageView, type SignatureView } from "./session-view.js";
import { agreeing, assemblyWords, formalName, joinNames, shortName, upper } from "./words.js";

export interface MinutesMotionView {
  heading: string;
  rapporteur: string | null;
  /** Arrivals, departures, proxies, resignations before this motion; its own withdrawals. */
  events: string[];
  ballot: string | null;
  discussion: string | null;
  quorum: string;
  result: string;
  votes: { label: string; value: number }[] | null;
  names: { label: string; names: string }[];
  election: ReturnType<typeof electionView>;
}

/** Everything the procès-verbal template prints. Documented in README. */
export interface MinutesView {
  page: PageView;
  heading: string;
  date: string;
  opening: string;
  attendance: { label: string; names: string }[];
  inOffice: string;
  quorum: string;
  agendaLabel: string;
  agenda: string[];
  deliberationsLabel: string;
  discussionLabel: string;
  motions: MinutesMotionView[];
  closing: string | null;
  signatures: SignatureView[];
  mentions: string[];
}

function names(members: Member[], t: Catalogue): string {
  return members.length === 0 ? t.t("none") : joinNames(members.map(shortName));
}

function motionEvents(motion: MotionOutcome, outcome: Outcome, t: Catalogue): string[] {
  const m = motion.motion;
  const who = (id: string) => {
    const member = outcome.members.get(id);
    return member ? formalName(member, t) : id;
  };
  return [
    ...(m.resignations ?? []).map((id) => t.t("minutes.resigned", { name: who(id) })),
    ...(m.arrivals ?? []).map((id) => t.t("minutes.arrived", { name: who(id) })),
    ...(m.departures ?? []).flatMap((id) => [
      t.t("minutes.left", { name: who(id) }),
      // The proxies the departing member held lapse with the departure (no proxy is passed on).
      ...motion.attendance.lines
        .filter((l) => l.lapsedProxyHolder?.id === id && l.note === "proxy_unused")
        .map((l) => t.t("minutes.proxy_lapsed", { principal: formalName(l.member, t), holder: who(id) })),
    ]),
    ...Object.entries(m.proxies ?? {}).map(([principal, holder]) => t.t("minutes.proxy_given", { principal: who(principal), holder: who(holder) })),
    ...circumstances(motion, outcome, t),
  ];
}

function motionView(motion: MotionOutcome, outcome: Outcome, t: Catalogue): MinutesMotionView {
  const m = motion.motion;
  const rapporteur = m.rapporteur ? outcome.members.get(m.rapporteur) : undefined;
  const requesters = (m.ballot_requested_by ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  const counted = motion.result !== "no_quorum";
  const vote = counted && motion.vote ? voteView(motion.vote, motion.attendance.lines, t) : { votes: null, names: [] };
  return {
    heading: t.t("minutes.motion", { number: m.number, title: m.title }),
    rapporteur: rapporteur ? t.t("minutes.rapporteur", { name: formalName(rapporteur, t) }) : null,
    events: motionEvents(motion, outcome, t),
    ballot:
      requesters.length > 0
        ? t.t("minutes.ballot_requested", { ballot: t.t(`minutes.ballot.${m.ballot ?? "public"}`), names: joinNames(requesters.map((x) => formalName(x, t))) })
        : null,
    discussion: m.discussion ? renderMarkdown(m.discussion) : null,
    quorum: quorumSentence(motion, outcome.session, t),
    result: motion.election && counted ? electionResult(motion, t) : resultLine(motion, outcome.session, t),
    votes: vote.votes,
    names: vote.names,
    election: counted ? electionView(motion, t) : null,
  };
}

/** The data of the procès-verbal of a sitting, from the computed outcome. */
export function minutesView(outcome: Outcome, t: Catalogue): MinutesView {
  const { session } = outcome;
  const s = session.session;
  const words = assemblyWords(session, t);
  const first = outcome.motions[0];
  // Attendance at the opening: the first motion's rows before its own withdrawals.
  const lines = first?.attendance.lines ?? [];
  const byColumn = (pick: (l: (typeof lines)[number]) => boolean) => [...new Map(lines.filter(pick).map((l) => [l.member.id, l.member])).values()];
  const present = [...new Map(lines.filter((l) => l.column === "present" || l.note === "withdrawn" || l.note === "interested").map((l) => [l.sitting.id, l.sitting])).values()];
  const represented = lines.filter((l) => l.proxyHolder).map((l) => t.t("minutes.represented.item", { principal: shortName(l.member), holder: shortName(l.proxyHolder!) }));
  const substituted = lines.filter((l) => l.note === "suppleant").map((l) => t.t("minutes.substituted.item", { titulaire: shortName(l.member), suppleant: shortName(l.sitting) }));
  const secretaries = (s.secretaries ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  const attendance = [
    { label: t.t("minutes.present"), names: names(present, t) },
    // « X, pouvoir à Y ; Z, pouvoir à W »: semicolons, since each item holds a comma.
    ...(represented.length > 0 ? [{ label: t.t("minutes.represented"), names: represented.join(" ; ") }] : []),
    ...(substituted.length > 0 ? [{ label: t.t("minutes.substituted"), names: substituted.join(" ; ") }] : []),
    { label: t.t("minutes.excused"), names: names(byColumn((l) => l.column === "excused" && !l.proxyHolder), t) },
    { label: t.t("minutes.absent"), names: names(byColumn((l) => l.column === "absent" && l.note !== "withdrawn" && l.note !== "interested"), t) },
    { label: agreeing(t, "minutes.secretaries", secretaries), names: names(secretaries, t) },
  ];
  return {
    page: pageView(session, t, t.t("minutes.title", { date: dateInFrench(s.date, t) }), "running.minutes", { date: dateInFrench(s.date, t) }),
    heading: upper(t.t("minutes.heading", { ofAssembly: words.of }), t.language),
    date: t.t("minutes.date", { date: dateInFrenchWords(s.date) }),
    opening: openingSentence(session, outcome, t),
    attendance,
    inOffice: t.t("minutes.in_office", { inOffice: lines.length }),
    quorum: first ? quorumSentence(first, session, t) : "",
    agendaLabel: t.t("minutes.agenda"),
    agenda: session.motions.map((m) => t.t("minutes.agenda.item", { number: m.number, title: m.title })),
    deliberationsLabel: t.t("minutes.deliberations"),
    discussionLabel: t.t("minutes.discussion"),
    motions: outcome.motions.map((m) => motionView(m, outcome, t)),
    closing: s.closing_time ? t.t("minutes.closing", { time: s.closing_time }) : null,
    signatures: officerSignatures(outcome, t),
    mentions: [...mention(t, "mention.minutes_approved", s.minutes?.approved_on), ...mention(t, "mention.online", s.minutes?.published_online_on)],
  };
}
