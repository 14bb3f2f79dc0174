// The Chromium floor: puppeteer-core launches Chromium, prints small A4 pages to PDF, closes.
// `node bench/floor-chromium.mjs CHROMIUM [PAGES]` — PAGES printed on one reused page.
// No delib code is involved: this is what any tool printing through Chromium pays.
import puppeteer from "puppeteer-core";

const [executablePath, pagesArg = "1"] = process.argv.slice(2);
const pages = Number(pagesArg);
const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm }</style></head>
<body><h1>Délibération</h1><p>Le comité syndical s'est réuni. Adopté à l'unanimité.</p></body></html>`;
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  for (let i = 0; i < pages; i++) {
    await page.setContent(html.replace("Délibération", `Délibération ${i + 1}`), { waitUntil: "load" });
    await page.pdf({ preferCSSPageSize: true, printBackground: true });
  }
} finally {
  await browser.close();
}
