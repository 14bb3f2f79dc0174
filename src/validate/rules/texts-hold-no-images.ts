import { diagnostic, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { markdownImages } from "../../model/markdown.js";
import type { DataPath } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/**
 * The texts of a sitting (preamble, visas, considérants, articles, discussion, the text of an
 * item) are printed as text: a Markdown image (`![…](…)`) would be fetched from outside the
 * file, or embedded unseen, so it is refused here, where `validate` and `build` both see it,
 * rather than dropped from the act in silence (issue 13; render/markdown.ts prints links and
 * images as plain text should one ever reach it).
 */
export function textsHoldNoImages({ session, locate }: RuleContext): Diagnostic[] {
  const texts: [DataPath, string | undefined][] = [];
  session.motions.forEach((m, i) => {
    texts.push([["motions", i, "preamble"], m.preamble]);
    (m.visas ?? []).forEach((v, j) => texts.push([["motions", i, "visas", j], v]));
    (m.considerations ?? []).forEach((c, j) => texts.push([["motions", i, "considerations", j], c]));
    m.decisions.forEach((d, k) => d.articles.forEach((a, j) => texts.push([["motions", i, "decisions", k, "articles", j], a])));
    texts.push([["motions", i, "discussion"], m.discussion]);
  });
  (session.items ?? []).forEach((item, i) => texts.push([["items", i, "text"], item.text]));
  return texts.flatMap(([path, text]) => {
    if (text === undefined || !text.includes("![")) return [];
    const value = locate(path);
    let from = value.start;
    return markdownImages(text).map((image) => {
      const span = imageSpan(value, from, image.alt);
      if (span !== value) from = span.end;
      return diagnostic({
        code: "DLB3095",
        message: msg("DLB3095", { alt: image.alt, address: shortened(image.address) }),
        span,
        hints: [msg("DLB3095.hint")],
      });
    });
  });
}

/**
 * Where an image is written in the file: the next `![` and its text within the value, found
 * from `from`; the whole value when the file writes it otherwise (escapes of a quoted string).
 */
function imageSpan(value: Span, from: number, alt: string): Span {
  const opening = `![${alt}`;
  const at = value.file.text.slice(0, value.end).indexOf(opening, from);
  return at < 0 ? value : { file: value.file, start: at, end: at + opening.length };
}

/** An address as a message quotes it: a data: URI of an image runs to thousands of characters. */
function shortened(address: string): string {
  const chars = [...address];
  return chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : address;
}
