// Prints one large document (a year's register: a thousand pages and more) as a single
// browser job, read back in chunks: fonts are embedded once for the whole document, and the
// PDF crosses from the browser a megabyte at a time instead of in one base64 message (issue 14).
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PageFailure, type BrowserSession, type Page } from "./browser.js";
import { makeInert } from "./render-pdf.js";

/** How much of the PDF crosses from the browser at a time. */
const CHUNK = 1 << 20;

/**
 * Prints `html` and returns Chromium's PDF as it is (the caller finishes it: dates,
 * identifiers, metadata), in a buffer with room after its end. No outline: the caller writes
 * its own. Whatever goes wrong in the browser is thrown as a PageFailure.
 */
export async function printStream(browser: BrowserSession, html: string): Promise<Buffer> {
  return browser
    .withPage(async (lent) => {
      // A fresh page of its own, closed afterwards: a thousand pages printed on a page that had
      // already printed a document took longer (the register of 365 sittings: 62 to 83 s, against
      // 45 to 54 s on a new page).
      const page = await lent.browser().newPage();
      try {
        return await printOn(page, html);
      } finally {
        await page.close().catch(() => undefined);
      }
    })
    .catch((error: unknown) => {
      throw new PageFailure(error);
    });
}

async function printOn(page: Page, html: string): Promise<Buffer> {
  await makeInert(page);
  await page.setContent(html, { waitUntil: "load", timeout: 0 });
  // The protocol's own print, read in chunks of a megabyte: puppeteer's createPDFStream asks
  // for the whole PDF in one message (30 MB as 40 MB of base64, held three times).
  const session = await page.createCDPSession();
  // Each chunk goes to a temporary file as it comes, then the file is read into one buffer of
  // its exact size, with room after the PDF for the update its caller appends (a tenth, enough
  // for the register's: assemble-register.ts): the PDF is in memory once.
  const folder = await mkdtemp(join(tmpdir(), "delib-print-"));
  try {
    const { stream } = await session.send(
      "Page.printToPDF",
      {
        transferMode: "ReturnAsStream",
        // The template's CSS @page owns the paper size and margins.
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: false,
        displayHeaderFooter: false,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
      },
      // No time limit of the library's own: the printer gives the job its own (print-pdfs.ts).
      { timeout: 0 },
    );
    if (stream === undefined) throw new Error("the browser gave no PDF stream");
    const out = await open(join(folder, "print.pdf"), "w+");
    try {
      for (;;) {
        const { data, base64Encoded, eof } = await session.send("IO.read", { handle: stream, size: CHUNK });
        await out.write(Buffer.from(data, base64Encoded ? "base64" : "latin1"));
        if (eof) break;
      }
      await session.send("IO.close", { handle: stream });
      const { size } = await out.stat();
      const whole = Buffer.allocUnsafeSlow(size + Math.ceil(size / 10) + 65536);
      for (let at = 0; at < size; ) {
        const { bytesRead } = await out.read(whole, at, size - at, at);
        if (bytesRead === 0) throw new Error(`the printed PDF ended after ${at} of ${size} bytes`);
        at += bytesRead;
      }
      return whole.subarray(0, size);
    } finally {
      await out.close();
    }
  } finally {
    await session.detach().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}
