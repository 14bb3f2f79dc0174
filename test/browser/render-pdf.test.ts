import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../../src/browser/browser.js";
import { pdfString, renderPdf, type PdfMetadata } from "../../src/browser/render-pdf.js";
import { BROWSER_TIMEOUT, chromiumForTests, pdfInfo, pdfText } from "./pdf-tools.js";

const FRENCH = "Délibération du comité syndical — dix-huit mai";

function page(body: string, head = ""): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>titre du navigateur</title>
<style>@page { size: A4; margin: 20mm } body { font-family: serif; font-size: 12pt }</style>
${head}
</head>
<body>${body}</body>
</html>`;
}

const META: PdfMetadata = {
  title: "Délibération n° 2024-018",
  author: "Syndicat intercommunal des eaux",
  subject: "Extrait du registre des délibérations",
  keywords: ["délibération", "budget"],
  language: "fr-FR",
  date: new Date("2024-05-18T10:30:00Z"),
};

const chromium = chromiumForTests();
let browser: BrowserSession;

beforeAll(async () => {
  browser = await openBrowser(chromium);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
}, BROWSER_TIMEOUT);

describe("renderPdf", { timeout: BROWSER_TIMEOUT }, () => {
  it("prints one A4 page with the French text intact", async () => {
    const pdf = await renderPdf(browser, page(`<h1>${FRENCH}</h1><p>Le quorum est atteint.</p>`), META);
    const info = await pdfInfo(pdf);
    expect(info["Pages"]).toBe("1");
    // Chromium lays the page out in whole CSS pixels, so A4 (595.28 x 841.89 pt) comes out
    // within a point of it; pdfinfo names the size when it matches.
    const size = /^([\d.]+) x ([\d.]+) pts \(A4\)$/.exec(info["Page size"] ?? "");
    expect(size, info["Page size"]).not.toBeNull();
    expect(Number(size![1])).toBeCloseTo(595.28, 0);
    expect(Number(size![2])).toBeCloseTo(841.89, 0);
    const text = await pdfText(pdf);
    expect(text.replace(/\s+/g, " ")).toContain(FRENCH);
    expect(text).toContain("Le quorum est atteint.");
  });

  it("lets the CSS @page choose the paper", async () => {
    const landscape = page("<p>paysage</p>").replace("size: A4;", "size: A5 landscape;");
    const info = await pdfInfo(await renderPdf(browser, landscape, META));
    // A5 landscape is 595.28 x 419.53 pt.
    const size = /^([\d.]+) x ([\d.]+) pts/.exec(info["Page size"] ?? "");
    expect(size, info["Page size"]).not.toBeNull();
    expect(Number(size![1])).toBeCloseTo(595.28, 0);
    expect(Number(size![2])).toBeCloseTo(419.53, 0);
  });

  it("writes the given metadata and fixed dates, not Chromium's", async () => {
    const info = await pdfInfo(await renderPdf(browser, page(`<h1>${FRENCH}</h1>`), META));
    expect(info["Title"]).toBe(META.title);
    expect(info["Author"]).toBe(META.author);
    expect(info["Subject"]).toBe(META.subject);
    expect(info["Keywords"]).toBe("délibération budget");
    expect(info["Creator"]).toBe("delib");
    expect(info["Producer"]).toBe("delib");
    expect(info["CreationDate"]).toBe("2024-05-18T10:30:00Z");
    expect(info["ModDate"]).toBe("2024-05-18T10:30:00Z");
    expect(info["Tagged"]).toBe("yes");
  });

  it("sets the document language in the catalog", async () => {
    const pdf = await renderPdf(browser, page("<p>langue</p>"), META);
    expect(Buffer.from(pdf).toString("latin1")).toMatch(/\/Lang \(fr-FR\)/);
  });

  it("does not run scripts", async () => {
    const pdf = await renderPdf(
      browser,
      page(`<p>texte d'origine</p><script>document.body.textContent = 'SCRIPT RAN'</script>`),
      META,
    );
    const text = await pdfText(pdf);
    expect(text).not.toContain("SCRIPT RAN");
    expect(text).toContain("texte d'origine");
  });

  it("lets no request leave, but keeps data: URLs", async () => {
    let requests = 0;
    let connections = 0;
    const server = http.createServer((_request, response) => {
      requests += 1;
      response.end("body { color: red }");
    });
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // A data: stylesheet is allowed: it adds generated text the PDF must show.
      const dataCss = `data:text/css,${encodeURIComponent('.marque::after { content: "style intégré chargé" }')}`;
      const html = page(
        `<p>hors ligne</p>
         <p class="marque"></p>
         <img src="${origin}/x.png">
         <iframe src="${origin}/frame"></iframe>`,
        `<link rel=stylesheet href=${origin}/x.css>
         <link rel=stylesheet href="${dataCss}">
         <link rel=preconnect href=${origin}>
         <link rel=prefetch href=${origin}/next>
         <style>@import url(${origin}/import.css); p { background: url(${origin}/bg.png) }</style>`,
      );
      const text = await pdfText(await renderPdf(browser, html, META));
      expect(text).toContain("hors ligne");
      expect(text).toContain("style intégré chargé");
      // Give stray prefetches a moment to arrive if they were going to.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({ requests, connections }).toEqual({ requests: 0, connections: 0 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("gives the same bytes for the same input, across pages and browser launches", async () => {
    const html = page(`<h1>${FRENCH}</h1><h2>Vote</h2><p>Pour : 12, contre : 3.</p>`);
    const first = await renderPdf(browser, html, META);
    const again = await renderPdf(browser, html, META);
    const other = await openBrowser(chromium);
    let second: Uint8Array;
    try {
      second = await renderPdf(other, html, META);
    } finally {
      await other.close();
    }
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // And the trailer carries a content-derived /ID.
    expect(Buffer.from(first).toString("latin1")).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/i);
  });

  it("gives different bytes and a different /ID for different documents", async () => {
    const a = await renderPdf(browser, page("<p>première</p>"), META);
    const b = await renderPdf(browser, page("<p>première</p>"), { ...META, date: new Date("2024-05-19T10:30:00Z") });
    const id = (pdf: Uint8Array) => /\/ID \[ ?<([0-9a-f]+)>/i.exec(Buffer.from(pdf).toString("latin1"))?.[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });
});

