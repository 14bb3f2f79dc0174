// The Markdown of a session's texts as HTML that stays inert: a document needs nothing outside
// itself and points nowhere (issue 13).
//
// - Raw HTML in the file is shown as text, never interpreted (model/markdown.ts's options).
// - A link is printed as its text followed by its address in parentheses, both plain text:
//   « consultable sur le site (https://www.example.fr) ». No <a>, so the PDF has no link
//   annotation; a printed act shows the address a reader would need on paper. An address
//   written as the link's own text (`<https://…>`, `<contact@…>`) is printed once.
// - An image is never fetched nor embedded: validation refuses it (DLB3095), and should the
//   renderer meet one all the same, it prints its alternative text and address the same way.
// - Each run of text has its direction controls closed (close-bidi.ts).
import MarkdownIt from "markdown-it";
import { markdownOptions } from "../model/markdown.js";
import { closeBidi } from "./close-bidi.js";

type Token = ReturnType<MarkdownIt["parseInline"]>[number];

const markdown = new MarkdownIt(markdownOptions);
const { escapeHtml } = markdown.utils;
const rules = markdown.renderer.rules;

rules.text = (tokens, idx) => escapeHtml(closeBidi(tokens[idx]!.content));
const codeInline = rules.code_inline!;
rules.code_inline = (tokens, idx, options, env, self) => {
  tokens[idx]!.content = closeBidi(tokens[idx]!.content);
  return codeInline(tokens, idx, options, env, self);
};

/** The address as a reader reads it: percent-escapes decoded, `mailto:` dropped. */
function readableAddress(href: string): string {
  return markdown.normalizeLinkText(href).replace(/^mailto:/i, "");
}

/** ` (address)` after a link's or an image's text, unless the text already is the address; the address alone after no text. */
function addressAfter(text: string, href: string): string {
  const address = readableAddress(href);
  if (address === "" || address === text.trim()) return "";
  // A straight apostrophe of an address stays straight: written as a character reference,
  // French typography (words.ts), which runs over the HTML afterwards, does not see it.
  const shown = escapeHtml(closeBidi(address)).replace(/'/g, "&#39;");
  return text.trim() === "" ? shown : ` (${shown})`;
}

rules.link_open = () => "";
rules.link_close = (tokens, idx, options, env) => {
  // The link's text: the tokens since its link_open (links do not nest in CommonMark).
  let open = idx - 1;
  while (open >= 0 && tokens[open]!.type !== "link_open") open--;
  const text = markdown.renderer.renderInlineAsText(tokens.slice(open + 1, idx) as Token[], options, env);
  return addressAfter(text, tokens[open]?.attrGet("href") ?? "");
};
rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx]!;
  const alt = markdown.renderer.renderInlineAsText((token.children ?? []) as Token[], options, env);
  return escapeHtml(closeBidi(alt)) + addressAfter(alt, token.attrGet("src") ?? "");
};

/** Renders a Markdown block (preamble, article) to inert HTML: no link, no image, no markup of the file's own. */
export function renderMarkdown(text: string): string {
  return markdown.render(text).trimEnd();
}
