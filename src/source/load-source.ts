// Reading a session file: its bytes from disk, which must be UTF-8 text. A file typed in
// another encoding (Windows Notepad's « ANSI », Windows-1252) is refused, never read as
// something else: a legal record must not be silently reinterpreted, and a lenient reading
// would print « Fr�d�ric » on the official document.
import { resolve } from "node:path";
import { diagnostic, type Diagnostic, type Result, type SourceFile } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { defaultLimits, readWithin, tooLarge, type Limits } from "./limits.js";

/**
 * Reads a session file from disk; a missing or unreadable file is the user's input problem.
 * `path` is kept as given, for the diagnostics; a relative one is read from `cwd`. Synchronous:
 * the checking threads read thousands of small files one after the other (an asynchronous read
 * left them idle more than half the time). A file larger than `limits.fileSize` is refused
 * before it is read (DLB1020).
 */
export function loadSourceSync(path: string, cwd = ".", limits: Limits = defaultLimits): Result<SourceFile> {
  let read: ReturnType<typeof readWithin>;
  try {
    read = readWithin(resolve(cwd, path), limits.fileSize);
  } catch (error) {
    return { value: undefined, diagnostics: [unreadableFile(path, error)] };
  }
  if ("size" in read) return { value: undefined, diagnostics: [tooLarge(path, read.size, limits)] };
  return decodeSource(path, read.bytes);
}

/** Strict: a byte that is not UTF-8 throws, where a lenient decoder would put U+FFFD. Drops a leading BOM. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a file's bytes, which must be UTF-8; a byte-order mark is dropped (editors hide
 * it, and it would shift every column of the first line by one). Anything else is refused
 * with DLB1014, located at the first byte that is not UTF-8.
 */
export function decodeSource(path: string, bytes: Uint8Array): Result<SourceFile> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { value: undefined, diagnostics: [notUtf8(path, bytes)] };
  }
  return { value: { path, text }, diagnostics: [] };
}

/**
 * The text of bytes in Windows-1252 (Windows Notepad's « ANSI » in Western Europe). Not used
 * on its own: delib never converts a file unasked. It is here for a conversion the user asks
 * for explicitly (a `--encoding windows-1252` option, say), and to tell what a refused file
 * says. Each byte gives one character, so offsets are the same in bytes and in text.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\x80-\x9F]/g, (c) => WINDOWS_1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}

/**
 * Bytes 0x80 to 0x9F in Windows-1252 (WHATWG index-windows-1252): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ”
 * • – — ˜ ™ š › œ ž Ÿ, and five bytes the encoding leaves undefined, kept as they are. Node 20
 * from 20.18.3 decodes "windows-1252" as Latin-1, giving U+0080 to U+009F for these bytes
 * (nodejs/node#56542, #60888): so « l’année », « œuvre », « 3 € » would come out wrong. Those
 * characters, which no correct decoding leaves, are mapped here; on a fixed Node this is a no-op.
 */
const WINDOWS_1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** A file that was named but cannot be read (missing, a folder, no permission). */
export function unreadableFile(path: string, error: unknown, what: "session" | "pdf" | "certificate" = "session"): Diagnostic {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable";
  const hint = what === "certificate" ? msg("DLB1001.hint.certificate") : what === "pdf" ? msg("DLB1001.hint.pdf") : msg("DLB1001.hint");
  return diagnostic({ code: "DLB1001", message: msg("DLB1001", { path, reason }), hints: [hint] });
}

/** The bytes of a BOM, in UTF-8 and in UTF-16 (which Notepad calls « Unicode »). */
const BOM = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * DLB1014 for bytes that are not UTF-8. The span is in a text made for showing the place: the
 * file up to the first bad byte (valid UTF-8, read as such) and the rest of that line as
 * Windows-1252 would read it, or as an editor in UTF-8 shows it. So the line and column are
 * those of the byte as the clerk's editor counts them (characters, not bytes), and the text
 * after it is never read as the session.
 */
