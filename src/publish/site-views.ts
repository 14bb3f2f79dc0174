// What each page of the published site shows, already worded: the index by year and sitting,
// a sitting's page, a deliberation's page, the search page. Pure: the rendered documents' data
// and the register in, plain objects for templates/site/*.hbs out. The site's own words are in
// the reader's language (locales/messages/<language>/publish.json); the acts' texts stay French,
// as every document delib prints, and their pages say so (lang="fr").
import type { ExtractView } from "../render/extract-view.js";
import { hasElectionRecord } from "../render/render-html.js";
import type { MessageValue } from "../diagnostics/message.js";
import { translator, type Language } from "../diagnostics/translator.js";
import { loadCatalogue } from "../render/catalogue.js";
import { dateInFrench } from "../render/french-dates.js";
import { compareNumbers } from "../model/deliberation-number.js";
import {
  actPagePath,
  actPdfPath,
  electionRecordPdfPath,
  listPdfPath,
  minutesPdfPath,
  relativeHref,
  siteFiles,
  sittingPagePath,
} from "../model/site-layout.js";
import type { Outcome, MotionOutcome } from "../tally/outcome.js";
import { linkKinds, type ActLinks } from "../validate/set-rules/act-links.js";

/** One sitting of the site, with what its pages need. */
export interface SiteSitting {
  readonly outcome: Outcome;
  readonly links: ActLinks;
  /** Its extracts' data (`RenderedDocument.data` of kind extract), by number. */
  readonly extracts: ReadonlyMap<string, ExtractView>;
  /** The « mis en ligne le » date of each act, by number, and where it comes from. */
  readonly online: ReadonlyMap<string, OnlineDate>;
}

/** An act's « mis en ligne le » date: written in its file, or read from git. */
export interface OnlineDate {
  readonly date: string;
  readonly from: "file" | "git";
}

/** The site as a whole: its sittings in register order, and what it links to. */
export interface SiteModel {
  readonly language: Language;
  readonly title: string;
  /** How many bodies the site's sittings belong to. */
  readonly bodies: number;
  readonly sittings: readonly SiteSitting[];
  /** Whether the open-data file is published beside the pages. */
  readonly scdl: boolean;
}

type Words = (id: string, values?: Readonly<Record<string, MessageValue>>) => string;

/** A date in the reader's language: « 7 avril 2023 », "7 April 2023". */
export function siteDate(iso: string, language: Language): string {
  if (language === "fr") return dateInFrench(iso, loadCatalogue("fr"));
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, month - 1, day));
}

/** What every page has: its language, title, the site's name, and links to the site's own files. */
function pageView(site: SiteModel, path: string, title: string, t: Words) {
  const href = (to: string) => relativeHref(path, to);
  return {
    lang: site.language,
    title: title === site.title ? title : t("publish.page.title", { page: title, site: site.title }),
    site: site.title,
    css: href(siteFiles.css),
    fonts: href(siteFiles.fonts),
    home: href(siteFiles.index),
    search: href(siteFiles.search),
    /** Which link of the navigation is this page (aria-current). */
    atHome: path === siteFiles.index,
    atSearch: path === siteFiles.search,
    feed: href(siteFiles.feed),
    scdl: site.scdl ? href(siteFiles.scdl) : null,
    words: {
      skip: t("publish.nav.skip"),
      nav: t("publish.nav.label"),
      home: t("publish.nav.home"),
      search: t("publish.nav.search"),
      feed: t("publish.nav.feed"),
      scdl: t("publish.nav.scdl"),
      footer: t("publish.footer"),
    },
  };
}

function sittingHeading(outcome: Outcome, t: Words, language: Language): string {
  const { session } = outcome;
  return t("publish.sitting.heading", { assembly: session.body.assembly, date: siteDate(session.session.date, language) });
}

/** The result of an act in a few words, in the reader's language. */
function resultWords(m: MotionOutcome, t: Words): string {
  return t("publish.result", { result: m.result });
}

