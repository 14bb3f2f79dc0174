// The procès-verbal (CGCT L2121-15): date and time, president, members present or represented,
// secretaries, quorum, agenda, each deliberation with its result and, for public ballots, the
// names and direction of the votes, requests for particular ballots, the substance of debates.
import type { DocumentSettings } from "../config/load-config.js";
import { agendaOrder } from "../model/agenda.js";
import type { AgendaItem, Member } from "../model/session.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrench } from "./french-dates.js";
import { dateInFrenchWords } from "./french-words.js";
import { renderMarkdown } from "./markdown.js";
import { columnLabel, representedColumn } from "./attendance-columns.js";
import { motionText, openingSentence, type MotionText } from "./extract-view.js";
import { circumstances, electionResult, electionView, quorumSentence, resultLine, voteView } from "./motion-sentences.js";
import { mention, officerSignatures, pageView, type PageView, type SignatureView } from "./session-view.js";
import { agreeing, assemblyWords, formalName, frenchTime, gendered, joinNames, listSeparators, shortName, upper } from "./words.js";
import { isUnknown, isUnnamed, UNNAMED } from "../model/unknown-facts.js";
import { isUnseatedSuppleant } from "../tally/seat-lines.js";
import { unknownDependencies } from "../tally/unknown-dependencies.js";
import { markedVotes, markOf, unknownMark, unknownNotes } from "./unknown-marks.js";

export interface MinutesMotionView {
  heading: string;
  rapporteur: string | null;
  /** Arrivals, departures, proxies, resignations before this motion; its own withdrawals. */
  events: string[];
  ballot: string | null;
  discussion: string | null;
  quorum: string;
  result: string;
  votes: { label: string; value: number; mark?: string }[] | null;
  names: { label: string; names: string }[];
  election: ReturnType<typeof electionView>;
  /** The deliberation as adopted (or proposed): preamble, visas, considérants, decisions (L2121-15). */
  text: MotionText;
}

/** A point without a vote: an information, the compte rendu of delegated decisions, questions diverses. */
export interface MinutesItemView {
  heading: string;
  /** « Information, sans vote », « Compte rendu des décisions prises par le maire par délégation (art. L2122-23 du CGCT) ». */
  kind: string;
  presenter: string | null;
  html: string | null;
  decisions: { headers: { number: string; date: string; object: string }; rows: { number: string; date: string; object: string }[] } | null;
  /** For a compte rendu with no decision listed. */
  noDecision: string | null;
}

/** One point of the sitting in its order: a deliberation or an item without a vote. */
export type MinutesPointView = { motion: MinutesMotionView; item?: undefined } | { item: MinutesItemView; motion?: undefined };

/** Everything the procès-verbal template prints. Documented in README. */
export interface MinutesView {
  page: PageView;
  heading: string;
  date: string;
  opening: string;
  /** Each list: its label, its names as one text, and the same as names apart from what follows them. */
  attendance: { label: string; names: string; people: { name: string; rest: string }[] }[];
  inOffice: string;
  quorum: string;
  /** The notes under the marked figures (`*`) that depend on a fact the record does not give; empty otherwise. */
  unknownNotes: string[];
  agendaLabel: string;
  agenda: string[];
  deliberationsLabel: string;
  discussionLabel: string;
  motions: MinutesMotionView[];
  /** Every point in the order of the sitting: the deliberations and the items without a vote. */
  points: MinutesPointView[];
  /** « Projet » until the sitting that arrêta the procès-verbal is given (session.minutes.approved_on). */
  draft: { mark: string; note: string } | null;
  closing: string | null;
  signatures: SignatureView[];
  mentions: string[];
}

