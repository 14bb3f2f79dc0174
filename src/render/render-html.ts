import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import type { Outcome } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { extractView } from "./extract-view.js";
import { listView } from "./list-view.js";
import { minutesView } from "./minutes-view.js";
import { TemplateError, templateDiagnostic, type DocumentKind, type TemplateSet } from "./templates.js";

/** A rendered document, ready to be printed and written. */
export interface RenderedDocument {
  /** File name without extension: "2021-06", "proces-verbal-2021-05-18", "liste-des-deliberations-2021-05-18". */
  readonly name: string;
  readonly kind: DocumentKind;
  readonly html: string;
  /** The data the template received (`delib build --emit json`). */
  readonly data: object;
  /** What the PDF's metadata says. */
  readonly meta: { title: string; subject: string; author: string; language: string; date: string };
}

/** Renders the documents asked for, all from the same computed outcome. */
export function renderHtml(
  outcome: Outcome,
  templates: TemplateSet,
  catalogue: Catalogue,
  kinds: readonly DocumentKind[] = ["extract", "minutes", "list"],
  assets: Readonly<Record<string, string | null>> = {},
): Result<RenderedDocument[]> {
  const { session } = outcome;
  const date = session.session.date;
  const jobs: { name: string; kind: DocumentKind; data: { page: { title: string } }; subject: string }[] = [];
  if (kinds.includes("extract")) {
    for (const motion of outcome.motions) {
      const view = extractView(outcome, motion, catalogue);
      jobs.push({ name: motion.motion.number, kind: "extract", data: view, subject: view.heading });
    }
  }
  if (kinds.includes("minutes")) {
    const view = minutesView(outcome, catalogue);
    jobs.push({ name: `proces-verbal-${date}`, kind: "minutes", data: view, subject: view.heading });
  }
  if (kinds.includes("list")) {
    const view = listView(outcome, catalogue);
    jobs.push({ name: `liste-des-deliberations-${date}`, kind: "list", data: view, subject: view.heading });
  }
  const documents: RenderedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const job of jobs) {
    try {
      documents.push({
        name: job.name,
        kind: job.kind,
        html: templates.render(job.kind, { doc: job.data, assets }),
        data: job.data,
        meta: { title: job.data.page.title, subject: job.subject, author: session.body.name, language: catalogue.language, date },
      });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error));
      break; // the same template would fail the same way for every document
    }
  }
  return diagnostics.length > 0 ? { value: undefined, diagnostics } : { value: documents, diagnostics };
}
