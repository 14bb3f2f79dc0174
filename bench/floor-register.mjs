// The floor of a year's register (issue 14): the very HTML delib prints for it, as one page.pdf
// by puppeteer-core alone (launch Chromium, set the content, print it tagged as delib prints
// it, close), no delib code involved. What printing those pages through Chromium costs as one
// job, fonts embedded once. `node bench/floor-register.mjs CHROMIUM FILE.html OUT.pdf`; the
// HTML is the register's body and tables as delib wrote them (DELIB_REGISTER_HTML).
import { createWriteStream, readFileSync } from "node:fs";
import { Writable } from "node:stream";
import puppeteer from "puppeteer-core";

const [executablePath, file, out] = process.argv.slice(2);
const html = readFileSync(file, "utf8");
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.emulateMediaType("print");
  await page.setContent(html, { waitUntil: "load", timeout: 0 });
  const stream = await page.createPDFStream({ timeout: 0, preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
  await stream.pipeTo(Writable.toWeb(createWriteStream(out)));
} finally {
  await browser.close();
}
