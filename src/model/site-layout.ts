// Where everything is on the published site (`delib publish`), and the public address of an act's
// PDF: one layout, used by the site's own links, its feed, its open-data file and by
// `delib export --scdl` (DELIB_URL), so that the addresses the export gives are the files the
// site holds. Every name comes from document-names.ts: the same file names as `delib build`.
import { electionRecordFileName, extractFileName, listFileName, minutesFileName, safeFileName } from "./document-names.js";

/** The site's fixed files, relative to its root. */
export const siteFiles = {
  index: "index.html",
  search: "recherche.html",
  feed: "actes.atom",
  scdl: "deliberations.csv",
  css: "assets/site.css",
  script: "assets/recherche.js",
  searchIndex: "assets/index-recherche.js",
  fonts: "assets/fonts",
} as const;

/** The page of a deliberation: « deliberations/2023-01.html ». */
export function actPagePath(number: string): string {
  return `deliberations/${extractFileName(number)}.html`;
}

/** The PDF of a deliberation (its extract): « pdf/2023-01.pdf ». */
export function actPdfPath(number: string): string {
  return `pdf/${extractFileName(number)}.pdf`;
}

/** The record of an election (« procès-verbal de l’élection »): « pdf/2023-01-proces-verbal-election.pdf ». */
export function electionRecordPdfPath(number: string): string {
  return `pdf/${electionRecordFileName(number)}.pdf`;
}

/** The page of a sitting: « seances/2023-04-07.html ». */
export function sittingPagePath(date: string): string {
  return `seances/${safeFileName(date)}.html`;
}

/** The procès-verbal of a sitting: « pdf/proces-verbal-2023-04-07.pdf ». */
export function minutesPdfPath(date: string): string {
  return `pdf/${minutesFileName(date)}.pdf`;
}

/** The list of deliberations of a sitting: « pdf/liste-des-deliberations-2023-04-07.pdf ». */
export function listPdfPath(date: string): string {
  return `pdf/${listFileName(date)}.pdf`;
}

/** A site path as a URL path: each segment percent-encoded (a number may hold `#`, `%` or a space). */
export function urlPath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** The public address of `path` on a site published at `baseUrl` (`site.base_url`). */
export function siteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${urlPath(path)}`;
}

/**
 * The relative link from the page at `from` to the file at `to` (both site paths): relative
 * links only, so the site works opened from disk and under any sub-path of a host.
 */
export function relativeHref(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return `${"../".repeat(depth)}${urlPath(to)}`;
}
