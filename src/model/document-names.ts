// The file names of a sitting's documents, without extension: each extract is named after its
// deliberation's number, the procès-verbal and the list after the sitting's date. The renderer
// names its files with these; the checks across files make sure no two can be the same.
//
// Whatever the data, a name is one file in the output folder on Linux, macOS and Windows alike
// (issue 13: a 240-character number ended the write in ENAMETOOLONG). An ordinary name
// (« 2021-06 ») is kept as it is; any other is made safe, then given a short hash of what was
// written, so that two different numbers never share a file and the same number always gets
// the same one.
import { createHash } from "node:crypto";

/**
 * The longest name, in UTF-8 bytes, extension aside: file systems allow 255, and the writer adds
 * an extension and, while it writes, a temporary suffix; Windows paths stay short with it.
 */
export const MAX_NAME_BYTES = 100;

/** What a name may not hold: path separators, Windows' reserved characters, controls, and invisible format characters (direction marks among them). */
const UNSAFE = /[/\\<>:"|?*\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Names Windows keeps for devices, whatever the extension (« CON.pdf » is the console). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const HASH_LENGTH = 8;

/** The procès-verbal's file name: « proces-verbal-2021-05-18 ». */
export function minutesFileName(date: string): string {
  return safeFileName(`proces-verbal-${date}`);
}

/** The list of deliberations' file name: « liste-des-deliberations-2021-05-18 ». */
export function listFileName(date: string): string {
  return safeFileName(`liste-des-deliberations-${date}`);
}

/** An election record's file name: « 2020-01-proces-verbal-election », after its deliberation's number. */
export function electionRecordFileName(number: string): string {
  return safeFileName(`${number}-proces-verbal-election`);
}

/** An extract's file name: its deliberation's number (« 2021-06 »), made safe when it has to be. */
export function extractFileName(number: string): string {
  return safeFileName(number);
}

/**
 * `text` as a file name (without extension) every system accepts: unchanged when it already is
 * one of at most MAX_NAME_BYTES; otherwise each unsafe character becomes `_`, a leading dot or a
 * trailing dot or space too (`..`, a hidden file, what Windows drops), a reserved device name
 * gets a `_` before it, the whole is cut to fit, and `-` and a hash of `text` end it.
 */
export function safeFileName(text: string): string {
  const name = text.normalize("NFC");
  if (isSafe(name)) return name;
  let stem = name
    .replace(new RegExp(UNSAFE.source, "gu"), "_")
    .replace(/^[. ]+/, (m) => "_".repeat(m.length))
    .replace(/[. ]+$/, (m) => "_".repeat(m.length));
  if (stem === "" || RESERVED.test(stem.split(".")[0]!.trimEnd())) stem = `_${stem}`;
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, HASH_LENGTH);
  return `${truncateBytes(stem, MAX_NAME_BYTES - HASH_LENGTH - 1)}-${hash}`;
}

function isSafe(name: string): boolean {
  return (
    name !== "" &&
    Buffer.byteLength(name, "utf8") <= MAX_NAME_BYTES &&
    !UNSAFE.test(name) &&
    !/^[. ]|[. ]$/.test(name) &&
    !RESERVED.test(name.split(".")[0]!.trimEnd())
  );
}

/** The longest start of `text` of at most `bytes` UTF-8 bytes, never cutting a character in two. */
function truncateBytes(text: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch, "utf8");
    if (used > bytes) break;
    out += ch;
  }
  return out;
}