function notUtf8(path: string, bytes: Uint8Array): Diagnostic {
  for (const encoding of ["utf16le", "utf16be"] as const) {
    if (!startsWith(bytes, BOM[encoding])) continue;
    const file: SourceFile = { path, text: new TextDecoder(encoding === "utf16le" ? "utf-16le" : "utf-16be").decode(bytes) };
    return diagnostic({
      code: "DLB1014",
      message: msg("DLB1014.utf16", { encoding: "UTF-16" }),
      span: { file, start: 0, end: Math.min(1, file.text.length) },
      hints: [msg("DLB1014.hint.utf16"), msg("DLB1014.hint.not_converted")],
    });
  }
  const at = firstInvalidByte(bytes);
  const bom = startsWith(bytes, BOM.utf8) ? BOM.utf8.length : 0;
  const before = utf8.decode(bytes.subarray(bom, at));
  const breakAt = bytes.subarray(at).findIndex((b) => b === 0x0a || b === 0x0d);
  const line = bytes.subarray(at, breakAt < 0 ? bytes.length : at + breakAt);
  const windows1252 = looksLikeWindows1252(bytes.subarray(bom));
  const file: SourceFile = { path, text: before + (windows1252 ? decodeWindows1252(line) : new TextDecoder("utf-8").decode(line)) };
  const span = { file, start: before.length, end: before.length + 1 };
  const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")}`;
  if (!windows1252) return diagnostic({ code: "DLB1014", message: msg("DLB1014", { byte }), span, hints: [msg("DLB1014.hint"), msg("DLB1014.hint.not_converted")] });
  return diagnostic({
    code: "DLB1014",
    message: msg("DLB1014.windows1252", { byte, word: wordAt(file.text, span.start) }),
    span,
    hints: [msg("DLB1014.hint.windows1252"), msg("DLB1014.hint.not_converted")],
  });
}

/**
 * The offset of the first byte that is not UTF-8. The platform's decoder finds it: read
 * leniently, each bad sequence becomes one U+FFFD, and the text before it, all good, encodes
 * back to the very bytes it came from. A U+FFFD the file really holds (bytes EF BF BD) is
 * passed over.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let i = lenient.indexOf("\uFFFD"); i >= 0; i = lenient.indexOf("\uFFFD", i + 1)) {
    offset += Buffer.byteLength(lenient.slice(from, i));
    from = i + 1;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) offset += 3;
    else return offset;
  }
  return bytes.length; // not reached: the strict decoder refused the bytes
}

/** What the bytes of a Windows-1252 file from 0x80 up stand for in French text: letters, « », ’, €, °… */
const WINDOWS_1252_TEXT = /^[\p{L}«»‘’“”‚„–—…€£°§·\u00A0²³¹ªº×½¼¾©®™•¿¡±]$/u;

/**
 * Whether bytes that are not UTF-8 read as text in Windows-1252: no control character but
 * tabs and line ends, every byte from 0x80 up a letter or the punctuation of French text, and
 * none of the file already in UTF-8 (a file that mixes both would be spoilt by a re-save).
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  if (bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f)) return false;
  if (/[^\x00-\x7F\uFFFD]/.test(new TextDecoder("utf-8").decode(bytes))) return false;
  let text: string;
  try {
    text = decodeWindows1252(bytes);
  } catch {
    return false; // a Node built without the Windows encodings: the generic hint then
  }
  return bytes.every((b, i) => b < 0x80 || WINDOWS_1252_TEXT.test(text.charAt(i)));
}

const WORD = /^[\p{L}\p{M}\p{N}’'-]$/u;

/** The word around `at` (« Frédéric »), or the sign at `at` and the word after it (« « Frédéric »). */
function wordAt(text: string, at: number): string {
  let start = at;
  let end = at + 1;
  if (WORD.test(text.charAt(at))) {
    while (start > 0 && WORD.test(text.charAt(start - 1))) start--;
  } else {
    while (end < text.length && /^[ \u00A0\u202F]$/.test(text.charAt(end))) end++;
  }
  while (end < text.length && WORD.test(text.charAt(end))) end++;
  const word = text.slice(start, end).trim();
  return word.length > 40 ? `${word.slice(0, 40)}…` : word;
}
