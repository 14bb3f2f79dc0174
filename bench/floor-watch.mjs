// The floor of `build --watch` after a one-word change (bench/watch.mjs): what turning that one
// edited deliberation into a PDF costs at the least, with nothing started and nothing checked.
//   - rendering its one document: delib's own renderer, from the built modules (dist/), the
//     extract alone (renderDocument), warm, on a session already checked;
//   - printing that HTML once on a page already open in a Chromium already running: puppeteer-
//     core alone, as delib prints (scripts off, print media, tagged, outline, the page's own
//     size), no delib code.
// What it leaves out is what a watch cannot skip (noticing the save, checking the file, rendering
// the other documents, writing the file) or need not wait for; what it keeps is the work no
// tool can avoid. The two HTML texts the watch alternates between are rendered and printed
// alternately, as the watch prints them.
//
//   node bench/floor-watch.mjs CHROMIUM SESSION NUMBER FROM TO [RUNS]
// prints {"render": [ms...], "print": [ms...]} (the samples) on stdout. Needs `npm run build`.
import puppeteer from "puppeteer-core";
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { checkSessions } from "../dist/check.js";
import { prepareTemplates, renderDocument } from "../dist/documents.js";
import { provenanceOfAsync } from "../dist/provenance/provenance.js";
import { textAt } from "./edit-motion.mjs";

const [executablePath, session, number, from, to, runsArg = "9"] = process.argv.slice(2);
const runs = Number(runsArg);
const cwd = dirname(session);
const name = basename(session);
const original = readFileSync(session, "utf8");

/** The two versions of the session the watch alternates between, checked; how to render the extract of `number` of each. */
async function prepare() {
  const versions = [];
  for (const step of [0, 1]) {
    // Checked from the text, as delib's own commands check a text: the file on disk is left alone.
    const set = await checkSessions([name], { cwd, texts: new Map([[name, textAt(step, original, number, from, to)]]) });
    if (!set.ok) throw new Error(`the session does not check: ${JSON.stringify(set.diagnostics[0])}`);
    const file = set.files[0];
    const index = file.outcome.motions.findIndex((m) => m.motion.number === number);
    const prepared = prepareTemplates(file.config, undefined, cwd).value;
    const provenance = await provenanceOfAsync(session, name);
    const options = { ...prepared, provenance, links: file.links };
    versions.push(() => renderDocument(file.outcome, { kind: "extract", index }, options).value[0]);
  }
  return versions;
}

const versions = await prepare();
// Warm, as in a watch that has rendered before.
for (let i = 0; i < 5; i++) versions[i % 2]();
const renderTimes = [];
const documents = [];
for (let i = 0; i < runs * 3; i++) {
  const start = performance.now();
  const document = versions[i % 2]();
  renderTimes.push(performance.now() - start);
  documents[i % 2] = document;
}

// The two texts really differ by the word, as the watch's do.
if (!documents[0].html.includes(to) || documents[1].html.includes(to)) throw new Error(`the rendered extracts do not show the change of "${from}" to "${to}"`);

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
const printTimes = [];
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.emulateMediaType("print");
  const print = async (html) => {
    const start = performance.now();
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return performance.now() - start;
  };
  // The page is open and has printed before, as in a watch.
  await print(documents[0].html);
  await print(documents[1].html);
  for (let i = 0; i < runs; i++) printTimes.push(await print(documents[i % 2].html));
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify({ render: renderTimes, print: printTimes })}\n`);
