// Facts a transcribed record does not give (issue 15, part 4): a record that omits a proxy holder,
// a suppléant's titulaire, the place or the convocation date validates as a transcription; delib
// counts what does not depend on them, marks the figures that do (outcome, `delib explain`, the
// documents printed by real Chromium), and prints nothing it had to guess. The two sittings are
// real records (test/unknown-facts/fixtures/, each citing its source and saying what was altered).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { noConfig, type Config, type ConfigBody } from "../../src/config/load-config.js";
import { scdlRows } from "../../src/export/scdl.js";
import { extractView } from "../../src/render/extract-view.js";
import { loadCatalogue } from "../../src/render/catalogue.js";
import { parseYaml } from "../../src/source/parse-yaml.js";
import { motionFigures, sittingFigures } from "../../src/tally/figures.js";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { normalize } from "../support/reference.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const fixtures = join(repoRoot, "test/unknown-facts/fixtures");
const proxy = join(fixtures, "proxy-holder-not-named-barneville-carteret-2003-03-27.yaml");
const titulaire = join(fixtures, "titulaire-not-named-siaep-condom-caussens-2021-03-03.yaml");

function checked(path: string, text = readFileSync(path, "utf8")) {
  return checkText({ path, text });
}

/** Codes reported, as `severity code`. */
function codes(path: string, text?: string): string[] {
  return checked(path, text).diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("a transcribed record that omits a fact", () => {
  it("validates (exit 0), with a warning for each check that cannot be made", async () => {
    for (const [file, expected] of [
      [proxy, ["DLB3134", "DLB3131"]],
      [titulaire, ["DLB3134", "DLB3132"]],
    ] as const) {
      const run = await runCli(["validate", file]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(codes(file)).toEqual(expected.map((code) => `warning ${code}`));
    }
  });

  it("is an error in a sitting being prepared: the clerk writes the fact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-unknown-"));
    try {
      for (const [file, count] of [
        [proxy, 2],
        [titulaire, 3],
      ] as const) {
        const prepared = join(dir, "prepared.yaml");
        writeFileSync(prepared, readFileSync(file, "utf8").replace("record: transcribed\n", "record: prepared\n"));
        const run = await runCli(["validate", prepared]);
        expect(run.code).toBe(1);
        expect(codes(prepared, readFileSync(prepared, "utf8")).filter((c) => c === "error DLB3130")).toHaveLength(count);
        expect(run.stdout + run.stderr).toContain("record: transcribed");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the figures that depend on an unknown fact", () => {
  it("a proxy whose holder is not named: counted, and the voters (and a unanimity's figures) marked", () => {
    const outcome = checked(proxy).outcome!;
    const figures = motionFigures(outcome, 0);
    // 15 present and two proxies, as the record counts them.
    expect(figures.voting?.value).toBe(17);
    expect(figures.voting?.dependsOn?.map((f) => [f.kind, f.member])).toEqual([["proxy_holder", "meslin"]]);
    expect(figures.represented?.dependsOn).toHaveLength(1);
    // The vote is « à l'unanimité »: every voice that could be cast, the proxy's among them.
    expect(figures.for?.value).toBe(17);
    expect(figures.for?.dependsOn).toHaveLength(1);
    expect(figures.expressed?.dependsOn).toHaveLength(1);
    // What does not depend on it is not marked.
    for (const field of ["in_office", "present", "absent", "excused"] as const) expect(figures[field]?.dependsOn, field).toBeUndefined();
    // The quorum counts those present only (CGCT L2121-17): it does not depend on the proxy.
    expect(outcome.motions[0]!.quorum.counted).toBe(15);
    const sitting = sittingFigures(outcome);
    expect(sitting.voting?.dependsOn).toHaveLength(1);
    expect(sitting.majority?.dependsOn).toHaveLength(1);
    expect(sitting.present?.dependsOn).toBeUndefined();
  });

  it("a suppléant whose titulaire is not named: present and voting, the titulaires as listed, absent and excused marked", () => {
    const outcome = checked(titulaire).outcome!;
    const figures = motionFigures(outcome, 0);
    expect(figures.in_office?.value).toBe(27);
    expect(figures.present?.value).toBe(21);
    expect(figures.present_suppleants?.value).toBe(1);
    expect(figures.voting?.value).toBe(21);
    expect(outcome.motions[0]!.quorum).toMatchObject({ inOffice: 27, counted: 21 });
    // No seat was taken out of office for the suppléant's row (the quorum's exclusions).
    expect(outcome.motions[0]!.quorum.steps.map((s) => s.key)).not.toContain("quorum.excluded");
    expect(figures.excused?.dependsOn?.map((f) => [f.kind, f.member])).toEqual([["titulaire", "castaing"]]);
    expect(figures.absent?.dependsOn).toHaveLength(1);
    for (const field of ["in_office", "present", "voting"] as const) expect(figures[field]?.dependsOn, field).toBeUndefined();
  });

  it("a record that gives every fact marks nothing (the examples)", () => {
    const t = loadCatalogue("fr");
    const examples = join(repoRoot, "examples");
    for (const body of readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(examples, body.name)).filter((f) => f.endsWith(".yaml") && f !== "delib.config.yaml")) {
        const outcome = checked(join(examples, body.name, file)).outcome;
        if (!outcome) continue;
        for (const m of outcome.motions) {
          const view = extractView(outcome, m, t);
          expect(view.unknownNotes, file).toEqual([]);
          expect(view.attendance.columns.map((c) => c.mark).join("") + view.attendance.totals.votingMark, file).toBe("");
          expect(Object.values(motionFigures(outcome, m.index)).filter((f) => f?.dependsOn !== undefined), file).toEqual([]);
        }
      }
    }
  });
});

describe("delib explain", () => {
  it("names the facts the record does not give and the figures that depend on each", async () => {
    const run = await runCli(["explain", proxy]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Facts the record does not give");
    expect(run.stdout).toContain("Not given by the record: the date of the convocation; no figure depends on it.");
    expect(run.stdout).toContain("Proxy of M. Denis MESLIN, holder not named in the record: counted as the record counts it");
    expect(run.stdout).toContain("voters: depends on the holder of the proxy of M. Denis MESLIN.");
    expect(run.stdout).toContain("for: depends on the holder of the proxy of M. Denis MESLIN.");
    const suppleant = await runCli(["explain", titulaire]);
    expect(suppleant.stdout).toContain("excused: depends on the titulaire Mme Christelle CASTAING replaced.");
    expect(suppleant.stdout).toContain("Not given by the record: the place of the sitting; no figure depends on it.");
  });
});

describe("the SCDL export", () => {
  it("leaves empty the counts that depend on an unknown fact, and fills the others", () => {
    const text = readFileSync(proxy, "utf8").replace("  vote: {unanimous: true}", '  matiere: "5.2"\n  vote: {unanimous: true}');
    const result = checked(proxy, text);
    const body: ConfigBody = { name: "Commune de Barneville-Carteret", kind: "commune", assembly: "conseil municipal", siret: "21500032900013" };
    const configSource = parseYaml({ path: "delib.config.yaml", text: "format: 1\n" }).value!;
    const config: Config = { ...noConfig, path: "delib.config.yaml", root: ".", body, source: configSource };
    const rows = scdlRows([{ outcome: result.outcome!, source: parseYaml(result.source!).value!, config }]);
    expect(rows.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(rows.value![0]).toMatchObject({ VOTE_EFFECTIF: "19", VOTE_REEL: "", VOTE_POUR: "", VOTE_CONTRE: "0", VOTE_ABSTENTION: "0", DELIB_DATE: "2003-03-27" });
  });
});

/** Each page's text, as poppler reads it, white space collapsed, apostrophes straight (support/reference.ts). */
function pdfText(pdf: string): string {
  return normalize(execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
}

describe("the documents printed by Chromium", () => {
  let dir: string;
  const text: Record<string, string> = {};
  const info: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "delib-unknown-pdf-"));
    for (const [name, file] of [
      ["proxy", proxy],
      ["titulaire", titulaire],
    ] as const) {
      const out = join(dir, name);
      const run = await runCli(["build", file, "--out", out, "--format", "pdf"]);
      expect(run.code, run.stderr).toBe(0);
      for (const pdf of readdirSync(out).filter((f) => f.endsWith(".pdf"))) {
        text[`${name}/${pdf}`] = pdfText(join(out, pdf));
        info[`${name}/${pdf}`] = execFileSync("pdfinfo", [join(out, pdf)], { encoding: "utf8" });
      }
    }
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the extract: the proxy without a holder's name, the voters marked, a note saying what they depend on", () => {
    const extract = text["proxy/20030327-1.pdf"]!;
    // The row of M. MESLIN, between M. LECRIVAIN's and M. LAURENT's: the « Pouvoir à » column names no one.
    const row = extract.slice(extract.indexOf("M. Jean LECRIVAIN X X") + "M. Jean LECRIVAIN X X".length, extract.indexOf("M. Jean-Pierre LAURENT"));
    expect(row.trim().split(" ").sort()).toEqual("mandataire non M. Denis MESLIN X X mentionné".split(" ").sort());
    expect(extract).toMatch(/Total 15 0 4 17\*/);
    expect(extract).toContain("Voix pour : 17*");
    expect(extract).toContain("Suffrages exprimés : 17*");
    expect(extract).toContain(
      "* votants, pour, suffrages exprimés : le pouvoir de M. Denis MESLIN est compté comme au registre, qui ne mentionne pas le mandataire ; la présence du mandataire n'a pu être vérifiée.",
    );
    // The convocation's date is not guessed: no date but the sitting's and the certification's.
    expect(extract).toContain("sur convocation dont la date n'est pas mentionnée au registre");
    expect(extract).not.toMatch(/2[0-6] mars 2003|vingt-(trois|quatre) mars/);
  });

  it("the procès-verbal: « pouvoir (mandataire non mentionné au registre) », the unanimity marked", () => {
    const minutes = text["proxy/proces-verbal-2003-03-27.pdf"]!;
    expect(minutes).toContain("M. Denis MESLIN, pouvoir (mandataire non mentionné au registre) ;");
    expect(minutes).toContain("Voix pour : 17*");
    expect(minutes).toContain("* représentés, pour, suffrages exprimés : le pouvoir de M. Denis MESLIN");
    // M. LEBLOND's holder is named, as the record names him.
    expect(minutes).toContain("M. Jean-Luc LEBLOND, pouvoir à M. Jean LECRIVAIN");
  });

  it("a suppléant whose titulaire is not named: listed as such, no titulaire shown replaced, no place printed", () => {
    const extract = text["titulaire/20210303-1.pdf"]!;
    expect(extract).toMatch(/Mme Christelle CASTAING \(suppléante, titulaire X X remplacé non mentionné au registre\)|Mme Christelle CASTAING \(suppléante, titulaire remplacé non mentionné au registre\)/);
    expect(extract).toMatch(/Total 21 0\* 7\* 21/);
    expect(extract).toContain("* absents, excusés : Mme Christelle CASTAING, suppléante, a siégé sans que le registre mentionne le titulaire remplacé");
    const minutes = text["titulaire/proces-verbal-2021-03-03.pdf"]!;
    expect(minutes).toContain("Mme Christelle CASTAING (suppléante, titulaire remplacé non mentionné au registre)");
    expect(minutes).toContain("Excusés : Mme Véronique ALLAER,");
    expect(minutes).toContain("Membres en exercice : 27");
    for (const [name, page] of Object.entries(text).filter(([name]) => name.startsWith("titulaire/"))) {
      // No place: « s'est réuni, sur convocation », and nothing guessed in its stead.
      expect(page, name).not.toMatch(/siège du syndicat|à la mairie|suppléée? par/);
      if (!name.includes("liste")) expect(page, name).toContain("s'est réuni, sur convocation dont la date n'est pas mentionnée au registre");
    }
  });

  it("nothing guessed in the PDFs' metadata", () => {
    for (const [name, meta] of Object.entries(info)) {
      expect(meta, name).not.toMatch(/unknown|non mentionné|siège|2003-03-23|2021-02-25/);
    }
  });
});

describe("a titulaire replaced by a suppléant the record does not name", () => {
  it("the seat is held, and no name is printed for the suppléant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-unknown-html-"));
    try {
      const file = join(repoRoot, "test/fixtures/invalid/unknown-suppleant-not-named-transcribed.yaml");
      const outcome = checked(file).outcome!;
      expect(motionFigures(outcome, 0)).toMatchObject({ present: { value: 7 }, present_suppleants: { value: 1 }, voting: { value: 7 } });
      const run = await runCli(["build", file, "--out", dir, "--format", "html"]);
      expect(run.code, run.stderr).toBe(0);
      const html = (name: string) => normalize(readFileSync(join(dir, name), "utf8").replace(/<[^>]+>/g, " ")).replace(/ ,/g, ",");
      expect(html("2024-01.html")).toContain("M. Julien MOREAU (suppléé, suppléant non mentionné au registre)");
      expect(html("proces-verbal-2024-03-12.html")).toContain("M. Julien MOREAU, suppléé (suppléant non mentionné au registre)");
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".html"))) expect(html(name), name).not.toMatch(/ \? |suppléé par|unknown(?!-suppleant)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
