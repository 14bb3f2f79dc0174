// The Markdown of a session's texts (preamble, visas, considérants, articles, discussion, the
// text of an item), parsed the same way wherever it is read: by the renderer, which prints it,
// and by validation, which refuses what cannot be printed (an image). One set of options, so
// that `delib validate` and `delib build` always see the same links and images.
import MarkdownIt from "markdown-it";

/**
 * Raw HTML in the file is shown as text, never interpreted; bare addresses stay text
 * (no linkify); no typographic replacements (words.ts sets French typography). markdown-it
 * also refuses javascript:, vbscript:, file: and most data: links (its validateLink).
 */
export const markdownOptions = { html: false, linkify: false, typographer: false, breaks: false } as const;

/** Made on first use: most files hold no image, and validation then never parses. */
let parser: MarkdownIt | undefined;

/** An image written in a text (`![alt](address)`): its alternative text and its address, as written. */
export interface MarkdownImage {
  readonly alt: string;
  readonly address: string;
}

/** The images of a Markdown text, in order: delib prints none of them (see render/markdown.ts). */
export function markdownImages(text: string): MarkdownImage[] {
  parser ??= new MarkdownIt(markdownOptions);
  const images: MarkdownImage[] = [];
  const walk = (tokens: readonly { type: string; content: string; children: unknown; attrGet(name: string): string | null }[]) => {
    for (const token of tokens) {
      if (token.type === "image") images.push({ alt: token.content, address: parser!.normalizeLinkText(token.attrGet("src") ?? "") });
      if (Array.isArray(token.children)) walk(token.children as never);
    }
  };
  walk(parser.parse(text, {}));
  return images;
}
