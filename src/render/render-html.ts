import type { DocumentSettings } from "../config/load-config.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { electionRecordFileName, extractFileName, listFileName, minutesFileName } from "../model/document-names.js";
import type { Provenance } from "../model/provenance.js";
import { contentHash } from "../source/content-hash.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import { actLinks, type ActLinks } from "../validate/set-rules/act-links.js";
import { summarize } from "../validate/set-rules/session-summary.js";
import type { Catalogue } from "./catalogue.js";
import { electionRecordView } from "./election-record-view.js";
import { extractView } from "./extract-view.js";
import { fullName, typeset } from "./words.js";
import { listView } from "./list-view.js";
import { minutesView } from "./minutes-view.js";
import { defaultDocumentKinds, TemplateError, templateDiagnostic, type DocumentKind, type TemplateSet } from "./templates.js";

/** A rendered document, ready to be printed and written. */
export interface RenderedDocument {
  /** File name without extension: "2021-06", "proces-verbal-2021-05-18", "liste-des-deliberations-2021-05-18". */
  readonly name: string;
  readonly kind: DocumentKind;
  readonly html: string;
  /** The data the template received (`delib build --emit json`). */
  readonly data: object;
  /** What the PDF's metadata says; `custom` holds delib's own keys (provenance, for verify). */
  readonly meta: { title: string; subject: string; author: string; language: string; date: string; custom: Record<string, string> };
}

/**
 * A hash of a document's data, its provenance line left out (what `delib verify` compares), and
 * the mentions of the later acts that withdraw, replace or correct it: they are written beside
 * the act after it was taken, and do not change it.
 */
export function documentHash(data: { page: { provenance: string } }): string {
  return contentHash(JSON.stringify({ ...data, page: { ...data.page, provenance: "" }, successors: undefined }));
}

/** The line that says where a document comes from, printed small at its end (not on every page). */
function provenanceLine(provenance: Provenance | undefined, t: Catalogue): string {
  if (!provenance) return "";
  const values = { source: provenance.source, commit: provenance.commit?.slice(0, 12) ?? "", hash: provenance.hash.slice(0, 16) };
  return t.t(provenance.commit ? (provenance.modified ? "provenance.modified" : "provenance.committed") : "provenance.unversioned", values);
}

/** What a rendering may add to the outcome: which documents, images, provenance, links, the body's settings. */
export interface RenderHtmlOptions {
  readonly kinds?: readonly DocumentKind[];
  readonly assets?: Readonly<Record<string, string | null>>;
  readonly provenance?: Provenance;
  readonly links?: ActLinks;
  /** Letterhead, certification, recourse and attendance words from delib.config.yaml. */
  readonly settings?: DocumentSettings;
}

/** Whether a motion has an election record: an election that was counted. */
export function hasElectionRecord(motion: MotionOutcome): boolean {
  return motion.election !== undefined && motion.result !== "no_quorum";
}

/** Renders the documents asked for, all from the same computed outcome. */
export function renderHtml(outcome: Outcome, templates: TemplateSet, catalogue: Catalogue, options: RenderHtmlOptions = {}): Result<RenderedDocument[]> {
  const { kinds = defaultDocumentKinds, assets = {}, provenance, links, settings = {} } = options;
  const footer = provenanceLine(provenance, catalogue);
  const { session } = outcome;
  const date = session.session.date;
  const jobs: { name: string; kind: DocumentKind; data: { page: { title: string; provenance: string } }; subject: string; number?: string }[] = [];
  if (kinds.includes("extract")) {
    // Without the links of its register, a sitting still knows those between its own acts.
    const known = links ?? actLinks([summarize(`${date}.yaml`, session)], false);
    for (const motion of outcome.motions) {
      const view = extractView(outcome, motion, catalogue, known, settings);
      jobs.push({ name: extractFileName(motion.motion.number), kind: "extract", data: view, subject: view.heading, number: motion.motion.number });
    }
  }
  if (kinds.includes("minutes")) {
    const view = minutesView(outcome, catalogue, settings);
    jobs.push({ name: minutesFileName(date), kind: "minutes", data: view, subject: view.heading });
  }
  if (kinds.includes("list")) {
    const view = listView(outcome, catalogue, settings);
    jobs.push({ name: listFileName(date), kind: "list", data: view, subject: view.heading });
  }
  if (kinds.includes("election")) {
    // One record per election counted (an election without quorum did not take place).
    for (const motion of outcome.motions.filter(hasElectionRecord)) {
      const view = electionRecordView(outcome, motion, catalogue, settings);
      jobs.push({ name: electionRecordFileName(motion.motion.number), kind: "election", data: view, subject: view.title, number: motion.motion.number });
    }
  }
  const documents: RenderedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = session.members.map(fullName);
  for (const job of jobs) {
    job.data = typeset(job.data, { names });
    job.data.page.provenance = footer;
    try {
      const html = templates.render(job.kind, { doc: job.data, assets });
      // What `delib verify` reads back: the source, its commit and hash, and the document's own.
      // The document's hash covers its data, not the provenance line: the same source gives
      // the same hash whatever commit it is printed from.
      const custom: Record<string, string> = { DelibKind: job.kind, DelibDocument: documentHash(job.data) };
      if (job.number) custom.DelibNumber = job.number;
      if (provenance) {
        custom.DelibSource = provenance.source;
        custom.DelibSourceHash = provenance.hash;
        if (provenance.commit) custom.DelibCommit = provenance.commit;
      }
      documents.push({
        name: job.name,
        kind: job.kind,
        html,
        data: job.data,
        meta: { title: job.data.page.title, subject: job.subject, author: session.body.name, language: catalogue.language, date, custom },
      });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error));
      break; // the same template would fail the same way for every document
    }
  }
  return diagnostics.length > 0 ? { value: undefined, diagnostics } : { value: documents, diagnostics };
}
