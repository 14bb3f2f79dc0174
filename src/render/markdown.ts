import MarkdownIt from "markdown-it";

// Raw HTML in the file is shown as text, never interpreted: documents are inert.
// markdown-it also refuses javascript:, vbscript: and data: links (its validateLink).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

/** Renders a Markdown block (preamble, article) to safe HTML. */
export function renderMarkdown(text: string): string {
  return markdown.render(text).trimEnd();
}
