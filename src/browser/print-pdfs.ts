// Prints many documents with one browser: pages are reused, and a bounded number print at once.
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { browserAnsweredGarbage, browserDied, printTookTooLong } from "./browser-failures.js";
import { browserLaunchFailed, openBrowser, PageFailure, type BrowserSession } from "./browser.js";
import { browserNotFound, findChromium } from "./find-chromium.js";
import { DEFAULT_START_TIMEOUT_S } from "./launch-chromium.js";
import { renderPdf, type PdfMetadata } from "./render-pdf.js";
import { printStream } from "./print-stream.js";

/**
 * How long one document may take to print, by default, in seconds: a procès-verbal of a hundred
 * deliberations prints in a few seconds; a browser stuck on a page is given up (issue 13).
 */
export const DEFAULT_PRINT_TIMEOUT_S = 60;

/** How long to wait for the browser: to start, and to print each document, in seconds. */
export interface PrinterTimeouts {
  readonly startSeconds?: number;
  readonly printSeconds?: number;
}

/**
 * Thrown by `Printer.print` when the browser fails while printing (it died, hung, or talked
 * garbage): an environment problem, with its diagnostic. The browser is already stopped, and
 * every later print throws the same.
 */
export class PrintFailed extends Error {
  constructor(readonly problem: Diagnostic) {
    super(`printing failed: ${problem.code}`);
    this.name = "PrintFailed";
  }
}

/** A document that took longer than its time to print. */
class PrintTimeout extends Error {
  constructor(
    readonly document: string,
    readonly seconds: number,
  ) {
    super(`${document} took longer than ${seconds} s to print`);
    this.name = "PrintTimeout";
  }
}

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

/** A printer of one large job at a time (a year's register). */
export interface LargePrinter {
  /**
   * Prints one large job as a single document, streamed (print-stream.ts); it may take the
   * print time of `documents` documents. Chromium's bytes, not yet finished.
   */
  printLarge(job: { readonly html: string; readonly title: string; readonly documents: number }): Promise<Uint8Array>;
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
export async function startPrinter(options: {
  flag: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  timeouts?: PrinterTimeouts;
}): Promise<(Printer & LargePrinter) | { problem: Diagnostic }> {
  const found = findChromium({ flag: options.flag, env: options.env });
  if ("tried" in found) return { problem: browserNotFound(found.tried, process.platform) };
  const startSeconds = options.timeouts?.startSeconds ?? DEFAULT_START_TIMEOUT_S;
  const printSeconds = options.timeouts?.printSeconds ?? DEFAULT_PRINT_TIMEOUT_S;
  let browser: BrowserSession;
  try {
    browser = await openBrowser(found.path, { startMs: startSeconds * 1000 });
  } catch (error) {
    return { problem: browserLaunchFailed(found.path, error) };
  }
  /** Set by the first print that fails: the browser is stopped, and every print after throws it. */
  let broken: Promise<PrintFailed> | undefined;
  const fail = (error: PageFailure | PrintTimeout): Promise<PrintFailed> => {
    broken ??= (async () => {
      // Asked before the browser is stopped, which would end it in any case.
      const problem = await whyPrintingFailed(browser, error);
      await browser.close();
      return new PrintFailed(problem);
    })();
    return broken;
  };
  const printOne = (job: PrintJob): Promise<Uint8Array> => guarded(job.meta.title, printSeconds, renderPdf(browser, job.html, job.meta));
  const guarded = async (document: string, seconds: number, printing: Promise<Uint8Array>): Promise<Uint8Array> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeout(document, seconds)), seconds * 1000);
    });
    try {
      return await Promise.race([printing, late]);
    } catch (error) {
      // A print given up fails later, when the browser is stopped: nobody waits for it then.
      printing.catch(() => undefined);
      if (!(error instanceof PageFailure || error instanceof PrintTimeout)) throw error;
      throw await fail(error);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    executablePath: found.path,
    async print(jobs, onPrinted) {
      if (broken) throw await broken;
      let done = 0;
      // Longest first: a long procès-verbal printed last would leave the other pages idle.
      const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.html.length - jobs[a]!.html.length || a - b);
      const printed = await mapLimit(order, printConcurrency, async (i) => {
        if (broken) throw await broken;
        const pdf = await printOne(jobs[i]!);
        onPrinted?.(++done, jobs.length);
        return pdf;
      });
      const pdfs = new Array<Uint8Array>(jobs.length);
      order.forEach((job, k) => (pdfs[job] = printed[k]!));
      return pdfs;
    },
    async printLarge(job) {
      if (broken) throw await broken;
      return guarded(job.title, printSeconds * Math.max(1, job.documents), printStream(browser, job.html));
    },
    close: () => browser.close(),
  };
}

/**
 * The diagnostic for a print that failed: too long (DLB4007), garbage on the pipe (DLB4005), or
 * the browser gone, its process ended or its page closed (DLB4006).
 */
async function whyPrintingFailed(browser: BrowserSession, error: PageFailure | PrintTimeout): Promise<Diagnostic> {
  if (error instanceof PrintTimeout) return printTookTooLong(error.document, error.seconds);
  const failure = await browser.failure();
  if (failure?.kind === "garbage") return browserAnsweredGarbage(browser.executablePath, failure, "print");
  return browserDied(browser.executablePath, failure, error.detail);
}
