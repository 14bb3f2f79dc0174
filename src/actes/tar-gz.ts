// The archive a tiers de télétransmission takes: a POSIX ustar archive compressed with gzip
// (s2low ActesEnvelope.class.php checkArchiveType: `gzip -d` then `tar tf`). Written here
// rather than with a library: the archive holds a few flat files with short ASCII names, which
// the ustar header of POSIX.1-1988 (pax, « ustar Interchange Format ») carries in 80 lines, and
// every byte is ours to fix, so that the same input gives the same archive.
import { gzipSync } from "node:zlib";

/** One file of the archive: a name at the archive's root, and its bytes. */
export interface TarEntry {
  readonly name: string;
  readonly contents: Uint8Array;
}

const BLOCK = 512;

/**
 * The gzip-compressed tar of `entries`, in the order given, every file dated `mtime` (whole
 * seconds), owned by uid/gid 0 with no user or group name, mode 0644. The gzip header carries
 * no time and the operating system 3 (Unix) on every platform: the bytes depend on the input
 * alone.
 */
export function tarGz(entries: readonly TarEntry[], mtime: Date): Uint8Array {
  const gz = gzipSync(tar(entries, mtime), { level: 9 });
  // RFC 1952: MTIME (bytes 4–7) is 0 from zlib; OS (byte 9) is set at zlib's build, so fixed here.
  gz[9] = 3;
  return gz;
}

/** The uncompressed ustar archive of `entries` (see tarGz). */
export function tar(entries: readonly TarEntry[], mtime: Date): Uint8Array {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    blocks.push(header(entry.name, entry.contents.length, seconds));
    blocks.push(entry.contents);
    const padding = (BLOCK - (entry.contents.length % BLOCK)) % BLOCK;
    if (padding > 0) blocks.push(new Uint8Array(padding));
  }
  // The end of the archive: two blocks of zeros.
  blocks.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(blocks);
}

/** The 512-byte ustar header of a regular file. */
function header(name: string, size: number, mtime: number): Uint8Array {
  // Names are made by delib (package-names.ts): a bug if one does not fit the `name` field.
  if (!/^[\x21-\x7e]{1,100}$/.test(name) || name.includes("/")) throw new Error(`tar: cannot store the name ${JSON.stringify(name)}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, "ascii");
  block.write(octal(0o644, 8), 100, "ascii"); // mode
  block.write(octal(0, 8), 108, "ascii"); // uid
  block.write(octal(0, 8), 116, "ascii"); // gid
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(mtime, 12), 136, "ascii");
  block.write("        ", 148, "ascii"); // the checksum counts its own field as spaces
  block.write("0", 156, "ascii"); // typeflag: a regular file
  block.write("ustar\u000000", 257, "ascii"); // magic « ustar\0 », version « 00 »
  let sum = 0;
  for (const byte of block) sum += byte;
  // Six octal digits, a NUL and a space, as tar itself writes it.
  block.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, "ascii");
  return block;
}

/** `value` in octal, zero-padded to fill a field of `width` bytes with its final NUL. */
function octal(value: number, width: number): string {
  const digits = value.toString(8);
  if (digits.length > width - 1 || value < 0) throw new Error(`tar: ${value} does not fit ${width} bytes`);
  return `${digits.padStart(width - 1, "0")}\u0000`;
}
