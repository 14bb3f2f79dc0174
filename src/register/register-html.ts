// One print job of the register as one HTML document: the parts' bodies one after the other,
// each starting a page, under the template's stylesheet given once (its fonts with it). Each
// running header is a CSS named page with its own @top-left box; « Page N / M » is Chromium's
// page counter (CSS Paged Media; named pages and their margin boxes need Chromium 131 or later).
import { cssString } from "../render/css-string.js";

/** A part of a job: its id (a named destination in the PDF), its running header's page name, its body's HTML. */
export interface JobPart {
  readonly id: string;
  readonly page: string;
  readonly body: string;
}

/** A print job of the register. */
export interface RegisterJob {
  readonly title: string;
  readonly language: string;
  /** The template set's stylesheet, fonts embedded. */
  readonly css: string;
  readonly parts: readonly JobPart[];
  /** The running header of each page name. */
  readonly running: ReadonlyMap<string, string>;
  /** « Page », « / » */
  readonly words: { readonly page: string; readonly of: string };
  /** The total of pages, when it is not this job's own (the tables'); else counter(pages). */
  readonly total?: number;
  /** The number of this job's first page, when it does not start the register. */
  readonly firstPage?: number;
  /** Blank pages at the end, without header or counter, and what their first is called. */
  readonly blank?: { readonly pages: number; readonly id: string };
}

const boxes = [
  "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
  "bottom-left-corner", "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner",
  "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom",
];

/** A name safe as a CSS identifier and a PDF name. */
export function pageName(index: number): string {
  return `delib-running-${index}`;
}

/**
 * The job's HTML. Every margin box is silenced first (a part's own template may set some),
 * then the register's header and counter are set; each part opens with an empty link to
 * itself, which makes Chromium write a named destination where the part starts.
 */
export function registerHtml(job: RegisterJob): string {
  const counter = `${cssString(job.words.page)} counter(page) ${cssString(job.words.of + (job.total === undefined ? "" : String(job.total)))}${job.total === undefined ? " counter(pages)" : ""}`;
  const rules = [
    `@page { ${boxes.map((box) => `@${box} { content: none; }`).join(" ")} }`,
    `@page { @bottom-right { content: ${counter}; } }`,
    ...(job.firstPage === undefined ? [] : [`@page :first { counter-increment: page ${job.firstPage}; }`]),
    ...[...job.running].map(([name, text]) => `@page ${name} { @top-left { content: ${cssString(text)}; } }\n.${name} { page: ${name}; }`),
    "@page delib-blank { @top-left { content: none; } @bottom-right { content: none; } }",
    ".delib-blank { page: delib-blank; break-before: page; }",
    ".delib-part + .delib-part { break-before: page; }",
  ];
  const blank = job.blank
    ? Array.from({ length: job.blank.pages }, (_, i) => (i === 0 ? `<div class="delib-blank" id="${job.blank!.id}"><a href="#${job.blank!.id}"></a></div>` : `<div class="delib-blank"></div>`)).join("\n")
    : "";
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    `<title>${escapeHtml(job.title)}</title>`,
    `<style>\n${job.css}\n</style>`,
    `<style>\n${rules.join("\n")}\n</style>`,
  ].join("\n");
  const parts = job.parts.map((p) => `<section class="delib-part ${p.page}" id="${p.id}"><a href="#${p.id}"></a>${p.body}</section>`);
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(job.language)}">\n<head>\n${head}\n</head>\n<body>\n${parts.join("\n")}\n${blank}\n</body>\n</html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** What lies inside `<body>` of a rendered document, as a string of its own (not a slice keeping the whole document alive). */
export function bodyOf(html: string): string {
  const open = html.indexOf("<body");
  const start = open < 0 ? 0 : html.indexOf(">", open) + 1;
  const close = html.lastIndexOf("</body>");
  const inner = html.slice(start, close < start ? html.length : close);
  // A slice of a long string keeps all of it (its fonts too) in memory: copy it.
  return Buffer.from(inner, "utf8").toString("utf8");
}

/** The stylesheet a register page's head holds (register-head.hbs: the template set's `style.css`, fonts embedded). */
export function stylesheetOf(html: string): string {
  const head = html.slice(0, Math.max(0, html.indexOf("</head>")));
  const styles = [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  return Buffer.from(styles.join("\n"), "utf8").toString("utf8");
}
