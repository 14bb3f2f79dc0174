// A floor for a whole build: the very HTML documents delib rendered, printed by puppeteer-core
// alone (launch Chromium, print each on a reused page, two at once and tagged as delib prints
// them, close), no delib code involved. What printing those pages through Chromium costs,
// however many pages they are. `node bench/floor-documents.mjs CHROMIUM DIR` prints DIR/*.html.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const [executablePath, dir] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith(".html"));
// Longest first, as delib orders them, so one long document does not print alone at the end.
const documents = files.map((f) => readFileSync(join(dir, f), "utf8")).sort((a, b) => b.length - a.length);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
try {
  let next = 0;
  const lane = async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    while (next < documents.length) {
      await page.setContent(documents[next++], { waitUntil: "load" });
      await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    }
  };
  await Promise.all([lane(), lane()]);
} finally {
  await browser.close();
}
