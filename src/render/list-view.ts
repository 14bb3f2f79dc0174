// The list of deliberations examined in the sitting (CGCT L2121-25), posted and put online
// within a week.
import type { DocumentSettings } from "../config/load-config.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { seatsLeftText, someoneElected } from "./election-ballots.js";
import { dateInFrench } from "./french-dates.js";
import { dateInFrenchWords } from "./french-words.js";
import { mention, officerSignatures, pageView, type PageView, type SignatureView } from "./session-view.js";
import { agreeing, assemblyWords, formalName, gendered, joinNames, shortName, upper } from "./words.js";

/** Everything the list template prints. Documented in README. */
export interface ListView {
  page: PageView;
  heading: string;
  subheading: string;
  headers: { number: string; object: string; decision: string };
  rows: { number: string; object: string; decision: string }[];
  signatures: SignatureView[];
  mentions: string[];
}

function decision(motion: MotionOutcome, t: Catalogue): string {
  if (someoneElected(motion)) {
    const elected = motion.election!.elected;
    const substitutes = motion.election!.substitutes?.elected ?? [];
    const main =
      elected.length === 1
        ? gendered(t, "list.result.elected", elected[0]!, { name: formalName(elected[0]!, t) })
        : t.t("list.result.elected.many", { elected: agreeing(t, "list.result.elected.many.verb", elected), names: joinNames(elected.map(shortName)) });
    const withSubstitutes = substitutes.length > 0 ? t.t("list.result.with_substitutes", { main, substitutes: joinNames(substitutes.map(shortName)) }) : main;
    const left = seatsLeftText(motion.election!, t, true);
    return left === "" ? withSubstitutes : t.t("list.result.partial", { main: withSubstitutes, left });
  }
  return t.t(`list.result.${motion.result}`);
}

/** The data of the list of deliberations of a sitting. */
export function listView(outcome: Outcome, t: Catalogue, settings: DocumentSettings = {}): ListView {
  const { session } = outcome;
  const s = session.session;
  return {
    page: pageView(session, t, t.t("list.title", { date: dateInFrench(s.date, t) }), "running.list", { date: dateInFrench(s.date, t) }, settings),
    heading: upper(t.t("list.heading"), t.language),
    subheading: t.t("list.subheading", { ofAssembly: assemblyWords(session, t).of, date: dateInFrenchWords(s.date) }),
    headers: { number: t.t("list.number"), object: t.t("list.object"), decision: t.t("list.decision") },
    rows: outcome.motions.map((m) => ({ number: m.motion.number, object: m.motion.title, decision: decision(m, t) })),
    signatures: officerSignatures(outcome, t).slice(0, 1),
    mentions: [...mention(t, "mention.list_posted", s.list_of_deliberations?.posted_on), ...mention(t, "mention.list_online", s.list_of_deliberations?.published_online_on)],
  };
}
