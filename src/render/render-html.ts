import type { Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { extractView } from "./extract-view.js";
import type { TemplateSet } from "./templates.js";

/** A rendered document, ready to be printed and written. */
export interface RenderedDocument {
  /** File name without extension, e.g. "2021-06". */
  readonly name: string;
  readonly kind: "extract";
  readonly html: string;
  /** What the PDF's metadata says. */
  readonly meta: { title: string; subject: string; author: string; language: string; date: string };
}

/** Renders one extract of the register per motion, from the computed outcome. */
export function renderHtml(outcome: Outcome, templates: TemplateSet, catalogue: Catalogue): RenderedDocument[] {
  return outcome.motions.map((motion) => {
    const view = extractView(outcome, motion, catalogue);
    return {
      name: motion.motion.number,
      kind: "extract",
      html: templates.render("extract", { doc: view }),
      meta: {
        title: view.title,
        subject: view.heading,
        author: outcome.session.body.name,
        language: catalogue.language,
        date: outcome.session.session.date,
      },
    };
  });
}
