// What every document of a sitting shares: the body's heading, the running header, signatures.
import type { Member, Session } from "../model/session.js";
import type { Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { dateInFrench } from "./french-dates.js";
import { fullName, gendered, upper } from "./words.js";

export interface SignatureView {
  /** « Le Président du Syndicat mixte, » */
  capacity: string;
  name: string;
}

export interface PageView {
  lang: string;
  title: string;
  /** Printed at the top of every page. */
  running: string;
  /** « Page », « / », for the page counter at the foot of every page. */
  pageLabel: string;
  pageOf: string;
  /** The body's name as printed in the heading. */
  body: string;
  /** Where the document comes from (source file, commit, hash), at the foot of every page. */
  provenance: string;
}

/** The page-level data of a document: language, title, running header. */
export function pageView(session: Session, t: Catalogue, title: string, runningKey: string, values: Record<string, string>): PageView {
  return {
    lang: t.language,
    title,
    running: t.t(runningKey, { body: session.body.name, ...values }),
    pageLabel: t.t("page.number"),
    pageOf: t.t("page.of"),
    body: upper(session.body.name, t.language),
    provenance: "",
  };
}

/** The president's and the secretaries' signature blocks (CGCT L2121-23). */
export function officerSignatures(outcome: Outcome, t: Catalogue): SignatureView[] {
  const { session, members } = outcome;
  const blocks: SignatureView[] = [];
  const president = members.get(session.session.president);
  if (president) blocks.push({ capacity: gendered(t, "signature.president", president), name: fullName(president) });
  const secretaries = (session.session.secretaries ?? []).map((id) => members.get(id)).filter((m): m is Member => m !== undefined);
  if (secretaries.length === 1) {
    blocks.push({ capacity: gendered(t, "signature.secretary", secretaries[0]!), name: fullName(secretaries[0]!) });
  } else if (secretaries.length > 1) {
    blocks.push({ capacity: t.t("signature.secretaries"), name: secretaries.map(fullName).join(", ") });
  }
  return blocks;
}

/** A dated mention (« Mis en ligne le 20 mai 2021. ») when the date is recorded. */
export function mention(t: Catalogue, key: string, date: string | undefined): string[] {
  return date ? [t.t(key, { date: dateInFrench(date, t) })] : [];
}
