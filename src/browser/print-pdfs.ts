// Prints many documents with one browser: pages are reused, and a bounded number print at once.
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { browserLaunchFailed, openBrowser } from "./browser.js";
import { browserNotFound, findChromium } from "./find-chromium.js";
import { renderPdf, type PdfMetadata } from "./render-pdf.js";

/** One document to print. */
export interface PrintJob {
  readonly html: string;
  readonly meta: PdfMetadata;
}

/**
 * How many pages print at once: one per core, at least two (a page waits on the browser
 * process as much as it computes), at most four (more only adds memory).
 */
export const printConcurrency = Math.min(4, Math.max(2, availableParallelism()));

/** Runs `fn` over `items` with at most `limit` at once; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A started browser, ready to print. */
export interface Printer {
  /** The browser printing the PDFs (for `--verbose`). */
  readonly executablePath: string;
  /** Prints every job, a bounded number at once; results in the jobs' order. */
  print(jobs: readonly PrintJob[], onPrinted?: (done: number, total: number) => void): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/**
 * Finds a browser and starts it. A browser that cannot be found or started is an environment
 * problem (DLB4001, DLB4002), returned, not thrown. The CLI starts it while it checks the
 * input, since launching Chromium is the slowest step of a run.
 */
export async function startPrinter(options: { flag: string | undefined; env: Readonly<Record<string, string | undefined>> }): Promise<Printer | { problem: Diagnostic }> {
  const found = findChromium({ flag: options.flag, env: options.env });
  if ("tried" in found) return { problem: browserNotFound(found.tried, process.platform) };
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  try {
    browser = await openBrowser(found.path);
  } catch (error) {
    return { problem: browserLaunchFailed(found.path, error) };
  }
  return {
    executablePath: found.path,
    async print(jobs, onPrinted) {
      let done = 0;
      // Longest first: a long procès-verbal printed last would leave the other pages idle.
      const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.html.length - jobs[a]!.html.length || a - b);
      const printed = await mapLimit(order, printConcurrency, async (i) => {
        const pdf = await renderPdf(browser, jobs[i]!.html, jobs[i]!.meta);
        onPrinted?.(++done, jobs.length);
        return pdf;
      });
      const pdfs = new Array<Uint8Array>(jobs.length);
      order.forEach((job, k) => (pdfs[job] = printed[k]!));
      return pdfs;
    },
    close: () => browser.close(),
  };
}
