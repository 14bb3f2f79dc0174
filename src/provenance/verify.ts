// `delib verify`: is a PDF what delib printed (its seal), does the register's source (at the
// recorded commit, at HEAD, in the working folder) still give that document, and which commits
// changed a deliberation after the fact (issue 13).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import jsYaml from "js-yaml";
import { checkSessions } from "../check.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { listOf, msg, type Message, type MessageList } from "../diagnostics/message.js";
import { numberKey } from "../model/deliberation-number.js";
import { electionRecordFileName, extractFileName } from "../model/document-names.js";
import { unreadableFile } from "../source/load-source.js";
import { renderDocuments } from "../documents.js";
import { documentHash } from "../render/render-html.js";
import type { DocumentKind } from "../render/templates.js";
import type { SealCheck } from "../browser/pdf-seal.js";
import { pdfChanges, type PdfChanges } from "./pdf-changes.js";
import { signedState, type SignatureCheck, type SignedState } from "./pdf-signatures.js";
import { contentHash, git } from "./provenance.js";
import { withCarriedSource } from "./archival.js";

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

/** A file at a commit, byte for byte, or undefined when it did not exist there. */
function fileAt(root: string, commit: string, path: string): Buffer | undefined {
  try {
    return execFileSync("git", ["show", `${commit}:${path}`], { cwd: root, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The motion numbered `number` in a session text, as plain data (undefined when absent or unreadable). */
function motionIn(bytes: Buffer | undefined, number: string): unknown {
  if (bytes === undefined) return undefined;
  try {
    const data = jsYaml.load(bytes.toString("utf8"), { schema: jsYaml.CORE_SCHEMA }) as { motions?: { number?: unknown }[] } | undefined;
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

/** What a version of the source gives, next to what was printed. */
export interface SourceState {
  /** The file is there. */
  readonly present: boolean;
  /** Its bytes hash as the source the PDF was printed from. */
  readonly sameSource: boolean;
  /**
   * The document it renders: the same as printed, different, or none (the file has errors, or
   * the deliberation is gone); undefined when it was not rendered (file absent, or not needed).
   */
  readonly document: "same" | "different" | "none" | undefined;
}

/** Where the exact source the PDF was printed from (its recorded hash) is found. */
export type PrintedSource =
  /** At the commit the PDF records. */
  | { readonly at: "commit" }
  /** In a later commit: printed before those changes were committed. */
  | { readonly at: "later"; readonly commit: string }
  /** Only in the working folder, in no commit. */
  | { readonly at: "working" }
  /** Nowhere: in no commit of the file since the recorded one, nor in the working folder. */
  | { readonly at: "nowhere" };

/** verify's answer; the first that holds, in this order. */
export type Outcome =
  /** The PDF's own bytes are not those delib sealed. */
  | "pdf-changed"
  /** Nothing to compare with: no record of the source, no seal, or the source is nowhere. */
  | "unknown"
  /** The source as committed at HEAD no longer gives the printed document (or is gone). */
  | "source-committed"
  /** The working folder differs from what was printed by changes not committed. */
  | "source-uncommitted"
  | "identical";

export interface Verdict {
  /** What the PDF says of itself: as printed when its printed part is still whole inside. */
  readonly record: PrintedRecord;
  /** The seal: intact also when only signatures were added since printing. */
  readonly seal: SealCheck;
  /** The PDF's signatures, first signed first (pdf-signatures.ts). */
  readonly signatures: readonly SignatureCheck[];
  /** How the bytes stand against the seal and the signatures (SignedState). */
  readonly signing: SignedState["state"];
  /** What an update appended after printing changed, when the PDF as printed is whole inside it. */
  readonly pdfChanges: PdfChanges | undefined;
  /** The recorded commit: undefined when none is recorded, "unknown" when this repository lacks it. */
  readonly commit: "known" | "unknown" | undefined;
  /** The source file at the recorded commit. */
  readonly atCommit: SourceState;
  readonly head: SourceState;
  /** The file in the working folder; `modified` when it differs from HEAD (or is not committed). */
  readonly working: SourceState & { readonly modified: boolean };
  readonly printedSource: PrintedSource;
  /** Commits that changed the deliberation since the recorded commit. */
  readonly changes: readonly ChangeRecord[];
  /** The session file a PDF/A-3b document carries, checked when no copy of it is at hand (archival.ts). */
  readonly carried?: SourceState;
  readonly outcome: Outcome;
  /** What is wrong, as diagnostics (none when identical). */
  readonly diagnostics: readonly Diagnostic[];
}

type Facts = Omit<Verdict, "outcome" | "diagnostics">;

const absent: SourceState = { present: false, sameSource: false, document: undefined };

/** The document a source renders, compared with the one printed. */
async function documentFrom(root: string, record: PrintedRecord, bytes: Buffer): Promise<SourceState["document"]> {
  if (!record.kind || !record.source || !record.document) return undefined;
  // Checked as every command checks it, with this text in place of the file on disk.
  const set = await checkSessions([record.source], { cwd: root, texts: new Map([[record.source, bytes.toString("utf8")]]) });
  const checked = set.files[0]!;
  const rendered = checked.outcome ? renderDocuments(checked.outcome, { kinds: [record.kind as DocumentKind], links: checked.links, settings: checked.config.documents }).value : undefined;
  const name = (number: string) => (record.kind === "election" ? electionRecordFileName(number) : extractFileName(number));
  const document = rendered?.find((d) => record.number === undefined || d.name === name(record.number));
  if (!document) return "none";
  return documentHash(document.data as { page: { provenance: string } }) === record.document ? "same" : "different";
}

/** A version of the source: hashed, and rendered when `render`. */
async function stateOf(root: string, record: PrintedRecord, bytes: Buffer | undefined, render: boolean): Promise<SourceState> {
  if (bytes === undefined) return absent;
  return { present: true, sameSource: contentHash(bytes) === record.sourceHash, document: render ? await documentFrom(root, record, bytes) : undefined };
}

function printedSourceOf(root: string, record: PrintedRecord, recorded: string | undefined, atCommit: SourceState, working: Buffer | undefined): PrintedSource {
  if (atCommit.sameSource) return { at: "commit" };
  // Printed before its changes were committed: the first later commit that holds them.
  const log = git(root, ["log", "--reverse", "--format=%H", ...(recorded ? [`${recorded}..HEAD`] : []), "--", record.source!]) ?? "";
  for (const commit of log.split("\n").filter(Boolean)) {
    const bytes = fileAt(root, commit, record.source!);
    if (bytes && contentHash(bytes) === record.sourceHash) return { at: "later", commit };
  }
  if (working && contentHash(working) === record.sourceHash) return { at: "working" };
  return { at: "nowhere" };
}

/** The answer, from the facts: see Outcome. */
function outcomeOf(facts: Facts): Outcome {
  const { record, seal, atCommit, head, working } = facts;
  if (seal.state === "broken" || changedAfterSigning(facts.signing)) return "pdf-changed";
  if (seal.state === "absent" || !record.source || !record.document) return "unknown";
  if (!atCommit.present && !head.present && !working.present) return facts.carried?.document === "same" ? "identical" : "unknown";
  if (head.document === "same") return working.modified && working.document !== "same" ? "source-uncommitted" : "identical";
  // HEAD does not give it. The printed version may be waiting in the working folder.
  if (working.modified && working.document === "same") return "source-uncommitted";
  if (head.present || atCommit.present) return "source-committed";
  return "source-uncommitted"; // a file never committed, changed since printing
}

/** A signature no longer holds, or the PDF was changed after one. */
function changedAfterSigning(signing: SignedState["state"]): boolean {
  return signing === "invalid" || signing === "appended" || signing === "between";
}

/** A relative path that stays inside the repository: no `..`, not absolute, no drive. */
function insideRepository(path: string): boolean {
  return path !== "" && !path.includes("\0") && !isAbsolute(path) && !/^[A-Za-z]:/.test(path) && !path.replace(/\\/g, "/").split("/").includes("..");
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks a printed PDF: its own bytes against its seal, then the source it records, at its
 * commit, at HEAD and in the working folder. Without `root` (outside a repository) only the
 * PDF itself is checked.
 */
export async function verifyPdf(root: string | undefined, pdfPath: string, shown: string = pdfPath): Promise<Verdict | { problem: Diagnostic }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(pdfPath);
  } catch (error) {
    return { problem: unreadableFile(shown, error) };
  }
  const signed = await signedState(bytes);
  // Signatures appended after printing are no change: the document is as printed, then signed.
  const seal: SealCheck = signed.state === "signed" ? { state: "intact" } : signed.seal;
  const printed = signed.seal.state === "broken" && signed.seal.printedLength !== undefined ? bytes.subarray(0, signed.seal.printedLength) : undefined;
  // When the PDF as printed is whole inside, its record is read there: an update may have changed it.
  const record = readPrintedRecord(printed ?? bytes);
  const changed = printed && seal.state === "broken" ? await pdfChanges(printed, bytes, { ignoreSignatureWidgets: signed.signatures.length > 0 }) : undefined;
  const base: Facts = { record, seal, signatures: signed.signatures, signing: signed.state, pdfChanges: changed, commit: undefined, atCommit: absent, head: absent, working: { ...absent, modified: false }, printedSource: { at: "nowhere" }, changes: [] };
  let facts = base;
  // The record is the PDF's word, which anyone can write: only a commit's name and a path inside
  // the repository reach git and the file system (`--output=…` would be an option of git log).
  if (root !== undefined && record.source && record.document && seal.state !== "broken" && !changedAfterSigning(signed.state) && insideRepository(record.source)) {
    const source = record.source;
    const named = record.commit !== undefined && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(record.commit) ? record.commit : undefined;
    const commit = record.commit === undefined ? undefined : named && git(root, ["cat-file", "-e", `${named}^{commit}`]) !== undefined ? "known" : "unknown";
    const recorded = commit === "known" ? named : undefined;
    const fromHead = fileAt(root, "HEAD", source);
    const onDisk = readIfThere(join(root, source));
    const modified = onDisk === undefined || fromHead === undefined ? onDisk !== fromHead : !onDisk.equals(fromHead);
    const atCommit = await stateOf(root, record, recorded ? fileAt(root, recorded, source) : undefined, false);
    const head = await stateOf(root, record, fromHead, true);
    const working = { ...(modified ? await stateOf(root, record, onDisk, true) : head), modified };
    const printedSource = printedSourceOf(root, record, recorded, atCommit, onDisk);
    // Changes since the commit that holds what was printed, when it came after the recorded one.
    const since = printedSource.at === "later" ? printedSource.commit : recorded;
    const changes = record.number && commit !== "unknown" ? changesOf(root, source, record.number, since) : [];
    facts = { ...base, commit, atCommit, head, working, printedSource, changes };
  }
  // No copy of the source at hand: a PDF/A-3b document carries its own, the one it was printed from.
  if (!facts.atCommit.present && !facts.head.present && !facts.working.present && record.source && record.document && seal.state === "intact") {
    // Read from the part delib printed: an update appended since (a signature) cannot swap it.
    const carried = await withCarriedSource(printed ?? bytes, record.source, (dir, source) => stateOf(dir, record, source, true));
    if (carried) facts = { ...facts, carried };
  }
  const outcome = outcomeOf(facts);
  return { ...facts, outcome, diagnostics: root === undefined && outcome !== "pdf-changed" ? [] : diagnosticsOf(facts, outcome, shown) };
}

/** The document, as a reader names it: « l’extrait 2021-06 ». */
export function documentName(record: PrintedRecord): Message {
  return record.number ? msg("verify.what.numbered", { kind: record.kind ?? "", number: record.number }) : msg("verify.what", { kind: record.kind ?? "" });
}

/** A change an update made to a printed PDF, as a reader names it. */
function changeNames(changes: PdfChanges | undefined): MessageList | undefined {
  if (!changes) return undefined;
  const names: Message[] = [];
  if (changes.metadata.length > 0) names.push(msg("verify.change.metadata", { keys: listOf(changes.metadata.map((key) => msg("verify.key", { key }))) }));
  if (changes.pageCount.printed !== changes.pageCount.now) names.push(msg("verify.change.page_count", { printed: changes.pageCount.printed, now: changes.pageCount.now }));
  if (changes.pages.length > 0) names.push(msg("verify.change.pages", { count: changes.pages.length, pages: listOf(changes.pages.map(String)) }));
  return names.length > 0 ? listOf(names) : undefined;
}

/** What verify reports, as diagnostics of the PDF `file`. */
function diagnosticsOf(facts: Facts, outcome: Outcome, file: string): Diagnostic[] {
  const { record, seal, working, printedSource } = facts;
  const what = documentName(record);
  const source = record.source ?? "";
  const commit = record.commit?.slice(0, 12) ?? "";
  const found: Diagnostic[] = [];
  const afterSigning = signatureDiagnostics(facts, file);
  if (afterSigning.length > 0 && (seal.state !== "broken" || seal.printedLength !== undefined)) return afterSigning;
  if (seal.state === "broken") {
    const changes = changeNames(facts.pdfChanges);
    found.push(
      diagnostic({
        code: "DLB4014",
        message:
          seal.printedLength === undefined
            ? msg("DLB4014", { file })
            : changes
              ? msg("DLB4014.appended", { file, changes, bytes: seal.printedLength })
              : msg("DLB4014.appended.other", { file, bytes: seal.printedLength }),
        hints: [msg("DLB4014.hint")],
      }),
    );
    return [...found, ...afterSigning];
  }
  if (!record.source || !record.document) return [diagnostic({ code: "DLB4012", message: msg("DLB4012", { file }), hints: [msg("DLB4012.hint")] })];
  if (seal.state === "absent") return [diagnostic({ code: "DLB4015", message: msg("DLB4015", { file }), hints: [msg("DLB4015.hint")] })];
  switch (outcome) {
    case "unknown":
      found.push(
        diagnostic({
          code: "DLB4018",
          message: facts.commit === "unknown" ? msg("DLB4018.commit", { file, source, commit }) : msg("DLB4018", { file, source }),
          hints: [msg("DLB4018.hint")],
        }),
      );
      break;
    case "source-committed": {
      const variant = !facts.head.present ? "DLB4016.removed" : facts.head.document === "none" ? "DLB4016.none" : "DLB4016";
      found.push(diagnostic({ code: "DLB4016", message: msg(variant, { file, what, source }), hints: [msg("DLB4016.hint")] }));
      break;
    }
    case "source-uncommitted": {
      const variant = !working.present ? "DLB4017.deleted" : working.document === "same" ? "DLB4017.not_committed" : working.document === "none" ? "DLB4017.none" : "DLB4017";
      found.push(diagnostic({ code: "DLB4017", message: msg(variant, { file, what, source }), hints: [msg("DLB4017.hint", { source })] }));
      break;
    }
    default:
      break;
  }
  if (outcome !== "unknown") {
    // The PDF names a version of its source that the recorded commit does not hold.
    if (facts.commit === "unknown") {
      found.push(diagnostic({ severity: "warning", code: "DLB4019", message: msg("DLB4019.unknown_commit", { file, commit }), hints: [msg("DLB4019.hint.unknown_commit")] }));
    } else if (printedSource.at === "later") {
      found.push(diagnostic({ severity: "warning", code: "DLB4019", message: msg("DLB4019.later", { file, source, later: printedSource.commit.slice(0, 12) }), hints: [msg("DLB4019.hint")] }));
    } else if (printedSource.at === "nowhere") {
      found.push(diagnostic({ severity: "warning", code: "DLB4019", message: msg("DLB4019", { file, source }), hints: [msg("DLB4019.hint")] }));
    }
  }
  return found;
}

/** A signature that does not hold, or a change made after the last signature. */
function signatureDiagnostics(facts: Facts, file: string): Diagnostic[] {
  const { signatures, signing } = facts;
  const found: Diagnostic[] = [];
  signatures.forEach((s, i) => {
    if (s.problem === undefined) return;
    const variant = s.problem === "digest" || s.problem === "signature" ? "DLB4070" : s.problem === "unreadable" ? "DLB4070.unreadable" : "DLB4070.byte_range";
    found.push(diagnostic({ code: "DLB4070", message: msg(variant, { file, index: i + 1, signer: s.signer ?? "?" }), hints: [msg("DLB4070.hint")] }));
  });
  const last = signatures[signatures.length - 1];
  if (found.length === 0 && last && (signing === "appended" || signing === "between")) {
    found.push(
      diagnostic({
        code: "DLB4071",
        message: signing === "appended" ? msg("DLB4071", { file, signer: last.signer ?? "?", date: last.date ?? "?" }) : msg("DLB4071.between", { file }),
        hints: [msg("DLB4071.hint")],
      }),
    );
  }
  return found;
}

/** The session file at HEAD that holds deliberation `number`. */
export function findDeliberation(root: string, number: string): string | undefined {
  // -z: names as they are (git quotes a name with accents, « séances/ », in its line output).
  const files = (git(root, ["ls-files", "-z", "*.yaml", "*.yml"]) ?? "").split("\0").filter(Boolean);
  return files.find((f) => motionIn(fileAt(root, "HEAD", f), number) !== undefined);
}