function motionEvents(motion: MotionOutcome, outcome: Outcome, t: Catalogue): string[] {
  const m = motion.motion;
  const who = (id: string) => {
    const member = outcome.members.get(id);
    return member ? formalName(member, t) : id;
  };
  return [
    ...(m.resignations ?? []).map((id) => t.t("minutes.resigned", { name: who(id) })),
    ...(m.arrivals ?? []).flatMap((id) => {
      // The principal arrives: the proxy given before lapses, the member votes in person.
      const before = motion.index > 0 ? outcome.presence[motion.index - 1]?.members.get(id) : undefined;
      const opening = Object.hasOwn(outcome.session.attendance, id) ? outcome.session.attendance[id] : undefined;
      const holder = before ? (before.status === "represented" ? before.holder : undefined) : typeof opening === "object" ? opening.represented_by : undefined;
      return [
        t.t("minutes.arrived", { name: who(id) }),
        ...(holder === undefined
          ? []
          : holder === UNNAMED || isUnknown(holder)
            ? [t.t("unknown.minutes.proxy_lapsed", { principal: who(id) })]
            : [t.t("minutes.proxy_lapsed", { principal: who(id), holder: who(holder) })]),
        // A holder back in the room casts again the proxies they hold (CGCT L2121-20: a written
        // mandate for the sitting, cast by its holder when present), as the figures count them.
        // Only a holder who left: one arriving for the first time casts them from now, as the list says.
        ...(motion.index > 0 && outcome.presence[motion.index - 1]?.members.get(id)?.left === true
          ? motion.attendance.lines
              .filter((l) => l.proxyHolder?.id === id && outcome.presence[motion.index - 1]?.members.get(l.member.id)?.holder === id)
              .map((l) => t.t("minutes.proxy_resumed", { principal: formalName(l.member, t), holder: who(id) }))
          : []),
      ];
    }),
    ...(m.departures ?? []).flatMap((id) => [
      t.t("minutes.left", { name: who(id) }),
      // The proxies the departing member holds cannot be cast while they are away (no proxy is
      // passed on); they do not end: the holder who comes back casts them again.
      ...motion.attendance.lines
        .filter((l) => l.lapsedProxyHolder?.id === id && l.note === "proxy_unused")
        .map((l) => t.t("minutes.proxy_suspended", { principal: formalName(l.member, t), holder: who(id) })),
    ]),
    ...Object.entries(m.proxies ?? {}).map(([principal, holder]) => t.t("minutes.proxy_given", { principal: who(principal), holder: who(holder) })),
    ...circumstances(motion, outcome, t, "minutes"),
  ];
}

