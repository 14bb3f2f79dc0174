import type { Member, Session } from "../model/session.js";
import type { MotionOutcome, Outcome, SeatLine } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrenchWords } from "./french-words.js";
import { renderMarkdown } from "./markdown.js";

/** One row of the printed attendance table. */
export interface AttendanceRowView {
  member: string;
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
  lang: string;
  title: string;
  number: string;
  numberLine: string;
  body: string;
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
  preamble: { label: string; html: string } | null;
  assemblyLine: string;
  visas: string[];
  considerations: string[];
  hearing: string;
  proposal: string | null;
  decisions: { verb: string; articles: string[] }[];
  result: string;
  votes: { label: string; value: number }[] | null;
  certified: string;
  signatory: { capacity: string; name: string };
}

/** « Christophe COULON » */
function fullName(member: Member): string {
  return `${member.first_name} ${member.last_name}`;
}

/** « Monsieur Christophe COULON » */
function formalName(member: Member, t: Catalogue): string {
  return `${t.t(`civility.long.${member.civility}`)} ${fullName(member)}`;
}

/** « M. Christophe COULON » */
function shortName(member: Member): string {
  return `${member.civility} ${fullName(member)}`;
}

function upper(text: string, language: string): string {
  return text.toLocaleUpperCase(language);
}

function capitalize(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

function assemblyWords(session: Session, t: Catalogue) {
  const gender = session.body.assembly_gender ?? "masculine";
  const assembly = session.body.assembly;
  return {
    gender,
    of: t.t(`assembly.of.${gender}`, { assembly }),
    the: t.t(`assembly.the.${gender}`, { assembly }),
  };
}

function openingSentence(session: Session, outcome: Outcome, t: Catalogue): string {
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
    time: s.time ?? "",
    theAssembly: words.the,
    bodyInText: session.body.name_in_text,
    met: t.t(`opening.met.${words.gender}`),
    where,
    convenedOn: dateInFrenchWords(s.convened_on),
    president: president ? formalName(president, t) : s.president,
    failed,
  });
}

function row(line: SeatLine): AttendanceRowView {
  return {
    member: shortName(line.member),
    present: line.column === "present",
    absent: line.column === "absent",
    excused: line.column === "excused",
    voting: line.voting,
    proxy: line.proxyHolder ? shortName(line.proxyHolder) : "",
  };
}

function collegeViews(lines: readonly SeatLine[]): CollegeView[] {
  const groups: SeatLine[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.collegeIndex === line.collegeIndex) last.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const [first, ...rest] = group.map(row);
    return { name: group[0]!.college ?? "", rowspan: group.length, first: first!, rest };
  });
}

function quorumSentence(motion: MotionOutcome, session: Session, t: Catalogue): string {
  const { quorum } = motion;
  if (quorum.exemption === "second_convocation") {
    return t.t("quorum.exempt.second_convocation", { theAssembly: assemblyWords(session, t).the });
  }
  const reference = quorum.steps.find((s) => s.reference)?.reference;
  return t.t("quorum.statement", {
    present: quorum.present,
    inOffice: quorum.inOffice,
    required: quorum.required,
    article: reference?.article ?? "L2121-17",
    verdict: t.t(quorum.met ? "quorum.met" : "quorum.not_met"),
  });
}

function resultLine(motion: MotionOutcome, session: Session, t: Catalogue): string {
  if (motion.result === "no_quorum") return t.t("result.no_quorum", { assembly: session.body.assembly });
  if (motion.result === "rejected") return t.t("result.rejected");
  return t.t("result.adopted");
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
  return {
    lang,
    title: t.t("extract.title", { number: motion.number, object: motion.title }),
    number: motion.number,
    numberLine: upper(t.t("extract.number", { number: motion.number }), lang),
    body: upper(session.body.name, lang),
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
      colleges: collegeViews(attendance.lines),
      totals: {
        present: attendance.totals.present,
        absent: attendance.totals.absent,
        excused: attendance.totals.excused,
        voting: attendance.totals.voting,
      },
    },
    quorum: quorumSentence(motionOutcome, session, t),
    preamble: motion.preamble ? { label: label("preamble.label"), html: renderMarkdown(motion.preamble) } : null,
    assemblyLine: t.t("motion.assembly", { TheAssembly: capitalize(words.the, lang) }),
    visas: (motion.visas ?? []).map(renderMarkdown),
    considerations: (motion.considerations ?? []).map(renderMarkdown),
    hearing: rapporteur
      ? t.t("motion.hearing.named", { rapporteur: formalName(rapporteur, t) })
      : label("motion.hearing"),
    proposal: motion.on_proposal_of ? t.t("motion.proposal", { of: motion.on_proposal_of }) : null,
    decisions: motion.decisions.map((d) => ({ verb: d.verb, articles: d.articles.map(renderMarkdown) })),
    result: resultLine(motionOutcome, session, t),
    votes:
      motionOutcome.result === "no_quorum"
        ? null
        : [
            { label: label("vote.for"), value: vote.for },
            { label: label("vote.against"), value: vote.against },
            { label: label("vote.abstentions"), value: vote.abstentions },
            { label: label("vote.expressed"), value: vote.expressed },
          ],
    certified: label("signature.certified"),
    signatory: {
      capacity: `${signing.capacity},`,
      name: signer ? fullName(signer) : signing.member,
    },
  };
}
