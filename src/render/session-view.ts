// What every document of a sitting shares: the body's heading, the running header, signatures.
import type { DocumentSettings } from "../config/load-config.js";
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
  /** What the heading prints above and below the body's name (delib.config.yaml `identity:`). */
  letterhead: LetterheadView;
  /** Where the document comes from (source file, commit, hash): a discreet line at its end, and the PDF's metadata. */
  provenance: string;
}

export interface LetterheadView {
  /** « République française », unless the body says not. */
  republic: string | null;
  /** The département, the arrondissement, as the body writes them. */
  lines: string[];
  address: string[];
  /** Telephone, e-mail, website, SIRET. */
  contact: string[];
}

/** The letterhead from the configuration; a body without one prints « République française » and its name. */
export function letterheadView(settings: DocumentSettings, t: Catalogue): LetterheadView {
  const identity = settings.identity ?? {};
  return {
    republic: identity.republic === false ? null : t.t("letterhead.republic"),
    lines: [identity.departement, identity.arrondissement].filter((x): x is string => x !== undefined),
    address: identity.address ?? [],
    contact: [
      ...(identity.phone ? [t.t("letterhead.phone", { phone: identity.phone })] : []),
      ...(identity.email ? [identity.email] : []),
      ...(identity.website ? [identity.website] : []),
      ...(identity.siret && settings.siret ? [t.t("letterhead.siret", { siret: settings.siret })] : []),
    ],
  };
}

/** The page-level data of a document: language, title, running header. */
export function pageView(session: Session, t: Catalogue, title: string, runningKey: string, values: Record<string, string>, settings: DocumentSettings = {}): PageView {
  return {
    lang: t.language,
    title,
    running: t.t(runningKey, { body: session.body.name, ...values }),
    pageLabel: t.t("page.number"),
    pageOf: t.t("page.of"),
    body: upper(session.body.name, t.language),
    letterhead: letterheadView(settings, t),
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