describe("normalisePdf", () => {
  it("adds its metadata as an incremental update that another PDF library reads back", { timeout: BROWSER_TIMEOUT }, async () => {
    const pdf = await renderPdf(browser, page("<p>stable</p>"), META);
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getAuthor()).toBe(META.author);
    expect(doc.getProducer()).toBe("delib");
    expect(doc.getCreationDate()?.toISOString()).toBe(META.date.toISOString());
    expect(doc.getPageCount()).toBe(1);
  });

  it("keeps no trace of the time of printing", { timeout: BROWSER_TIMEOUT }, async () => {
    const pdf = Buffer.from(await renderPdf(browser, page("<p>stable</p>"), META)).toString("latin1");
    const dates = [...pdf.matchAll(/\/(?:CreationDate|ModDate) \((D:[^)]*)\)/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(4); // Chromium's dictionary and delib's
    expect(new Set(dates)).toEqual(new Set(["D:20240518103000+00'00'"]));
  });

  it("encodes non-ASCII text as UTF-16 with a byte-order mark", () => {
    expect(pdfString("Délibération")).toBe("<FEFF004400E9006C0069006200E90072006100740069006F006E>");
    expect(pdfString(String.raw`a (b) \ c`)).toBe(String.raw`(a \(b\) \\ c)`);
  });
});

describe("normalisePdf: structure IDs", () => {
  /** A skeleton of what Chromium writes: two table headers named after DOM nodes, and the ID tree. */
  const skeleton = (first: string, second: string) =>
    [
      "%PDF-1.4",
      "1 0 obj\n<</Title (t)\n/CreationDate (D:20261128142959+00'00')\n/ModDate (D:20261128142959+00'00')>>\nendobj",
      `2 0 obj\n<</Type /StructElem\n/S /TH\n/ID (node${first})>>\nendobj`,
      `3 0 obj\n<</Type /StructElem\n/S /TH\n/ID (node${second})>>\nendobj`,
      `4 0 obj\n<</Limits [(node${[first, second].sort()[0]}) (node${[first, second].sort()[1]})]\n/Names [(node${[first, second].sort()[0]}) ${first < second ? 2 : 3} 0 R (node${[first, second].sort()[1]}) ${first < second ? 3 : 2} 0 R]>>\nendobj`,
      "5 0 obj\n<</Type /Catalog\n/Lang (fr)>>\nendobj",
      "xref\n0 6\ntrailer\n<</Size 6\n/Root 5 0 R\n/Info 1 0 R>>\nstartxref\n9\n%%EOF\n",
    ].join("\n");

  it("names the elements in the order they appear, whatever Chromium's node numbers, and keeps the tree sorted", async () => {
    const { normalisePdf } = await import("../../src/browser/render-pdf.js");
    const meta = { title: "t", author: "a", subject: "s", language: "fr", date: new Date("2024-01-01T00:00:00Z") };
    const a = Buffer.from(normalisePdf(new Uint8Array(Buffer.from(skeleton("00000022", "00000031"), "latin1")), meta)).toString("latin1");
    const b = Buffer.from(normalisePdf(new Uint8Array(Buffer.from(skeleton("00000040", "00000012"), "latin1")), meta)).toString("latin1");
    expect(a).toBe(b);
    expect(a).toContain("2 0 obj\n<</Type /StructElem\n/S /TH\n/ID (node00000001)>>");
    expect(a).toContain("/Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 2 0 R (node00000002) 3 0 R]");
  });
});