/** The index: every sitting, by year (latest first), with its acts counted. */
export function indexView(site: SiteModel) {
  const { t } = translator(site.language);
  const path = siteFiles.index;
  const byYear = new Map<string, SiteSitting[]>();
  for (const s of site.sittings) {
    const year = s.outcome.session.session.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), s]);
  }
  const years = [...byYear].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return {
    page: pageView(site, path, site.title, t),
    heading: site.title,
    intro: t("publish.index.intro"),
    yearsLabel: t("publish.index.years"),
    years: years.map(([year, sittings]) => ({
      year,
      id: `annee-${year}`,
      sittings: [...sittings].reverse().map((s) => ({
        href: relativeHref(path, sittingPagePath(s.outcome.session.session.date)),
        label: sittingHeading(s.outcome, t, site.language),
        // A site of one body names it in its title already.
        body: site.bodies > 1 ? s.outcome.session.body.name : null,
        acts: t("publish.index.acts", { count: s.outcome.motions.length }),
      })),
    })),
  };
}

/** A sitting's page: its procès-verbal and list as PDFs, and its acts. */
export function sittingView(site: SiteModel, sitting: SiteSitting) {
  const { t } = translator(site.language);
  const { session } = sitting.outcome;
  const date = session.session.date;
  const path = sittingPagePath(date);
  const heading = sittingHeading(sitting.outcome, t, site.language);
  const motions = [...sitting.outcome.motions].sort((a, b) => compareNumbers(a.motion.number, b.motion.number));
  return {
    page: pageView(site, path, heading, t),
    heading,
    body: session.body.name,
    documentsLabel: t("publish.sitting.documents"),
    documents: [
      { label: t("publish.sitting.minutes"), href: relativeHref(path, minutesPdfPath(date)), type: t("publish.pdf") },
      { label: t("publish.sitting.list"), href: relativeHref(path, listPdfPath(date)), type: t("publish.pdf") },
    ],
    actsLabel: t("publish.sitting.acts"),
    headers: { number: t("publish.column.number"), title: t("publish.column.title"), result: t("publish.column.result") },
    acts: motions.map((m) => ({
      number: m.motion.number,
      title: m.motion.title,
      href: relativeHref(path, actPagePath(m.motion.number)),
      pdf: relativeHref(path, actPdfPath(m.motion.number)),
      pdfLabel: t("publish.act.pdf_of", { number: m.motion.number }),
      result: resultWords(m, t),
    })),
    none: t("publish.sitting.none"),
  };
}

/** A link between acts, worded, with a link to the other act's page when the site holds it. */
interface LinkView {
  text: string;
  href: string | null;
}

