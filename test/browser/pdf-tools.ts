// Shared by the browser tests: the real Chromium, and poppler's pdfinfo / pdftotext on real files.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findChromium } from "../../src/browser/find-chromium.js";
import { en } from "../support/english.js";

const run = promisify(execFile);

/** Generous: a cold Chromium start on a slow CI machine takes seconds. */
export const BROWSER_TIMEOUT = 30_000;

/** The Chromium these tests print with; fails loudly rather than skipping (CI installs one). */
export function chromiumForTests(): string {
  const found = findChromium({ env: process.env });
  if ("tried" in found) {
    throw new Error(`the browser tests need Chromium (apt-get install chromium); tried: ${found.tried.map(en).join("; ")}`);
  }
  return found.path;
}

/** Runs `fn` on the bytes written to a temporary file, removed afterwards. */
export async function withPdfFile<T>(bytes: Uint8Array, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "delib-pdf-test-"));
  try {
    const file = path.join(dir, "out.pdf");
    await writeFile(file, bytes);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo -isodates` as a field map ("Title" -> "..."). */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const { stdout } = await withPdfFile(bytes, (file) => run("pdfinfo", ["-isodates", file]));
  const fields: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!] = match[2]!;
  }
  return fields;
}

/** `pdftotext -layout` output. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { stdout } = await withPdfFile(bytes, (file) => run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]));
  return stdout;
}
