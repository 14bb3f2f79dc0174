// `delib publish` on registers that are not examples: a title made to break out of every
// format the site writes (HTML, the search index script, Atom, CSV), a register that gives
// neither a SIRET nor a site address nor a git history (warnings, a site all the same), a
// register with an error (nothing written), and the site's words in English.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { config, edit, marcilly, parseCsv, register, secondSitting } from "../export/temp-register.js";
import { baseUrl, git, runPublish, treeOf } from "./site-fixture.js";

/** Everything a title may hold that HTML, a script, XML or CSV would take for their own syntax. */
const hostile = `<script>alert("titre")</script> & <img src=x onerror=alert(1)> 'apostrophe', "guillemets" </title></td> {{doc.page}} ]]> --> \\u2028 fin`;
const firstTitle = "    title: Désignation du délégué titulaire de la commune au comité du Syndicat intercommunal d'énergie de l'Aubrette\n";

describe("delib publish", () => {
  it("escapes every title in the pages, the search index, the feed and the open data", async () => {
    const dir = register({
      "delib.config.yaml": `${config}site:\n  base_url: ${baseUrl}\n`,
      "seances/2023-12-12.yaml": edit(marcilly(), firstTitle, `    title: ${JSON.stringify(hostile)}\n`),
    });
    git(dir, ["init", "-q"]);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "séance"]);
    const run = await runPublish(dir, []);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const site = join(dir, "site");
    const number = "2023-45";
    const actPage = readFileSync(join(site, `deliberations/${number}.html`), "utf8");
    expect(actPage).not.toContain("<script>alert");
    expect(actPage).not.toContain("<img src=x");

    const browser = await puppeteer.launch({ executablePath: chromiumForTests(), headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    try {
      for (const [file, selector] of [
        [`deliberations/${number}.html`, ".object"],
        ["seances/2023-12-12.html", "tbody tr td span"],
        ["recherche.html", "tbody tr td"],
      ] as const) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });
        const read = (await page.evaluate(`({
          texts: [...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent),
          title: document.title,
          images: document.images.length,
          scripts: document.scripts.length,
          acts: globalThis.delibActs?.map((a) => a.t) ?? null,
        })`)) as { texts: string[]; title: string; images: number; scripts: number; acts: string[] | null };
        await page.close();
        expect(read.texts, file).toContain(hostile);
        expect(read.images, file).toBe(0);
        expect(read.scripts, file).toBe(file === "recherche.html" ? 2 : 0);
        if (file === "recherche.html") expect(read.acts).toContain(hostile);
        else if (file.startsWith("deliberations/")) expect(read.title).toContain(hostile);
      }
    } finally {
      await browser.close();
    }
    const { feed } = new XMLParser({ isArray: (name) => name === "entry" }).parse(readFileSync(join(site, "actes.atom"), "utf8")) as { feed: { entry: { title: string }[] } };
    expect(feed.entry.map((e) => e.title)).toContain(`Délibération n° ${number} : ${hostile}`);
    const [header, ...rows] = parseCsv(readFileSync(join(site, "deliberations.csv"), "utf8"));
    expect(rows.map((r) => r[header!.indexOf("DELIB_OBJET")])).toContain(hostile);
  }, 120_000);

  it("publishes a register without SIRET, site address or git history, and says what is missing", async () => {
    const dir = register({
      "delib.config.yaml": "format: 1\nbody:\n  name: Commune de Marcilly-sur-Aubrette\n  kind: commune\n  assembly: conseil municipal\n",
      "seances/2023-12-12.yaml": marcilly(),
    });
    const run = await runPublish(dir, [], {}, "en");
    expect(run.code).toBe(0);
    const codes = [...run.stderr.matchAll(/warning (DLB\d{4})/g)].map((m) => m[1]);
    expect(codes.sort()).toEqual(["DLB6020", "DLB6021", "DLB6022"]);
    expect(run.stderr).toContain("seances/2023-12-12.yaml:");
    const files = treeOf(join(dir, "site"));
    expect(files).not.toContain("deliberations.csv");
    const index = readFileSync(join(dir, "site/index.html"), "utf8");
    expect(index).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(index).not.toContain("deliberations.csv");
    expect(index).toContain("Register of deliberations – Commune de Marcilly-sur-Aubrette");
    // No date from git nor from the file: the act's page says nothing rather than guess.
    const act = readFileSync(join(dir, "site/deliberations/2023-45.html"), "utf8");
    expect(act).not.toContain("Put online on");
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link"].includes(name) }).parse(
      readFileSync(join(dir, "site/actes.atom"), "utf8"),
    ) as { feed: { entry: { updated: string; link: Record<string, string>[] }[] } };
    // Relative links (RFC 4287 allows them), the sitting's date where none is known.
    expect(feed.entry[0]!.link.map((l) => l["@href"])).toEqual(["deliberations/2023-45.html", "pdf/2023-45.pdf"]);
    expect(feed.entry[0]!.updated).toBe("2023-12-12T00:00:00Z");
  }, 120_000);

  it("links an act to the one it replaces, and back, each to the other's page", async () => {
    const later = edit(secondSitting(), '  - number: "2024-10"\n', '  - number: "2024-10"\n    replaces: { number: "2023-47", date: 2023-12-12 }\n');
    const dir = register({ "delib.config.yaml": config, "seances/2023-12-12.yaml": marcilly(), "seances/2024-03-26.yaml": later });
    const run = await runPublish(dir, []);
    expect(run.code).toBe(0);
    const page = (number: string) => readFileSync(join(dir, `site/deliberations/${number}.html`), "utf8");
    expect(page("2024-10")).toContain('<li><a href="../deliberations/2023-47.html">Cette délibération annule et remplace la délibération n° 2023-47 du 12 décembre 2023.</a></li>');
    expect(page("2023-47")).toContain('<li><a href="../deliberations/2024-10.html">Annulée et remplacée par la délibération n° 2024-10 du 26 mars 2024.</a></li>');
    expect(page("2024-11")).not.toContain("Actes liés");
    // The index by year: 2024 first.
    const index = readFileSync(join(dir, "site/index.html"), "utf8");
    expect(index.indexOf('id="annee-2024"')).toBeLessThan(index.indexOf('id="annee-2023"'));
  }, 120_000);

  it("shows the exécutoire mentions, and takes `publication.online_on` before git", async () => {
    const publication = '{ transmitted_on: 2023-12-14, actes_id: "051-215101234-20231212-2023_45-DE", acknowledged_on: 2023-12-14, published_on: 2023-12-15, online_on: 2023-12-20 }';
    const session = edit(marcilly(), firstTitle, `${firstTitle}    publication: ${publication}\n`);
    const dir = register({ "delib.config.yaml": config, "seances/2023-12-12.yaml": session });
    const run = await runPublish(dir, []);
    expect(run.code).toBe(0);
    // Only the four others are undated.
    expect(run.stderr).toMatch(/4 délibérations \(2023-46, 2023-47, 2023-48, 2023-49\) n’ont pas de date de mise en ligne/);
    const act = readFileSync(join(dir, "site/deliberations/2023-45.html"), "utf8");
    expect([...act.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "Transmise au contrôle de légalité le 14 décembre 2023",
      "Accusé de réception @CTES n° 051-215101234-20231212-2023_45-DE du 14 décembre 2023",
      "Publiée le 15 décembre 2023",
      "Mis en ligne le 20 décembre 2023",
    ]);
    // An act with none of them says so.
    expect(readFileSync(join(dir, "site/deliberations/2023-46.html"), "utf8")).toContain("Aucune transmission ni publication n’est encore enregistrée pour cet acte.");
  }, 120_000);

  it("writes nothing when a session file has an error", async () => {
    const dir = register({ "delib.config.yaml": config, "seances/2023-12-12.yaml": marcilly().replace("convened_on:", "convened_onn:") });
    const run = await runPublish(dir, [], {}, "en");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error DLB");
    expect(existsSync(join(dir, "site"))).toBe(false);
  }, 60_000);
});
