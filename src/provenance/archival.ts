// Archival PDFs, seen from the register (issue 14): which level a build asks for (`--pdfa`, or
// `pdf: archival:` in delib.config.yaml), the files a PDF/A-3b document carries (its session
// file and the configuration it was checked with), and, for `delib verify`, the session file
// such a document carries, so that it can be checked from the PDF alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Config } from "../config/load-config.js";
import { archivalLevels, archivePdf, decodePdfString, type Archival, type ArchivalLevel, type Attachment } from "../browser/pdf-archival.js";
import { stdinPath, type CheckedFile } from "../check.js";
import type { DocumentFinish } from "../documents.js";
import { translator } from "../diagnostics/translator.js";
import { latestSourceDate, sourceFileDate } from "../output/document-date.js";

export { archivalLevels, latestSourceDate, sourceFileDate, type Archival, type ArchivalLevel };

/** The MIME type of YAML (RFC 9512). */
const YAML = "application/yaml";

/**
 * The level `--pdfa` asks for: `--pdfa` alone is PDF/A-2b, `--pdfa 3b` (or `pdfa-3b`) PDF/A-3b,
 * `--no-pdfa` none; without the option, what the configuration says (`pdf: archival:`), else
 * none. "invalid": a value that is no level (the CLI says so, a usage mistake).
 */
export function archivalLevel(option: string | boolean | undefined, config: Config | undefined): ArchivalLevel | undefined | "invalid" {
  if (option === false) return undefined;
  if (option === true) return "pdfa-2b";
  if (typeof option === "string") {
    const level = `pdfa-${option.trim().toLowerCase().replace(/^pdf\/?a-?/, "")}`;
    return (archivalLevels as readonly string[]).includes(level) ? (level as ArchivalLevel) : "invalid";
  }
  const configured = (config?.source?.data as { pdf?: { archival?: unknown } } | undefined)?.pdf?.archival;
  return typeof configured === "string" && (archivalLevels as readonly string[]).includes(configured) ? (configured as ArchivalLevel) : undefined;
}

/**
 * The files a PDF/A-3b document of the session file `absolute` carries: the session file, named
 * `source` (the path its provenance records, so that verify finds it), and the configuration
 * it was checked with, named by its path from the same root. `text`: the session's bytes when
 * they did not come from a file (standard input).
 */
export async function sourceAttachments(
  absolute: string | undefined,
  source: string,
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  fallback: Date,
  text?: Uint8Array,
): Promise<Attachment[]> {
  const bytes = text ?? (absolute ? readFileSync(absolute) : undefined);
  if (!bytes) return [];
  // Dated as the documents are: when the file last changed, never the clock.
  const date = (absolute && !text ? await sourceFileDate(absolute, env) : undefined) ?? fallback;
  // The documents are French, whoever builds them: so are the descriptions they carry.
  const fr = translator("fr");
  const files: Attachment[] = [{ name: source, bytes, mime: YAML, description: fr.t("archival.attachment.session"), modified: date }];
  if (config.path) {
    // The configuration's path as seen from the root the session's path is relative to.
    const root = absolute && source !== absolute && absolute.split("\\").join("/").endsWith(`/${source}`) ? absolute.slice(0, absolute.length - source.length) : undefined;
    const fromRoot = root ? relative(root, config.path).split("\\").join("/") : undefined;
    const name = fromRoot && !fromRoot.startsWith("..") ? fromRoot : "delib.config.yaml";
    files.push({ name, bytes: readFileSync(config.path), mime: YAML, description: fr.t("archival.attachment.config"), modified: (await sourceFileDate(config.path, env)) ?? date });
  }
  return files;
}

/** What one printed document is finished with: its date, and how it is made archival. */
export type Finish = DocumentFinish;

/**
 * How the PDFs of the checked session file `file` are finished, for every command that prints
 * them (build, publish, actes), so that each prints the same bytes: dated when their source last
 * changed (SOURCE_DATE_EPOCH, its last commit, its modification time), and archival when
 * `--pdfa` (`option`) or the configuration asks, PDF/A-3b carrying the session file and its
 * configuration. `source`: the session's path as its provenance records it; `stdin`: its bytes
 * when it was read from standard input.
 */
