// `delib verify`: does the register's source at HEAD still produce what a PDF says it was
// printed from, and which commits changed a deliberation after the fact.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import { checkSessions } from "../check.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { numberKey } from "../model/deliberation-number.js";
import { unreadableFile } from "../source/load-source.js";
import { renderDocuments } from "../documents.js";
import { documentHash } from "../render/render-html.js";
import type { DocumentKind } from "../render/templates.js";
import { contentHash, git } from "./provenance.js";

/** What a PDF printed by delib says of itself (its information dictionary). */
export interface PrintedRecord {
  readonly kind: string | undefined;
  readonly number: string | undefined;
  readonly source: string | undefined;
  readonly sourceHash: string | undefined;
  readonly commit: string | undefined;
  readonly document: string | undefined;
}

function decodePdfString(raw: string): string {
  if (raw.startsWith("<")) {
    const hex = raw.slice(1, -1).replace(/\s/g, "");
    const body = hex.toUpperCase().startsWith("FEFF") ? hex.slice(4) : hex;
    let text = "";
    for (let i = 0; i + 4 <= body.length; i += 4) text += String.fromCharCode(parseInt(body.slice(i, i + 4), 16));
    return text;
  }
  return raw.slice(1, -1).replace(/\\([\\()])/g, "$1");
}

/** Reads delib's keys from the last information dictionary of a PDF (the latest update wins). */
export function readPrintedRecord(pdf: Uint8Array): PrintedRecord {
  const text = Buffer.from(pdf).toString("latin1");
  const last = (key: string): string | undefined => {
    const matches = [...text.matchAll(new RegExp(`/${key} (\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`, "g"))];
    const found = matches[matches.length - 1];
    return found ? decodePdfString(found[1]!) : undefined;
  };
  return {
    kind: last("DelibKind"),
    number: last("DelibNumber"),
    source: last("DelibSource"),
    sourceHash: last("DelibSourceHash"),
    commit: last("DelibCommit"),
    document: last("DelibDocument"),
  };
}

export interface ChangeRecord {
  readonly commit: string;
  readonly date: string;
  readonly subject: string;
}

/** The repository's root from `cwd`, and whether its history is complete. */
export function repository(cwd: string): { root: string; shallow: boolean } | undefined {
  const root = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!root) return undefined;
  return { root, shallow: git(root, ["rev-parse", "--is-shallow-repository"]) === "true" };
}

/** A file's text at a commit, byte for byte, or undefined when it did not exist there. */
function fileAt(root: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync("git", ["show", `${commit}:${path}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The motion numbered `number` in a session text, as plain data (undefined when absent or unreadable). */
function motionIn(text: string | undefined, number: string): unknown {
  if (text === undefined) return undefined;
  try {
    const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as { motions?: { number?: unknown }[] } | undefined;
    // Numbers are compared as every check compares them: case aside, in composed form.
    return data?.motions?.find((m) => numberKey(String(m.number)) === numberKey(number));
  } catch {
    return undefined;
  }
}

/**
 * The commits, oldest first, that changed deliberation `number` in `path`: since `since` when
 * given, else since the commit where it first appeared (its adoption into the register).
 */
export function changesOf(root: string, path: string, number: string, since: string | undefined): ChangeRecord[] {
  const log = git(root, ["log", "--reverse", "--format=%H%x09%ad%x09%s", "--date=short", ...(since ? [`${since}..HEAD`] : []), "--", path]) ?? "";
  const changes: ChangeRecord[] = [];
  let seenOnce = since !== undefined;
  for (const line of log.split("\n").filter(Boolean)) {
    const [commit, date, subject] = line.split("\t") as [string, string, string];
    const after = JSON.stringify(motionIn(fileAt(root, commit, path), number));
    const before = JSON.stringify(motionIn(fileAt(root, `${commit}^`, path), number));
    if (after === before) continue;
    if (!seenOnce) {
      seenOnce = true; // the commit that brought the deliberation in
      continue;
    }
    changes.push({ commit, date, subject });
  }
  return changes;
}

export interface Verdict {
  readonly record: PrintedRecord;
  /** The source file at HEAD hashes as when printed. */
  readonly sourceUnchanged: boolean;
  /** The source at HEAD renders the same document (undefined when it no longer renders). */
  readonly documentUnchanged: boolean | undefined;
  readonly sourceAtHead: boolean;
  readonly changes: readonly ChangeRecord[];
}

/** Compares a printed PDF with the register's source at HEAD. */
export async function verifyPdf(root: string, pdfPath: string, shown: string = pdfPath): Promise<Verdict | { problem: Diagnostic }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(pdfPath);
  } catch (error) {
    return { problem: unreadableFile(shown, error) };
  }
  const record = readPrintedRecord(bytes);
  if (!record.source || !record.document) {
    return {
      problem: diagnostic({
        code: "DLB4012",
        message: msg("DLB4012", { file: shown }),
        hints: [msg("DLB4012.hint")],
      }),
    };
  }
  const text = fileAt(root, "HEAD", record.source);
  const sourceUnchanged = text !== undefined && contentHash(text) === record.sourceHash;
  let documentUnchanged: boolean | undefined;
  if (text !== undefined && record.kind) {
    // Checked as every command checks it, with its text at HEAD in place of the file on disk.
    const set = await checkSessions([record.source], { cwd: root, texts: new Map([[record.source, text]]) });
    const checked = set.files[0]!;
    const rendered = checked.outcome ? renderDocuments(checked.outcome, { kinds: [record.kind as DocumentKind], links: checked.links, settings: checked.config.documents }).value : undefined;
    const document = rendered?.find((d) => record.number === undefined || d.name === record.number);
    documentUnchanged = document ? documentHash(document.data as { page: { provenance: string } }) === record.document : undefined;
  }
  const changes = record.number ? changesOf(root, record.source, record.number, record.commit) : [];
  return { record, sourceUnchanged, documentUnchanged, sourceAtHead: text !== undefined, changes };
}

/** The session file at HEAD that holds deliberation `number`. */
export function findDeliberation(root: string, number: string): string | undefined {
  const files = (git(root, ["ls-files", "*.yaml", "*.yml"]) ?? "").split("\n").filter(Boolean);
  return files.find((f) => motionIn(fileAt(root, "HEAD", f), number) !== undefined);
}
