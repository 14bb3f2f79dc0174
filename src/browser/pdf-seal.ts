// The seal on every PDF delib prints: the SHA-256 of the file's own bytes, written in its
// information dictionary (/DelibSeal), computed with the seal's 64 hex digits as zeros. Any
// change to the file after printing (its text, a stream, a page, the title, an update a PDF
// editor appends) breaks it, and `delib verify` says so (issue 13). It is a check against
// changes, not a signature: whoever knows how it is made can make it again.
import { createHash } from "node:crypto";

/** The key of the seal in the information dictionary. */
export const SEAL_KEY = "DelibSeal";
const BLANK = "0".repeat(64);
/** What normalisePdf writes in the information dictionary before sealing. */
export const SEAL_PLACEHOLDER = `/${SEAL_KEY} (${BLANK})`;
const SEAL = /\/DelibSeal \(([0-9a-f]{64})\)/g;

function digest(text: string): string {
  return createHash("sha256").update(text, "latin1").digest("hex");
}

/** Seals a PDF (as a latin1 string) whose last SEAL_PLACEHOLDER is the seal to fill. */
export function sealPdf(text: string): string {
  const at = text.lastIndexOf(SEAL_PLACEHOLDER);
  if (at < 0) throw new Error("no seal placeholder in the PDF");
  const start = at + SEAL_PLACEHOLDER.length - 1 - BLANK.length;
  return text.slice(0, start) + digest(text) + text.slice(start + BLANK.length);
}

/** What the seal of a PDF says about its bytes. */
export type SealCheck =
  | { readonly state: "absent" }
  | { readonly state: "intact" }
  /**
   * The bytes are not those sealed. `printedLength` is set when the file as printed is still
   * whole at its start and more was appended to it (an incremental update, ISO 32000-1 7.5.6).
   */
  | { readonly state: "broken"; readonly printedLength: number | undefined };

/** Checks a PDF's seal: delib's own is the first in the file (later ones are copies in updates). */
export function checkSeal(pdf: Uint8Array): SealCheck {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  SEAL.lastIndex = 0;
  const found = SEAL.exec(text);
  if (!found) return { state: "absent" };
  const start = found.index + found[0].length - 1 - BLANK.length;
  const blanked = text.slice(0, start) + BLANK + text.slice(start + BLANK.length);
  const seal = found[1]!;
  if (digest(blanked) === seal) return { state: "intact" };
  // delib's update ends with the first end-of-file marker after its seal.
  const end = /%%EOF\r?\n?/.exec(blanked.slice(start));
  const printedLength = end ? start + end.index + end[0].length : undefined;
  if (printedLength !== undefined && printedLength < blanked.length && digest(blanked.slice(0, printedLength)) === seal) {
    return { state: "broken", printedLength };
  }
  return { state: "broken", printedLength: undefined };
}
