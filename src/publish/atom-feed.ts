// The site's Atom 1.0 feed of new acts (RFC 4287): the latest acts put online, each with its
// page and its PDF. Ids are name-based UUIDs (RFC 4122, version 5) of the body and the act's
// number and sitting, so they stay the same whatever the site's address and however often it
// is rebuilt. Without a configured address (`site.base_url`) the links are relative to the
// feed, which Atom allows (RFC 4287 §4.2.7.1, resolved against the feed's own location).
import { createHash } from "node:crypto";
import { create } from "xmlbuilder2";
import { siteUrl, urlPath } from "../model/site-layout.js";

/** One act of the feed. */
export interface FeedEntry {
  readonly body: string;
  readonly number: string;
  readonly title: string;
  /** The sitting's date. */
  readonly sitting: string;
  /** The day it was put online, else the sitting's. */
  readonly updated: string;
  readonly summary: string;
  readonly page: string;
  readonly pdf: string;
}

export interface Feed {
  readonly title: string;
  readonly author: string;
  readonly language: string;
  /** The site's public address, when configured. */
  readonly baseUrl: string | undefined;
  /** Where the feed and the index are on the site. */
  readonly self: string;
  readonly home: string;
  readonly entries: readonly FeedEntry[];
}

/** How many acts the feed carries: the latest. */
export const FEED_SIZE = 100;

/** A version 5 UUID (SHA-1, name-based) of `name` in delib's namespace, as a URN. */
export function nameUuid(name: string): string {
  // The URL namespace of RFC 4122, appendix C.
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(namespace).update(`https://delib.invalid/${name}`, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A day as an Atom date (RFC 3339): midnight UTC. */
function atomDate(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The feed as XML text, the latest acts first (then by sitting and number, for the same bytes every run). */
export function atomFeed(feed: Feed): string {
  const link = (path: string) => (feed.baseUrl === undefined ? urlPath(path) : siteUrl(feed.baseUrl, path));
  const entries = [...feed.entries]
    .sort((a, b) => compare(b.updated, a.updated) || compare(b.sitting, a.sitting) || compare(a.number, b.number))
    .slice(0, FEED_SIZE);
  const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), "1970-01-01");
  const root = create({ version: "1.0", encoding: "utf-8" }).ele("http://www.w3.org/2005/Atom", "feed", { "xml:lang": feed.language });
  root.ele("id").txt(nameUuid(`feed/${feed.author}`));
  root.ele("title").txt(feed.title);
  root.ele("updated").txt(atomDate(updated));
  root.ele("author").ele("name").txt(feed.author);
  root.ele("link", { rel: "self", type: "application/atom+xml", href: link(feed.self) });
  root.ele("link", { rel: "alternate", type: "text/html", href: link(feed.home) });
  root.ele("generator").txt("delib");
  for (const e of entries) {
    const entry = root.ele("entry");
    entry.ele("id").txt(nameUuid(`act/${e.body}/${e.sitting}/${e.number}`));
    entry.ele("title").txt(e.title);
    entry.ele("updated").txt(atomDate(e.updated));
    entry.ele("published").txt(atomDate(e.updated));
    entry.ele("author").ele("name").txt(e.body);
    entry.ele("link", { rel: "alternate", type: "text/html", href: link(e.page) });
    entry.ele("link", { rel: "enclosure", type: "application/pdf", href: link(e.pdf) });
    entry.ele("summary").txt(e.summary);
  }
  return `${root.end({ prettyPrint: true })}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
