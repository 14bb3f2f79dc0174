// The archive writer of `delib actes` (src/actes/tar-gz.ts), read back by GNU tar and gzip:
// the tiers de télétransmission opens the archive with them (s2low
// public.ssl/modules/actes/class/ActesEnvelope.class.php checkArchiveType and extractArchive:
// `gzip -d -c ARCHIVE | tar xf -`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tar, tarGz } from "../../src/actes/tar-gz.js";

const mtime = new Date("2023-12-12T00:00:00Z");
const entries = [
  { name: "EACT--215101234--20231212-1.xml", contents: Buffer.from("<?xml version=\"1.0\"?>\n<a/>\n", "latin1") },
  // Exactly one block, then more than one: the padding of both cases.
  { name: "exactly-512.bin", contents: new Uint8Array(512).fill(7) },
  { name: "99_DE-051-215101234-20231212-2023_45-DE-1-1_1.pdf", contents: new Uint8Array(1300).map((_, i) => i % 251) },
  { name: "empty.txt", contents: new Uint8Array(0) },
];

function written(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-tar-"));
  const path = join(dir, "SLO-EACT--215101234--20231212-1.tar.gz");
  writeFileSync(path, bytes);
  return path;
}

describe("tarGz", () => {
  const archive = tarGz(entries, mtime);

  it("is a gzip stream that gzip -t accepts (checkArchiveType: `gzip -d -c`)", () => {
    expect(() => execFileSync("gzip", ["-t", written(archive)])).not.toThrow();
  });

  it("lists, with GNU tar, every file in order, with its size, date and mode", () => {
    const listing = execFileSync("tar", ["--list", "--verbose", "--full-time", "--utc", "-z", "-f", written(archive)], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
    const lines = listing.trim().split("\n");
    expect(lines).toHaveLength(entries.length);
    entries.forEach((entry, i) => {
      expect(lines[i]).toMatch(new RegExp(`^-rw-r--r-- 0/0 +${entry.contents.length} 2023-12-12 00:00:00 ${entry.name.replace(/[.]/g, "\\.")}$`));
    });
  });

  it("extracts, with GNU tar, the very bytes given (extractArchive: `tar xf`)", () => {
    const path = written(archive);
    const dir = mkdtempSync(join(tmpdir(), "delib-untar-"));
    execFileSync("tar", ["-x", "-z", "-f", path, "-C", dir]);
    for (const entry of entries) expect(Buffer.compare(readFileSync(join(dir, entry.name)), Buffer.from(entry.contents))).toBe(0);
  });

  it("gives the same bytes for the same input: no clock, no owner, no host in the gzip header", () => {
    expect(Buffer.compare(Buffer.from(tarGz(entries, mtime)), Buffer.from(archive))).toBe(0);
    // RFC 1952: MTIME (bytes 4–7) zero, OS (byte 9) 3 = Unix wherever it is made.
    expect([...archive.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(archive[9]).toBe(3);
    expect(Buffer.compare(gunzipSync(archive), Buffer.from(tar(entries, mtime)))).toBe(0);
  });

  it("writes ustar headers whose checksums hold, and ends with two zero blocks", () => {
    const raw = Buffer.from(tar(entries, mtime));
    expect(raw.length % 512).toBe(0);
    expect(raw.subarray(raw.length - 1024).every((b) => b === 0)).toBe(true);
    const header = raw.subarray(0, 512);
    expect(header.subarray(257, 265).toString("latin1")).toBe("ustar\u000000");
    const stored = parseInt(header.subarray(148, 154).toString("ascii"), 8);
    let sum = 0;
    header.forEach((b, i) => (sum += i >= 148 && i < 156 ? 32 : b));
    expect(stored).toBe(sum);
  });

  it("refuses a name the ustar name field cannot hold (a bug in delib, not in the input)", () => {
    expect(() => tar([{ name: "x".repeat(101), contents: new Uint8Array() }], mtime)).toThrow(/cannot store the name/);
    expect(() => tar([{ name: "é.pdf", contents: new Uint8Array() }], mtime)).toThrow(/cannot store the name/);
    expect(() => tar([{ name: "a/b.pdf", contents: new Uint8Array() }], mtime)).toThrow(/cannot store the name/);
  });
});
