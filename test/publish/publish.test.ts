// `delib publish` on examples/: every example register published as a site (each body is its
// own register: their numbers overlap), then the sites read back as a visitor and a machine
// would: real headless Chromium opening the files from disk, axe-core on every page (WCAG 2.1
// A and AA, the RGAA's reference), a link checker over every href and src, the search with and
// without JavaScript, the Atom feed with fast-xml-parser, the SCDL file's DELIB_URLs, and the
// same bytes from a second run. Screenshots of each page type go to /tmp/publish-shots/.
import { mkdirSync, readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actPdfPath, siteUrl } from "../../src/model/site-layout.js";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { parseCsv } from "../export/temp-register.js";
import { baseUrl, commitDay, examplesRepository, runPublish, treeOf } from "./site-fixture.js";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const shots = "/tmp/publish-shots";

interface Site {
  readonly body: string;
  readonly dir: string;
}

let repo: string;
const sites: Site[] = [];
let browser: Browser;

beforeAll(async () => {
  repo = examplesRepository();
  const bodies = readdirSync(repo).filter((d) => !d.startsWith(".") && statSync(join(repo, d)).isDirectory());
  for (const body of bodies) {
    const run = await runPublish(join(repo, body), []);
    expect({ body, code: run.code, stderr: run.stderr }).toEqual({ body, code: 0, stderr: "" });
    sites.push({ body, dir: join(repo, body, "site") });
  }
  browser = await puppeteer.launch({ executablePath: chromiumForTests(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"] });
}, 600_000);
afterAll(async () => browser?.close());

/** Every HTML page of a site, relative to it. */
function pages(site: Site): string[] {
  return treeOf(site.dir).filter((f) => f.endsWith(".html"));
}

/** A page opened from disk, as a visitor double-clicking the file would. */
async function open(file: string, options: { bypassCsp?: boolean; javascript?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warn") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  if (options.bypassCsp) await page.setBypassCSP(true);
  if (options.javascript === false) await page.setJavaScriptEnabled(false);
  await page.setViewport(options.viewport ?? { width: 1280, height: 800 });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems };
}

describe("delib publish on examples/", () => {
  it("writes the index, the search page, a page per sitting and per deliberation, their PDFs, the feed and the open data", () => {
    // Marcilly-sur-Aubrette elects: its records are among the files checked below.
    expect(sites.flatMap((site) => treeOf(site.dir)).filter((f) => f.endsWith("-proces-verbal-election.pdf")).length).toBeGreaterThan(0);
    for (const site of sites) {
      const files = treeOf(site.dir);
      expect(files).toEqual(expect.arrayContaining(["index.html", "recherche.html", "actes.atom", "deliberations.csv", "assets/site.css", "assets/recherche.js", "assets/index-recherche.js"]));
      expect(files.some((f) => /^seances\/\d{4}-\d{2}-\d{2}\.html$/.test(f))).toBe(true);
      expect(files.filter((f) => f.startsWith("deliberations/")).length).toBe(files.filter((f) => /^pdf\/(?!proces-verbal|liste-des)(?!.*-proces-verbal-election\.pdf$)/.test(f)).length);
      // An election's record is published beside its extract, and linked from its page.
      for (const record of files.filter((f) => f.endsWith("-proces-verbal-election.pdf"))) {
        const number = record.slice("pdf/".length, -"-proces-verbal-election.pdf".length);
        expect(readFileSync(join(site.dir, `deliberations/${number}.html`), "utf8"), record).toContain(`href="../${record}"`);
      }
      expect(files.some((f) => f.startsWith("pdf/proces-verbal-"))).toBe(true);
      expect(files.some((f) => f.startsWith("pdf/liste-des-deliberations-"))).toBe(true);
      for (const pdf of files.filter((f) => f.endsWith(".pdf"))) expect(readFileSync(join(site.dir, pdf)).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("is French by default, keeps printed documents inert: a strict Content-Security-Policy, no inline script, no handler, one script of its own", () => {
    for (const site of sites) {
      for (const name of pages(site)) {
        const html = readFileSync(join(site.dir, name), "utf8");
        expect(html, name).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? "";
        expect(csp, name).toContain("script-src 'self'");
        expect(csp, name).toContain("connect-src 'none'");
        expect(csp, name).toContain("default-src 'none'");
        expect(csp, name).not.toContain("unsafe");
        // Every script has a src: nothing inline, and only the search page has scripts.
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
        for (const [, attributes, body] of scripts) {
          expect(attributes).toMatch(/ src="/);
          expect(body).toBe("");
        }
        expect(scripts.length, name).toBe(name === "recherche.html" ? 2 : 0);
        expect(html, name).not.toMatch(/\son[a-z]+=/i);
        expect(html, name).not.toMatch(/(href|src)="(https?:)?\/\//);
      }
    }
  });

  it("links only to files of the site: every href and src of every page, and every url() of the stylesheet, resolves", async () => {
    let checked = 0;
    for (const site of sites) {
      const root = resolve(site.dir) + sep;
      for (const name of pages(site)) {
        const file = join(site.dir, name);
        const { page } = await open(file, { javascript: false });
        const refs = (await page.evaluate(`[...document.querySelectorAll("[href],[src]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src"))`)) as string[];
        await page.close();
        for (const ref of refs) {
          const url = new URL(ref, pathToFileURL(file));
          expect(url.protocol, `${name}: ${ref}`).toBe("file:");
          const target = fileURLToPath(url);
          expect(target.startsWith(root), `${name}: ${ref} leaves the site`).toBe(true);
          expect(existsSync(target) && statSync(target).isFile(), `${site.body}/${name}: ${ref}`).toBe(true);
          if (url.hash !== "") {
            const id = decodeURIComponent(url.hash.slice(1));
            expect(readFileSync(target, "utf8"), `${name}: ${ref}`).toContain(`id="${id}"`);
          }
          checked++;
        }
      }
      const css = readFileSync(join(site.dir, "assets/site.css"), "utf8");
      for (const [, ref] of css.matchAll(/url\("([^"]+)"\)/g)) expect(existsSync(join(site.dir, "assets", ref!)), ref).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
  }, 300_000);

  it("passes axe-core with no violation of WCAG 2.1 A and AA rules on every page (RGAA)", async () => {
    const found: { page: string; rule: string; nodes: string[] }[] = [];
    let audited = 0;
    for (const site of sites) {
      for (const name of pages(site)) {
        // The test injects axe itself: the site's policy would rightly refuse a foreign script.
        const { page } = await open(join(site.dir, name), { bypassCsp: true });
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(
          `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then((r) => r.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) })))`,
        )) as { rule: string; nodes: string[] }[];
        await page.close();
        found.push(...violations.map((v) => ({ page: `${site.body}/${name}`, ...v })));
        audited++;
      }
    }
    expect(found).toEqual([]);
    expect(audited).toBeGreaterThan(50);
  }, 600_000);

  it("searches opened from disk, with its own script under its policy, and lists every act without JavaScript", async () => {
    const site = sites.find((s) => s.body === "aubencourt-sur-noirieu")!;
    const file = join(site.dir, "recherche.html");
    const { page, problems } = await open(file);
    const rows = `[...document.querySelectorAll("#liste-actes tbody tr")]`;
    expect(await page.evaluate(`document.getElementById("recherche").hidden`)).toBe(false);
    await page.type("#recherche-champ", "COMPTE administratif");
    const visible = (await page.evaluate(`${rows}.filter((r) => !r.hidden).map((r) => r.querySelector("th").textContent.trim())`)) as string[];
    expect(visible).toEqual(["2023-02"]);
    expect(await page.evaluate(`document.getElementById("recherche-etat").textContent`)).toBe("Délibérations affichées : 1 sur 5");
    const search = async (text: string) => {
      await page.evaluate(`(() => { const f = document.getElementById("recherche-champ"); f.value = ${JSON.stringify(text)}; f.dispatchEvent(new Event("input")); })()`);
      return (await page.evaluate(`${rows}.filter((r) => !r.hidden).map((r) => r.querySelector("th").textContent.trim())`)) as string[];
    };
    // A number; accents and capitals aside (« RESULTAT » finds « résultat »); a date as printed.
    expect(await search("2023-04")).toEqual(["2023-04"]);
    expect(await search("RESULTAT")).toEqual(["2023-03"]);
    expect(await search("7 avril")).toHaveLength(5);
    expect(await search("aucun acte ne dit cela")).toEqual([]);
    expect(await page.evaluate(`document.getElementById("recherche-etat").textContent`)).toBe("Délibérations affichées : 0 sur 5");
    expect(problems).toEqual([]);
    await page.close();

    const off = await open(file, { javascript: false });
    expect(await off.page.evaluate(`document.getElementById("recherche").hidden`)).toBe(true);
    const listed = (await off.page.evaluate(`${rows}.map((r) => [...r.children].map((c) => c.textContent.trim()))`)) as string[][];
    expect(listed.map((r) => r[0])).toEqual(["2023-01", "2023-02", "2023-03", "2023-04", "2023-05"]);
    expect(listed[0]).toEqual(["2023-01", "Approbation du compte de gestion 2022 du budget principal", "7 avril 2023"]);
    await off.page.close();
  }, 120_000);

  it("gives an Atom 1.0 feed of the acts: ids, dates, links to each act's page and PDF", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link"].includes(name) });
    for (const site of sites) {
      const xml = readFileSync(join(site.dir, "actes.atom"), "utf8");
      const { feed } = parser.parse(xml) as { feed: Record<string, any> };
      expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(feed.title).toEqual(expect.any(String));
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(feed.author.name).toEqual(expect.any(String));
      expect(feed.link.find((l: any) => l["@rel"] === "self")["@href"]).toBe(`${baseUrl}actes.atom`);
      const entries = feed.entry as Record<string, any>[];
      expect(entries.length).toBe(treeOf(site.dir).filter((f) => f.startsWith("deliberations/")).length);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.id).toMatch(/^urn:uuid:/);
        // Committed on commitDay, and none of examples/ gives its own `online_on`.
        expect(entry.updated).toBe(`${commitDay}T00:00:00Z`);
        for (const link of entry.link as Record<string, string>[]) {
          const href = link["@href"]!;
          expect(href.startsWith(baseUrl)).toBe(true);
          expect(existsSync(join(site.dir, decodeURIComponent(href.slice(baseUrl.length)))), href).toBe(true);
        }
        expect((entry.link as Record<string, string>[]).map((l) => l["@rel"]).sort()).toEqual(["alternate", "enclosure"]);
      }
    }
  });

  it("fills every DELIB_URL of its open-data file with the address of an existing PDF of the site", () => {
    let urls = 0;
    for (const site of sites) {
      const [header, ...rows] = parseCsv(readFileSync(join(site.dir, "deliberations.csv"), "utf8"));
      const at = header!.indexOf("DELIB_URL");
      const id = header!.indexOf("DELIB_ID");
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const url = row[at]!;
        expect(url).toBe(siteUrl(baseUrl, actPdfPath(row[id]!)));
        const file = join(site.dir, decodeURIComponent(url.slice(baseUrl.length)));
        expect(existsSync(file), url).toBe(true);
        expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
        urls++;
      }
    }
    expect(urls).toBeGreaterThan(30);
  });

  it("gives the same bytes from the same register", async () => {
    const site = sites.find((s) => s.body === "aubencourt-sur-noirieu")!;
    const again = await runPublish(join(repo, site.body), [], { out: "site-again" });
    expect(again.code).toBe(0);
    const other = join(repo, site.body, "site-again");
    expect(treeOf(other)).toEqual(treeOf(site.dir));
    for (const file of treeOf(site.dir)) expect(readFileSync(join(other, file)).equals(readFileSync(join(site.dir, file))), file).toBe(true);
  }, 120_000);

  it("takes screenshots of each page type on a phone and on a desktop (/tmp/publish-shots/)", async () => {
    mkdirSync(shots, { recursive: true });
    const site = sites.find((s) => s.body === "aubencourt-sur-noirieu")!;
    const kinds = { index: "index.html", search: "recherche.html", sitting: "seances/2023-04-07.html", act: "deliberations/2023-02.html" };
    for (const [viewport, size] of Object.entries({ phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } })) {
      for (const [kind, name] of Object.entries(kinds)) {
        const { page, problems } = await open(join(site.dir, name), { viewport: size });
        await page.evaluateHandle("document.fonts.ready");
        const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        // Nothing wider than the screen but the tables' own scrolling region.
        expect(width, `${kind} on ${viewport}`).toBeLessThanOrEqual(size.width);
        await page.screenshot({ path: join(shots, `${kind}-${viewport}.png`), fullPage: true });
        expect(problems).toEqual([]);
        await page.close();
      }
    }
  }, 120_000);
});
