import { createHash } from "node:crypto";

/** sha256 of bytes or text, hex: the fingerprint of a session file or of a document's data. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
