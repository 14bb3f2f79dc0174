// A printed PDF, page by page, as poppler reads it: for the tests that check what a page shows.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs `fn` on the bytes written to a temporary file, removed afterwards. */
async function onFile<T>(bytes: Uint8Array, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "delib-pdf-pages-"));
  try {
    const file = path.join(dir, "document.pdf");
    await writeFile(file, bytes);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The number of pages, from `pdfinfo`. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { stdout } = await onFile(bytes, (file) => run("pdfinfo", [file]));
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
  return Number(match[1]);
}

/**
 * The text of each page, `pdftotext -layout` in UTF-8: lines as printed, columns side by side.
 * poppler ends every page with a form feed; one run, split on it, gives the pages in order.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return onFile(bytes, async (file) => {
    const [{ stdout }, info] = await Promise.all([run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 }), run("pdfinfo", [file])]);
    const count = Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]);
    const pages = stdout.split("\f");
    // The text after the last form feed is empty: there are as many pages as form feeds.
    if (pages[pages.length - 1] === "") pages.pop();
    if (pages.length !== count) throw new Error(`pdftotext gave ${pages.length} pages, pdfinfo says ${count}`);
    return pages;
  });
}