/** A deliberation's page: its text, PDF, vote, exécutoire mentions and links to other acts. */
export function actView(site: SiteModel, sitting: SiteSitting, m: MotionOutcome, onSite: (number: string, date: string) => boolean) {
  const { t } = translator(site.language);
  const { motion } = m;
  const date = sitting.outcome.session.session.date;
  const path = actPagePath(motion.number);
  const extract = sitting.extracts.get(motion.number)!;
  const title = t("publish.act.title", { number: motion.number });
  const publication = motion.publication ?? {};
  const online = sitting.online.get(motion.number);
  const mention = (label: string, value: string | undefined, note?: string) =>
    value === undefined ? [] : [{ label: t(label), value, note: note ?? null }];
  const day = (iso: string | undefined) => (iso === undefined ? undefined : siteDate(iso, site.language));
  const acknowledgement = publication.actes_id
    ? publication.acknowledged_on
      ? t("publish.act.acknowledgement.dated", { id: publication.actes_id, date: day(publication.acknowledged_on)! })
      : publication.actes_id
    : undefined;
  const executory = [
    ...mention("publish.act.transmitted", day(publication.transmitted_on)),
    ...mention("publish.act.acknowledgement", acknowledgement),
    ...mention("publish.act.published", day(publication.published_on)),
    ...mention("publish.act.online", day(online?.date), online?.from === "git" ? t("publish.act.online.git") : undefined),
  ];
  const linkTo = (number: string, at: string | undefined): string | null =>
    at !== undefined && onSite(number, at) ? relativeHref(path, actPagePath(number)) : null;
  const made = sitting.links.from(date, motion.number);
  const outgoing: LinkView[] = linkKinds.flatMap((kind) => {
    const link = motion[kind];
    if (!link) return [];
    const found = made.find((l) => l.kind === kind)?.to;
    const at = link.date ?? found?.date ?? (sitting.outcome.session.motions.some((x) => x.number === link.number) ? date : undefined);
    const dated = at === undefined ? { dated: "no", date: "" } : { dated: "yes", date: siteDate(at, site.language) };
    return [{ text: t("publish.act.link", { kind, number: link.number, ...dated }), href: linkTo(link.number, at) }];
  });
  const incoming: LinkView[] = sitting.links.to(date, motion.number).map((l) => ({
    text: t("publish.act.successor", { kind: l.kind, number: l.from.number, date: siteDate(l.from.date, site.language) }),
    href: linkTo(l.from.number, l.from.date),
  }));
  return {
    page: pageView(site, path, t("publish.act.page_title", { number: motion.number, title: motion.title }), t),
    heading: title,
    object: motion.title,
    sitting: { label: sittingHeading(sitting.outcome, t, site.language), href: relativeHref(path, sittingPagePath(date)), prefix: t("publish.act.sitting") },
    pdf: { href: relativeHref(path, actPdfPath(motion.number)), label: t("publish.act.pdf"), type: t("publish.pdf") },
    // An election's record is printed beside its extract (documents.ts): it is published with it.
    record: hasElectionRecord(m) ? { href: relativeHref(path, electionRecordPdfPath(motion.number)), label: t("publish.act.election_record"), type: t("publish.pdf") } : undefined,
    textLabel: t("publish.act.text"),
    text: {
      preamble: extract.preamble,
      assemblyLine: extract.assemblyLine,
      visas: extract.visas,
      considerations: extract.considerations,
      formulas: extract.formulas,
      draftNote: extract.draftNote,
      decisions: extract.decisions,
    },
    voteLabel: t("publish.act.vote"),
    vote: {
      result: extract.result,
      votes: extract.votes ?? [],
      names: extract.names,
      valueHeader: t("publish.act.vote.count"),
      labelHeader: t("publish.act.vote.label"),
    },
    executoryLabel: t("publish.act.executory"),
    executory,
    executoryNone: t("publish.act.executory.none"),
    linksLabel: t("publish.act.links"),
    links: [...outgoing, ...incoming],
  };
}

/** One act of the search page and of the search index. */
export interface SearchEntry {
  readonly number: string;
  readonly title: string;
  readonly date: string;
  readonly day: string;
  readonly path: string;
}

/** Every act, latest sitting first, then by number. */
export function searchEntries(site: SiteModel): SearchEntry[] {
  return [...site.sittings].reverse().flatMap((s) =>
    [...s.outcome.motions]
      .sort((a, b) => compareNumbers(a.motion.number, b.motion.number))
      .map((m) => ({
        number: m.motion.number,
        title: m.motion.title,
        date: s.outcome.session.session.date,
        day: siteDate(s.outcome.session.session.date, site.language),
        path: actPagePath(m.motion.number),
      })),
  );
}

/**
 * The search page: without JavaScript, the list of every act (number, title, date), which the
 * browser's own find searches; with it, assets/recherche.js adds a field that filters the list.
 */
export function searchView(site: SiteModel) {
  const { t } = translator(site.language);
  const path = siteFiles.search;
  const heading = t("publish.search.heading");
  return {
    page: pageView(site, path, heading, t),
    heading,
    intro: t("publish.search.intro"),
    script: relativeHref(path, siteFiles.script),
    index: relativeHref(path, siteFiles.searchIndex),
    field: t("publish.search.field"),
    hint: t("publish.search.hint"),
    // Filled in by the script as it filters: the placeholders stay for it to replace.
    shown: t("publish.search.shown", { shown: "{shown}", total: "{total}" }),
    headers: { number: t("publish.column.number"), title: t("publish.column.title"), date: t("publish.column.date") },
    caption: t("publish.search.caption"),
    acts: searchEntries(site).map((e) => ({ ...e, href: relativeHref(path, e.path) })),
  };
}