function motionView(motion: MotionOutcome, outcome: Outcome, t: Catalogue): MinutesMotionView {
  const m = motion.motion;
  const rapporteur = m.rapporteur ? outcome.members.get(m.rapporteur) : undefined;
  const requesters = (m.ballot_requested_by ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  const counted = motion.result !== "no_quorum";
  const vote = counted && motion.vote ? voteView(motion.vote, motion.attendance.lines, t) : { votes: null, names: [] };
  const depends = unknownDependencies(outcome).motions[motion.index]!;
  return {
    heading: t.t("minutes.motion", { number: m.number, title: m.title }),
    rapporteur: rapporteur ? t.t("minutes.rapporteur", { name: formalName(rapporteur, t) }) : null,
    events: motionEvents(motion, outcome, t),
    ballot:
      requesters.length > 0
        ? t.t("minutes.ballot_requested", { ballot: t.t(`minutes.ballot.${m.ballot ?? "public"}`), names: joinNames(requesters.map((x) => formalName(x, t))) })
        : null,
    discussion: m.discussion ? renderMarkdown(m.discussion) : null,
    quorum: quorumSentence(motion, outcome.session, t) + markOf(depends, "quorum"),
    result: motion.election && counted ? electionResult(motion, t) : resultLine(motion, outcome.session, t),
    votes: vote.votes ? markedVotes(vote.votes, depends, t) : null,
    names: vote.names,
    election: counted ? electionView(motion, t, outcome.session) : null,
    text: motionText(outcome, motion, t),
  };
}

function itemView(item: AgendaItem, outcome: Outcome, t: Catalogue): MinutesItemView {
  const kind = outcome.session.body.kind;
  const kindKey = t.has(`minutes.item.${item.kind}.${kind}`) ? `minutes.item.${item.kind}.${kind}` : `minutes.item.${item.kind}`;
  const presenter = item.rapporteur ? outcome.members.get(item.rapporteur) : undefined;
  const decisions = item.decisions ?? [];
  return {
    heading: item.title,
    kind: t.t(kindKey),
    presenter: presenter ? t.t("minutes.item.presenter", { name: formalName(presenter, t) }) : null,
    html: item.text ? renderMarkdown(item.text) : null,
    decisions:
      decisions.length > 0
        ? {
            headers: { number: t.t("minutes.item.decisions.number"), date: t.t("minutes.item.decisions.date"), object: t.t("minutes.item.decisions.object") },
            rows: decisions.map((d) => ({ number: d.number ?? "", date: d.date ? dateInFrench(d.date, t) : "", object: d.object })),
          }
        : null,
    noDecision: item.kind === "delegated_decisions" && decisions.length === 0 ? t.t("minutes.item.no_decision") : null,
  };
}

/** One person's entry in the attendance lists: the list it goes in, and what happened to them. */
interface AttendanceEntry {
  readonly list: "present" | "represented" | "substituted" | "excused" | "absent";
  readonly text: string;
  /** The person's name as the text begins with it (« M. Jean-Claude DISSAUX »), kept on one line. */
  readonly name: string;
}

/**
 * Where each member was during the whole sitting, once each (issue 10, item 6): present when
 * they sat for any item, with the item at which they arrived, left, came back or resigned;
 * otherwise represented, substituted by a suppléant, excused or absent as they were. Members
 * out of office from the opening (not resigned during the sitting) are not listed. Suppléants
 * who sat are listed present, in the order of the seats.
 */
export function attendanceThroughTheSitting(outcome: Outcome, t: Catalogue): AttendanceEntry[] {
  const { session, presence } = outcome;
  const point = (i: number) => i + 1;
  const who = (id: string | undefined) => {
    const member = id === undefined ? undefined : outcome.members.get(id);
    return member ? shortName(member) : (id ?? "");
  };
  const entries: AttendanceEntry[] = [];
  const suppleantsSat = new Set<string>();
  const usedProxy = (id: string) => outcome.motions.flatMap((m) => m.attendance.lines).find((l) => l.member.id === id && l.proxyHolder)?.proxyHolder;
  // Members in the order of the seats (as the extract's table), then anyone not seated.
  const seatOrder = [...new Set([...outcome.motions.flatMap((m) => m.attendance.lines.map((l) => l.member.id)), ...session.members.filter((m) => m.suppleant_of === undefined).map((m) => m.id)])];
  for (const id of seatOrder) {
    const member = outcome.members.get(id);
    if (!member) continue;
    const opening = Object.hasOwn(session.attendance, id) ? session.attendance[id] : undefined;
    const states = presence.map((p) => p.members.get(id));
    const resignedAt = session.motions.findIndex((m) => m.resignations?.includes(id));
    if (states.every((s) => !s?.inOffice) && resignedAt < 0 && !isUnknown(member.suppleant_of)) continue;
    const inRoom = (s: (typeof states)[number]) => s !== undefined && s.inOffice && s.status === "present";
    const notes: string[] = [];
    let sat = opening === "present";
    let left = false;
    const openingHolder = typeof opening === "object" ? opening.represented_by : undefined;
    states.forEach((s, i) => {
      if (i === resignedAt) {
        notes.push(gendered(t, "minutes.note.resigned", member, { item: point(i) }));
        sat = false;
        return;
      }
      const now = inRoom(s);
      if (now && !sat) {
        notes.push(gendered(t, left ? "minutes.note.returned" : "minutes.note.arrived", member, { item: point(i) }));
        if (!left && openingHolder !== undefined) {
          notes.push(isUnknown(openingHolder) ? t.t("unknown.minutes.represented_before") : t.t("minutes.note.represented_before", { holder: who(openingHolder) }));
        }
      } else if (!now && sat && s?.left) {
        notes.push(gendered(t, "minutes.note.left", member, { item: point(i) }));
        left = true;
      }
      sat = now;
    });
    const everSat = opening === "present" || states.some(inRoom);
    const name = notes.length > 0 ? t.t("minutes.noted", { name: shortName(member), notes: notes.join(", ") }) : shortName(member);
    const suppleant = states.find((s) => s?.status === "substituted")?.suppleant;
    // The suppléant who sat is present in person, at the place of the seat.
    if (suppleant !== undefined && suppleant !== UNNAMED && !suppleantsSat.has(suppleant)) {
      suppleantsSat.add(suppleant);
      entries.push({ list: "present", text: who(suppleant), name: who(suppleant) });
    }
    const holder = usedProxy(id);
    const own = shortName(member);
    // A suppléant whose titulaire the record does not name is present as such (tally/seat-lines.ts).
    if (everSat && isUnknown(member.suppleant_of)) entries.push({ list: "present", text: gendered(t, "unknown.minutes.titulaire_unnamed", member, { name }), name: own });
    else if (everSat) entries.push({ list: "present", text: name, name: own });
    else if (suppleant === UNNAMED) entries.push({ list: "substituted", text: gendered(t, "unknown.minutes.substituted", member, { titulaire: name }), name: own });
    else if (suppleant !== undefined) entries.push({ list: "substituted", text: gendered(t, "minutes.substituted.item", member, { titulaire: name, suppleant: who(suppleant) }), name: own });
    else if (holder && isUnnamed(holder)) entries.push({ list: "represented", text: t.t("unknown.minutes.represented", { principal: name }), name: own });
    else if (holder) entries.push({ list: "represented", text: t.t("minutes.represented.item", { principal: name, holder: shortName(holder) }), name: own });
    // A proxy never used (irregular, or lapsed) leaves its principal excused, as the extract ticks it.
    else entries.push({ list: opening === "absent" || opening === undefined ? "absent" : "excused", text: name, name: own });
  }
  return entries;
}

/** The data of the procès-verbal of a sitting, from the computed outcome. */
export function minutesView(outcome: Outcome, t: Catalogue, settings: DocumentSettings = {}): MinutesView {
  const { session } = outcome;
  const s = session.session;
  const words = assemblyWords(session, t);
  const first = outcome.motions[0];
  const lines = first?.attendance.lines ?? [];
  const secretaries = (s.secretaries ?? []).map((id) => outcome.members.get(id)).filter((x): x is Member => x !== undefined);
  const entries = attendanceThroughTheSitting(outcome, t);
  const motions = outcome.motions.map((m) => motionView(m, outcome, t));
  const depends = unknownDependencies(outcome).motions;
  const list = (name: AttendanceEntry["list"]) => entries.filter((e) => e.list === name);
  // Each person's name apart from what follows it, so the template keeps the name on one line
  // (a hyphenated first name, « Jean-Claude », would otherwise break at its hyphen).
  const people = (items: readonly Pick<AttendanceEntry, "text" | "name">[], semicolons = false) => {
    // « X, pouvoir à Y ; Z, pouvoir à W »: semicolons, since each item holds a comma.
    const separators = semicolons ? listSeparators(items.length, " ; ", " ; ") : listSeparators(items.length);
    return items.map((e, i) => {
      const name = e.text.startsWith(e.name) ? e.name : "";
      return { name, rest: e.text.slice(name.length) + separators[i] };
    });
  };
  const line = (label: string, items: readonly Pick<AttendanceEntry, "text" | "name">[], semicolons = false) => {
    const parts = people(items, semicolons);
    return { label, names: parts.length === 0 ? t.t("none") : parts.map((p) => p.name + p.rest).join(""), people: parts };
  };
  // The extract's words: « Excusés ayant donné pouvoir » where the table ticks them « Excusés ».
  const vocabulary = settings.attendance;
  const represented = list("represented");
  const substituted = list("substituted");
  const attendance = [
    line(columnLabel("present", vocabulary, t), list("present")),
    // Marked when a proxy's holder is not named (the names say which: « mandataire non mentionné »).
    ...(represented.length > 0 ? [line(t.t(`minutes.represented.${representedColumn(vocabulary)}`) + (depends.some((d) => d?.has("represented")) ? unknownMark : ""), represented, true)] : []),
    ...(substituted.length > 0 ? [line(t.t("minutes.substituted"), substituted, true)] : []),
    line(columnLabel("excused", vocabulary, t), list("excused")),
    line(columnLabel("absent", vocabulary, t), list("absent")),
    line(agreeing(t, "minutes.secretaries", secretaries), secretaries.map((m) => ({ text: shortName(m), name: shortName(m) }))),
  ];
  return {
    page: pageView(session, t, t.t("minutes.title", { date: dateInFrench(s.date, t) }), "running.minutes", { date: dateInFrench(s.date, t) }, settings),
    heading: upper(t.t("minutes.heading", { ofAssembly: words.of }), t.language),
    date: t.t("minutes.date", { date: dateInFrenchWords(s.date) }),
    opening: openingSentence(session, outcome, t),
    attendance,
    inOffice: t.t("minutes.in_office", { inOffice: lines.filter((l) => !isUnseatedSuppleant(l)).length }),
    quorum: first ? quorumSentence(first, session, t) + markOf(depends[0]!, "quorum") : "",
    // The procès-verbal prints names, not counts, but for the quorum and the votes.
    unknownNotes: unknownNotes(depends, ["quorum", ...(represented.length > 0 ? (["represented"] as const) : []), "for", "expressed"], outcome, t),
    agendaLabel: t.t("minutes.agenda"),
    agenda: agendaOrder(session).map((e) => (e.kind === "motion" ? t.t("minutes.agenda.item", { number: e.motion.number, title: e.motion.title }) : t.t("minutes.agenda.point", { title: e.item.title }))),
    deliberationsLabel: t.t(session.items?.length ? "minutes.points" : "minutes.deliberations"),
    discussionLabel: t.t("minutes.discussion"),
    motions,
    points: agendaOrder(session).map((e) => (e.kind === "motion" ? { motion: motions[e.index]! } : { item: itemView(e.item, outcome, t) })),
    draft: s.minutes?.approved_on ? null : { mark: t.t("minutes.draft"), note: t.t("minutes.draft.note", { toAssembly: words.to }) },
    closing: s.closing_time ? t.t("minutes.closing", { time: frenchTime(s.closing_time, t) }) : null,
    signatures: officerSignatures(outcome, t),
    mentions: [...mention(t, "mention.minutes_approved", s.minutes?.approved_on), ...mention(t, "mention.online", s.minutes?.published_online_on)],
  };
}