export async function finishFor(
  file: Pick<CheckedFile, "path" | "config" | "outcome">,
  options: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly option?: string | boolean;
    readonly source?: string;
    readonly stdin?: Uint8Array;
    /** The file's date when already asked for (git is slow to start). */
    readonly date?: Promise<Date | undefined>;
  },
): Promise<Finish> {
  const fromStdin = file.path === stdinPath;
  const absolute = fromStdin ? undefined : resolve(options.cwd, file.path);
  const date = fromStdin ? undefined : await (options.date ?? sourceFileDate(absolute!, options.env));
  const level = archivalLevel(options.option, file.config);
  if (level === undefined || level === "invalid") return { date };
  const day = new Date(`${file.outcome!.session.session.date}T00:00:00Z`);
  const source = options.source ?? (fromStdin ? "seance.yaml" : file.path);
  const attachments = level === "pdfa-3b" ? await sourceAttachments(absolute, source, file.config, options.env, date ?? day, fromStdin ? options.stdin : undefined) : [];
  return { date, archival: { level, attachments } };
}

/** Makes the year's register archival (after pdf-lib assembled it, before it is written). */
export function archiveRegister(pdf: Uint8Array, archival: Archival): Uint8Array {
  return archivePdf(pdf, archival);
}

/** A file a PDF carries, as `embeddedFiles` finds it. */
export interface EmbeddedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * The files a PDF/A-3 document delib printed carries (the EmbeddedFiles name tree of its last
 * catalog): a PDF is the reader's input, so whatever cannot be read is left out, never thrown.
 */
export async function embeddedFiles(pdf: Uint8Array): Promise<EmbeddedFile[]> {
  try {
    const lib = await import("pdf-lib");
    const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    const names = doc.catalog.lookupMaybe(lib.PDFName.of("Names"), lib.PDFDict);
    const tree = names?.lookupMaybe(lib.PDFName.of("EmbeddedFiles"), lib.PDFDict);
    const list = tree?.lookupMaybe(lib.PDFName.of("Names"), lib.PDFArray);
    if (!list) return [];
    const files: EmbeddedFile[] = [];
    for (let i = 0; i + 1 < list.size(); i += 2) {
      const key = list.lookup(i);
      const spec = list.lookup(i + 1, lib.PDFDict);
      const name = key instanceof lib.PDFString || key instanceof lib.PDFHexString ? key.decodeText() : undefined;
      const ef = spec.lookupMaybe(lib.PDFName.of("EF"), lib.PDFDict);
      const stream = ef?.lookupMaybe(lib.PDFName.of("F"), lib.PDFStream);
      if (!name || !(stream instanceof lib.PDFRawStream)) continue;
      const filter = stream.dict.lookupMaybe(lib.PDFName.of("Filter"), lib.PDFName);
      const bytes = filter?.asString() === "/FlateDecode" ? lib.decodePDFRawStream(stream).decode() : filter ? undefined : stream.contents;
      if (bytes) files.push({ name, bytes: Buffer.from(bytes) });
    }
    return files;
  } catch {
    return [];
  }
}

/** The session file `source` carried by a PDF/A-3b document, or undefined when it carries none. */
export async function embeddedSource(pdf: Uint8Array, source: string): Promise<{ source: Buffer; config: EmbeddedFile | undefined } | undefined> {
  const files = await embeddedFiles(pdf);
  const found = files.find((f) => f.name === source);
  if (!found) return undefined;
  return { source: found.bytes, config: files.find((f) => f !== found && /(^|\/)delib\.config\.ya?ml$/.test(f.name)) };
}

/** A relative path that stays inside a folder: no `..`, not absolute, no drive. */
function staysInside(path: string): boolean {
  return path !== "" && !path.includes("\0") && !isAbsolute(path) && !/^[A-Za-z]:/.test(path) && !path.replace(/\\/g, "/").split("/").includes("..");
}

/**
 * Runs `check` on the session file `source` that a PDF/A-3b document carries, laid out with the
 * configuration it carries in a folder of its own (removed after): how `delib verify` checks a
 * document from the PDF alone. Undefined when the PDF carries no such file.
 */
export async function withCarriedSource<T>(pdf: Uint8Array, source: string, check: (root: string, bytes: Buffer) => Promise<T>): Promise<T | undefined> {
  if (!staysInside(source)) return undefined;
  const carried = await embeddedSource(pdf, source);
  if (!carried) return undefined;
  const root = mkdtempSync(join(tmpdir(), "delib-verify-"));
  try {
    const place = (name: string, bytes: Buffer) => {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), bytes);
    };
    place(source, carried.source);
    if (carried.config && staysInside(carried.config.name)) place(carried.config.name, carried.config.bytes);
    return await check(root, carried.source);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export { decodePdfString };
