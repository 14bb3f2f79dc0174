// Links and images written in a sitting's texts (issue 13, part 3): the documents stay inert.
// A link is printed as its text followed by its address, as plain text; an image is refused by
// validation (DLB3095, test/fixtures/invalid/rule-text-holds-an-image.yaml) and, should one reach
// the renderer all the same, printed as its text and address too. Checked on the HTML and on a
// real PDF printed by Chromium: no request leaves the page, no link annotation, no image.
//
// Before render/markdown.ts printed links as text, `[texte](https://…)` became an <a href> and a
// link annotation in the PDF, and `![](data:image/png;…)` an image embedded in the act.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../../src/browser/browser.js";
import { renderPdf } from "../../src/browser/render-pdf.js";
import { tallySession } from "../../src/check.js";
import { renderDocuments } from "../../src/documents.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { typeset } from "../../src/render/words.js";
import { BROWSER_TIMEOUT, chromiumForTests, pdfText } from "../browser/pdf-tools.js";
import { session } from "../support/session-builder.js";

/** A 1×1 PNG: what an image written as data would embed. */
const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const LINKED = "Le plan est consultable sur [le site de la commune](https://example.org/plan?a=1&b=2 \"titre\").";
const IMAGES = `Le projet ![plan du réseau](https://example.org/plan.png) et ![](${PIXEL}).`;
const HOSTILE = [
  "Fin de style </style><style>body{display:none}</style> et de script </script><script>alert(1)</script>",
  "Commentaire <!-- et CDATA ]]> et <img src=https://example.org/x.png onerror=alert(1)>",
  'Guillemets " et \' et barre oblique inverse \\ et \\" et `</script>`',
  "Fins de ligne CR\rFF\fNEL\u0085LS\u2028PS\u2029 et tabulation\t",
  "Adresse seule <https://example.org/seule> et courriel <contact@example.org>",
  "Lien refusé [clic](javascript:alert(1)) et [fichier](file:///etc/passwd)",
];

describe("renderMarkdown", () => {
  it("prints a link as its text then its address, as plain text", () => {
    expect(renderMarkdown(LINKED)).toBe("<p>Le plan est consultable sur le site de la commune (https://example.org/plan?a=1&amp;b=2).</p>");
    // An address written as the link's own text is printed once.
    expect(renderMarkdown("<https://example.org/seule> et <contact@example.org>")).toBe("<p>https://example.org/seule et contact@example.org</p>");
    expect(renderMarkdown("[](https://example.org/vide)")).toBe("<p>https://example.org/vide</p>");
    // The address is printed as written: French typography turns no apostrophe of it.
    expect(typeset(renderMarkdown("[l'acte](https://x.fr/a?c='d')"))).toBe("<p>l’acte (https://x.fr/a?c=&#39;d&#39;)</p>");
  });

  it("prints an image as its alternative text then its address, never as an image", () => {
    const html = renderMarkdown(IMAGES);
    expect(html).not.toMatch(/<img|<a\b/);
    expect(html).toBe(`<p>Le projet plan du réseau (https://example.org/plan.png) et ${PIXEL}.</p>`);
  });

  it("leaves no tag of the file's own and no attribute, whatever the text", () => {
    for (const text of HOSTILE) {
      const html = renderMarkdown(text);
      const tags = [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)];
      expect(tags.map((t) => t[1]).filter((t) => !["p", "code", "em", "strong", "br"].includes(t!)), text).toEqual([]);
      expect(tags.map((t) => t[2]).filter((a) => a !== ""), text).toEqual([]);
    }
  });

  it("closes the direction controls of each run of text", () => {
    expect(renderMarkdown("nom \u202eà l’envers et `code \u2067isolé`")).toBe("<p>nom \u202eà l’envers et \u202c<code>code \u2067isolé\u2069</code></p>");
  });
});

/** A sitting whose every Markdown text holds links, images and hostile text, tallied without its rules (which refuse the images). */
function hostileDocuments() {
  const texts = [LINKED, IMAGES, ...HOSTILE];
  const data = session()
    .members(5)
    .vote({ for: 5, against: 0 }, {
      preamble: texts.join("\n\n"),
      visas: texts,
      considerations: texts,
      discussion: texts.join("\n\n"),
      decisions: [{ verb: "DÉCIDE", articles: texts }],
    })
    .with((s) => {
      s.items = [{ kind: "information", title: "Information", before: "2024-01", text: texts.join("\n\n") }];
    })
    .build();
  const rendered = renderDocuments(tallySession(data), { kinds: ["extract", "minutes"] });
  expect(rendered.diagnostics).toEqual([]);
  return rendered.value!;
}

describe("the documents of a sitting whose texts hold links and images", () => {
  it("hold no link and no image in their HTML", () => {
    for (const document of hostileDocuments()) {
      expect(document.html, document.name).not.toMatch(/<a\b|<img\b(?![^>]*class="(logo|signature-image)")|<script|<iframe|<object|<embed/i);
      expect(document.html).toContain("le site de la commune (https://example.org/plan?a=1&amp;b=2)");
      expect(document.html).not.toContain("https://example.org/plan.png\"");
    }
  });

  describe("printed by a real Chromium", { timeout: BROWSER_TIMEOUT }, () => {
    let browser: BrowserSession;
    beforeAll(async () => {
      browser = await openBrowser(chromiumForTests());
    }, BROWSER_TIMEOUT);
    afterAll(async () => browser?.close(), BROWSER_TIMEOUT);

    it("makes no request, and the PDF has no link annotation and no image", async () => {
      const requested: string[] = [];
      // The same browser, each page watched: every request the page makes is noted, data: URLs included.
      const watched: BrowserSession = {
        ...browser,
        withPage: (fn) =>
          browser.withPage(async (page) => {
            const note = (request: { url(): string }) => void requested.push(request.url());
            page.on("request", note);
            try {
              return await fn(page);
            } finally {
              page.off("request", note);
            }
          }),
      };
      for (const document of hostileDocuments()) {
        requested.length = 0;
        const pdf = await renderPdf(watched, document.html, { ...document.meta, date: new Date("2024-03-12T00:00:00Z") });
        expect(await linksAndImages(pdf), document.name).toEqual({ links: 0, images: 0 });
        expect((await pdfText(pdf)).replace(/\s+/g, " ")).toContain("le site de la commune (https://example.org/plan?a=1&b=2)");
        // Only what the template declares: the fonts and images of its stylesheet, embedded as data.
        const stylesheet = /<style>([\s\S]*?)<\/style>/.exec(document.html)![1]!;
        const undeclared = requested.filter((url) => !url.startsWith("data:") || !stylesheet.includes(url));
        expect(undeclared.map((url) => url.slice(0, 80)), document.name).toEqual([]);
      }
    });
  });
});

/** The link annotations and the image XObjects of a PDF, counted by pdf-lib. */
async function linksAndImages(bytes: Uint8Array): Promise<{ links: number; images: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  let links = 0;
  let images = 0;
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.get(PDFName.of("Subtype"))?.toString() === "/Link") links++;
    }
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : undefined;
    if (dict?.get(PDFName.of("Subtype"))?.toString() === "/Image") images++;
  }
  return { links, images };
}
