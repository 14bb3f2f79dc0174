// `delib export --scdl`: the SCDL « Délibérations » table of a register made in a temporary
// folder (delib.config.yaml and two sittings adapted from examples/), column by column; every
// constraint of the schema failing with its located diagnostic; the CSV read back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/usage-error.js";
import { checkText } from "../../src/check.js";
import { noConfig, type Config, type ConfigBody } from "../../src/config/load-config.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { checkScdlRow, scdlColumns, scdlCsv, scdlRows, type ScdlRow, type ScdlSession } from "../../src/export/scdl.js";
import { parseYaml } from "../../src/source/parse-yaml.js";
import { en } from "../support/english.js";
import { config, csvRecords, edit, marcilly, marcillyBody, parseCsv, register, runExport, secondSitting } from "./temp-register.js";

/** "line:column" (1-based) where `needle` starts in `text`. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`\`${needle}\` not found`);
  const { line, column } = lineColumn(text, offset);
  return `${line}:${column}`;
}

/** The standard register: the configuration and the two sittings, in seances/. */
function standardRegister(overrides: { config?: string; first?: string; second?: string } = {}) {
  const dir = register({
    "delib.config.yaml": overrides.config ?? config,
    "seances/2023-12-12.yaml": overrides.first ?? marcilly(),
    "seances/2024-03-26.yaml": overrides.second ?? secondSitting(),
  });
  return { dir, first: join(dir, "seances/2023-12-12.yaml"), second: join(dir, "seances/2024-03-26.yaml"), config: join(dir, "delib.config.yaml") };
}

describe("delib export --scdl on a register", async () => {
  const reg = standardRegister();
  // Given in the wrong order: the rows come out by date, then number.
  const run = await runExport([reg.second, reg.first]);
  const records = csvRecords(run.stdout);
  const byId = (id: string): Record<string, string> => {
    const found = records.find((r) => r.DELIB_ID === id);
    if (!found) throw new Error(`no row ${id}`);
    return found;
  };

  it("succeeds, with the CSV on stdout and nothing on stderr", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("has a header of the 17 columns, spelt as the schema spells them", () => {
    expect(run.stdout.split("\n")[0]).toBe(
      "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL",
    );
    expect(parseCsv(run.stdout)[0]).toEqual([...scdlColumns]);
  });

  it("has one row per deliberation, by date then number (2024-9 before 2024-10)", () => {
    expect(records.map((r) => r.DELIB_ID)).toEqual(["2023-45", "2023-46", "2023-47", "2023-48", "2023-49", "2024-8", "2024-9", "2024-10", "2024-11"]);
  });

  it("COLL_NOM and COLL_SIRET: the body of delib.config.yaml", () => {
    for (const r of records) {
      expect(r.COLL_NOM).toBe("Commune de Marcilly-sur-Aubrette");
      expect(r.COLL_SIRET).toBe("21510123400015");
    }
  });

  it("DELIB_ID and DELIB_DATE: the number, and the sitting's date", () => {
    expect(byId("2023-47")).toMatchObject({ DELIB_ID: "2023-47", DELIB_DATE: "2023-12-12" });
    expect(byId("2024-10")).toMatchObject({ DELIB_ID: "2024-10", DELIB_DATE: "2024-03-26" });
  });

  it("DELIB_MATIERE_CODE and DELIB_MATIERE_NOM: the level-2 matière, its two labels in lower case", () => {
    expect(byId("2023-45")).toMatchObject({ DELIB_MATIERE_CODE: "5.3", DELIB_MATIERE_NOM: "institutions et vie politique/désignation de représentants" });
    expect(byId("2023-47")).toMatchObject({ DELIB_MATIERE_CODE: "7.10", DELIB_MATIERE_NOM: "finances locales/divers" });
    expect(byId("2023-49")).toMatchObject({ DELIB_MATIERE_CODE: "8.9", DELIB_MATIERE_NOM: "domaines de compétences par thèmes/culture" });
    expect(byId("2024-10")).toMatchObject({ DELIB_MATIERE_CODE: "3.1", DELIB_MATIERE_NOM: "domaine et patrimoine/acquisitions" });
  });

  it("DELIB_OBJET: the title", () => {
    expect(byId("2024-10").DELIB_OBJET).toBe("Acquisition amiable de la parcelle cadastrée section AB n° 214 au lieu-dit « Les Ouches »");
  });

  it("BUDGET_ANNEE and BUDGET_NOM: both from `budget`, or neither", () => {
    expect(byId("2024-10")).toMatchObject({ BUDGET_ANNEE: "2024", BUDGET_NOM: "Budget principal" });
    expect(byId("2023-47")).toMatchObject({ BUDGET_ANNEE: "", BUDGET_NOM: "" });
    for (const r of records) expect(r.BUDGET_ANNEE === "", r.DELIB_ID).toBe(r.BUDGET_NOM === "");
  });

  it("PREF_ID and PREF_DATE: only for an act recorded as transmitted", () => {
    expect(byId("2024-8")).toMatchObject({ PREF_ID: "PREF051", PREF_DATE: "2024-03-29" });
    for (const r of records.filter((r) => r.DELIB_ID !== "2024-8")) expect([r.PREF_ID, r.PREF_DATE], r.DELIB_ID).toEqual(["", ""]);
  });

  it("the vote columns of a vote by show of hands", () => {
    // 19 members in office; 12 for, 2 against, 1 abstention.
    expect(byId("2023-47")).toMatchObject({ VOTE_EFFECTIF: "19", VOTE_REEL: "15", VOTE_POUR: "12", VOTE_CONTRE: "2", VOTE_ABSTENTION: "1" });
    // Two members left: still in office, no longer voting.
    expect(byId("2023-48")).toMatchObject({ VOTE_EFFECTIF: "19", VOTE_REEL: "12", VOTE_POUR: "10", VOTE_CONTRE: "0", VOTE_ABSTENTION: "2" });
  });

  it("a unanimous vote: every voter for", () => {
    // 10 present and 2 represented of 15 in office.
    expect(byId("2024-9")).toMatchObject({ VOTE_EFFECTIF: "15", VOTE_REEL: "12", VOTE_POUR: "12", VOTE_CONTRE: "0", VOTE_ABSTENTION: "0" });
  });

  it("a secret ballot: blank and null ballots counted in VOTE_ABSTENTION", () => {
    expect(byId("2024-10")).toMatchObject({ VOTE_EFFECTIF: "15", VOTE_REEL: "12", VOTE_POUR: "10", VOTE_CONTRE: "0", VOTE_ABSTENTION: "2" });
  });

  it("an interested member stays in office (VOTE_EFFECTIF) and takes no part (VOTE_REEL)", () => {
    expect(byId("2024-11")).toMatchObject({ VOTE_EFFECTIF: "15", VOTE_REEL: "11", VOTE_POUR: "8", VOTE_CONTRE: "2", VOTE_ABSTENTION: "1" });
  });

  it("an election and a motion not put to the vote (quorum lost) leave the vote columns empty", () => {
    for (const id of ["2023-45", "2023-46", "2023-49"]) {
      const r = byId(id);
      expect([r.VOTE_EFFECTIF, r.VOTE_REEL, r.VOTE_POUR, r.VOTE_CONTRE, r.VOTE_ABSTENTION], id).toEqual(["", "", "", "", ""]);
    }
  });

  it("VOTE_REEL = VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION on every row that has them", () => {
    const voted = records.filter((r) => r.VOTE_REEL !== "");
    expect(voted.length).toBe(6);
    for (const r of voted) expect(Number(r.VOTE_REEL), r.DELIB_ID).toBe(Number(r.VOTE_POUR) + Number(r.VOTE_CONTRE) + Number(r.VOTE_ABSTENTION));
  });

  it("DELIB_URL: empty, delib does not know where the register is published", () => {
    for (const r of records) expect(r.DELIB_URL).toBe("");
  });

  it("every row passes the schema's checks", () => {
    for (const r of records) expect(checkScdlRow(r as ScdlRow), r.DELIB_ID).toEqual([]);
  });

  it("is UTF-8 without BOM, with \\n line ends and one line per row", () => {
    expect(run.stdout.charCodeAt(0)).not.toBe(0xfeff);
    expect(run.stdout).not.toContain("\r");
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stdout.split("\n")).toHaveLength(records.length + 2);
    expect(Buffer.from(run.stdout, "utf8").toString("utf8")).toBe(run.stdout);
  });

  it("gives the same bytes for the same input, whatever the order or the form the files are given in", async () => {
    const again = await runExport([reg.first, reg.second]);
    const glob = await runExport([join(reg.dir, "seances", "*.yaml")]);
    expect(again.stdout).toBe(run.stdout);
    expect(glob.stdout).toBe(run.stdout);
  });

  it("--out writes the same bytes to a file, atomically, and says so", async () => {
    const out = join(reg.dir, "opendata", "deliberations.csv");
    const written = await runExport([reg.first, reg.second], { scdl: true, out });
    expect(written).toMatchObject({ code: 0, stdout: `wrote ${out}\n`, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(run.stdout);
    expect(readdirSync(join(reg.dir, "opendata"))).toEqual(["deliberations.csv"]);
  });
});

describe("CSV quoting", () => {
  it("quotes a field holding a comma or a quote, doubling the quote, and reads back the same", async () => {
    const title = 'Tarifs de la cantine, de la garderie et du "périscolaire"';
    const second = edit(secondSitting(), "    title: Tarifs de la restauration scolaire et de l'accueil périscolaire à compter du 1er septembre 2024\n", `    title: '${title}'\n`);
    const reg = standardRegister({ second });
    const run = await runExport([reg.first, reg.second]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`,"Tarifs de la cantine, de la garderie et du ""périscolaire""",`);
    expect(csvRecords(run.stdout).find((r) => r.DELIB_ID === "2024-8")?.DELIB_OBJET).toBe(title);
  });

  it("quotes line breaks, and leaves every other field bare", () => {
    const row = Object.fromEntries(scdlColumns.map((c) => [c, ""])) as Record<string, string>;
    row.DELIB_OBJET = "ligne 1\nligne 2";
    row.DELIB_ID = "1";
    expect(scdlCsv([row as ScdlRow]).split("\n").slice(1).join("\n")).toBe(',,1,,,,"ligne 1\nligne 2",,,,,,,,,,\n');
  });
});

describe("the command line", () => {
  it("needs --scdl (usage, exit 2)", async () => {
    const reg = standardRegister();
    await expect(runExport([reg.first], {})).rejects.toBeInstanceOf(UsageError);
  });

  it("reports a glob that matches nothing", async () => {
    const reg = standardRegister();
    const run = await runExport([join(reg.dir, "nowhere", "*.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DLB1013");
  });
});

describe("each constraint failing, with its located diagnostic and nothing written", () => {
  /** Runs the export of the standard register with some files changed; expects exit 1 and no CSV. */
  async function failing(overrides: Parameters<typeof standardRegister>[0], out = false) {
    const reg = standardRegister(overrides);
    const csv = join(reg.dir, "out.csv");
    const run = await runExport([reg.first, reg.second], out ? { scdl: true, out: csv } : { scdl: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    if (out) expect(readdirSync(reg.dir)).not.toContain("out.csv");
    return { ...run, reg };
  }

  it("a SIRET that is not 14 digits (the configuration's schema)", async () => {
    const bad = edit(config, '"21510123400015"', '"2151012340001"');
    const { stderr, reg } = await failing({ config: bad }, true);
    expect(stderr).toContain(`${reg.config}:${at(bad, '"2151012340001"')} - error DLB2005`);
  });

  it("no SIRET (DLB6002, with the YAML to add)", async () => {
    const bad = edit(config, '  siret: "21510123400015"\n', "");
    const { stderr, reg } = await failing({ config: bad });
    expect(stderr).toContain(`${reg.config}:${at(bad, "body:")} - error DLB6002: delib.config.yaml gives no SIRET for the body (COLL_SIRET)`);
    expect(stderr).toContain('`siret: "12345678900012"`');
    // Told once, though two sittings share the configuration.
    expect(stderr.match(/DLB6002/g)).toHaveLength(1);
  });

  it("no body in delib.config.yaml (DLB6001, with the YAML to add)", async () => {
    const { stderr, reg } = await failing({ config: "format: 1\n" });
    expect(stderr).toContain(`${reg.config}:1:1 - error DLB6001`);
    expect(stderr).toContain('`body: { name: "Commune de Marcilly-sur-Aubrette", kind: commune, assembly: "conseil municipal", siret: "12345678900012" }`');
  });

  it("no delib.config.yaml at all (DLB6001, at the session's body)", async () => {
    const dir = register({ "2023-12-12.yaml": marcilly() });
    const run = await runExport([join(dir, "2023-12-12.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, "2023-12-12.yaml")}:${at(marcilly(), "body:")} - error DLB6001`);
    expect(run.stderr).toContain("create delib.config.yaml");
  });

  it("an unknown matière (DLB3060, from the rules)", async () => {
    const second = edit(secondSitting(), 'matiere: "3.1"', 'matiere: "3.7"');
    const { stderr, reg } = await failing({ second });
    expect(stderr).toContain(`${reg.second}:${at(second, '"3.7"')} - error DLB3060`);
    expect(stderr).toContain("the level-2 matières of 3 Domaine et patrimoine are: 3.1 Acquisitions");
  });

  it("no matière (DLB6004: DELIB_MATIERE_CODE is required)", async () => {
    const second = edit(secondSitting(), '    matiere: "7.5"\n    budget: { year: "2024", name: Budget principal }\n', '    budget: { year: "2024", name: Budget principal }\n');
    const { stderr, reg } = await failing({ second });
    expect(stderr).toContain(`${reg.second}:${at(second, '"2024-11"')} - error DLB6004: deliberation 2024-11 has no \`matiere\``);
  });

  it("a budget year without a name (the session's schema)", async () => {
    const second = edit(secondSitting(), 'matiere: "7.5"\n    budget: { year: "2024", name: Budget principal }', 'matiere: "7.5"\n    budget: { year: "2024" }');
    const { stderr, reg } = await failing({ second });
    expect(stderr).toMatch(new RegExp(`${reg.second.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ - error DLB2001: .*\`name\``));
  });

  it("PREF_DATE before DELIB_DATE (DLB6007, at transmitted_on, the sitting's date as a note)", async () => {
    const second = edit(secondSitting(), "transmitted_on: 2024-03-29", "transmitted_on: 2024-03-20");
    const { stderr, reg } = await failing({ second }, true);
    expect(stderr).toContain(
      `${reg.second}:${at(second, "2024-03-20")} - error DLB6007: deliberation 2024-8: the act is recorded as transmitted to the préfecture on 2024-03-20, before the sitting of 2024-03-26`,
    );
    expect(stderr).toContain(`${reg.second}:${at(second, "2024-03-26")} - note: the sitting's date`);
  });

  it("an act transmitted when the configuration gives no département (DLB6008: PREF_ID)", async () => {
    const bad = edit(config, '  departement: "051"\n', "");
    const { stderr, reg } = await failing({ config: bad });
    expect(stderr).toContain(`${reg.second}:${at(secondSitting(), "2024-03-29")} - error DLB6008`);
    expect(stderr).toContain('`departement: "055"`');
  });

  // The export checks its files as every command does: the body's name and the numbers across
  // the register are the checks across files' (DLB3708, DLB3008), reported as validate reports them.
  it("a session naming the body otherwise than the configuration (DLB3708)", async () => {
    const first = edit(marcilly(), "  name: Commune de Marcilly-sur-Aubrette", "  name: Ville de Marcilly-sur-Aubrette");
    const { stderr, reg } = await failing({ first });
    expect(stderr).toContain(`${reg.first}:${at(first, "Ville de Marcilly")} - error DLB3708`);
    expect(stderr).toContain(`${reg.config}:${at(config, "Commune de Marcilly")} - note: the name in delib.config.yaml`);
  });

  it("a number used in two sittings of the register (DLB3008)", async () => {
    const second = edit(secondSitting(), 'number: "2024-10"', 'number: "2023-47"');
    const { stderr, reg } = await failing({ second });
    expect(stderr).toContain(`${reg.second}:${at(second, '"2023-47"')} - error DLB3008`);
    expect(stderr).toContain(`${reg.first}:${at(marcilly(), '"2023-47"')} - note: first used here`);
  });
});

describe("scdlRows, on sessions altered past the checks", () => {
  const body: ConfigBody = { name: "Commune de Marcilly-sur-Aubrette", kind: "commune", assembly: "conseil municipal", siret: "21510123400015", departement: "051" };
  const configText = `format: 1\n${marcillyBody}`;
  const configSource = parseYaml({ path: "delib.config.yaml", text: configText }).value!;

  function session(text: string, path: string, bodyOverride: Partial<ConfigBody> = {}): ScdlSession {
    const checked = checkText({ path, text });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cfg: Config = { ...noConfig, path: "delib.config.yaml", root: ".", body: { ...body, ...bodyOverride }, source: configSource };
    return { outcome: checked.outcome!, source: parseYaml(checked.source!).value!, config: cfg };
  }

  function codesAt(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map((d) => `${d.code} ${d.span ? `${d.span.file.path}:${lineColumn(d.span.file.text, d.span.start).line}` : "-"}`);
  }

  it("a budget year without a name: DLB6006 at the motion's budget", () => {
    const text = secondSitting();
    const s = session(text, "b.yaml");
    // The schema requires both; a caller that skipped it still gets no row.
    (s.outcome.session.motions[3] as { budget?: unknown }).budget = { year: "2024" };
    const result = scdlRows([s]);
    expect(result.value).toBeUndefined();
    expect(codesAt(result.diagnostics)).toEqual([`DLB6006 b.yaml:${(Number(at(text, 'matiere: "7.5"\n    budget').split(":")[0]) + 1)}`]);
    expect(en(result.diagnostics[0]!.message)).toBe("deliberation 2024-11: BUDGET_ANNEE is given without BUDGET_NOM: the budget's year and name go together");
  });

  it("an unknown matière: DLB6005 at the motion's matiere", () => {
    const text = secondSitting();
    const s = session(text, "b.yaml");
    s.outcome.session.motions[2]!.matiere = "3.7";
    const result = scdlRows([s]);
    expect(codesAt(result.diagnostics)).toEqual([`DLB6005 b.yaml:${at(text, 'matiere: "3.1"').split(":")[0]}`]);
  });

  it("a SIRET that is not 14 digits: DLB6002 at the configuration's siret", () => {
    const result = scdlRows([session(marcilly(), "a.yaml", { siret: "2151012340001" })]);
    expect(codesAt(result.diagnostics)).toEqual([`DLB6002 delib.config.yaml:${at(configText, "siret").split(":")[0]}`]);
    expect(en(result.diagnostics[0]!.message)).toBe("the SIRET `2151012340001` is not 14 digits (COLL_SIRET)");
  });

  it("a deeper matière code is exported at level 2", () => {
    const text = edit(secondSitting(), 'matiere: "3.1"', 'matiere: "3.1.2"');
    const result = scdlRows([session(text, "b.yaml")]);
    expect(result.value?.find((r) => r.DELIB_ID === "2024-10")).toMatchObject({ DELIB_MATIERE_CODE: "3.1", DELIB_MATIERE_NOM: "domaine et patrimoine/acquisitions" });
  });

  it("VOTE_EFFECTIF counts the voting seats: 2 of the 21 members of a syndicat whose colleges mostly do not vote", () => {
    const text = readFileSync("examples/nord-pas-de-calais-numerique/2021-05-18.yaml", "utf8");
    const s = session(edit(text, "    title: Adhésion 2021 aux Assembleurs\n", '    title: Adhésion 2021 aux Assembleurs\n    matiere: "9.1"\n'), "n.yaml", {
      name: "Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique »",
    });
    expect(s.outcome.motions[0]!.quorum.inOffice).toBe(21);
    expect(scdlRows([s]).value?.[0]).toMatchObject({ VOTE_EFFECTIF: "2", VOTE_REEL: "2", VOTE_POUR: "2" });
  });

  it("VOTE_EFFECTIF and the vote columns in voices where the statutes weigh the votes", () => {
    const text = readFileSync("examples/smo-bassin-argenson/2023-06-27.yaml", "utf8");
    const name = /^ {2}name: (.*)$/m.exec(text)![1]!;
    const rows = scdlRows([session(text, "s.yaml", { name })]).value!;
    // 13 delegates carrying 32 voices; the by-name vote on 2023-15: 16 for, 3 against, 2 abstaining.
    expect(rows.find((r) => r.DELIB_ID === "2023-15")).toMatchObject({ VOTE_EFFECTIF: "32", VOTE_REEL: "21", VOTE_POUR: "16", VOTE_CONTRE: "3", VOTE_ABSTENTION: "2" });
    expect(rows.find((r) => r.DELIB_ID === "2023-16")).toMatchObject({ BUDGET_ANNEE: "2023/2027" });
  });
});

describe("checkScdlRow: the schema's constraints on a row", () => {
  const good: ScdlRow = {
    COLL_NOM: "Commune de Marcilly-sur-Aubrette",
    COLL_SIRET: "21510123400015",
    DELIB_ID: "2024-8",
    DELIB_DATE: "2024-03-26",
    DELIB_MATIERE_CODE: "8.4",
    DELIB_MATIERE_NOM: "domaines de compétences par thèmes/aménagement du territoire",
    DELIB_OBJET: "Objet",
    BUDGET_ANNEE: "2024/2025",
    BUDGET_NOM: "Budget principal",
    PREF_ID: "PREF051",
    PREF_DATE: "2024-03-29",
    VOTE_EFFECTIF: "15",
    VOTE_REEL: "12",
    VOTE_POUR: "10",
    VOTE_CONTRE: "2",
    VOTE_ABSTENTION: "0",
    DELIB_URL: "",
  };
  const columns = (changes: Partial<ScdlRow>): string[] => checkScdlRow({ ...good, ...changes }).map((p) => p.column);

  it("accepts a good row", () => {
    expect(checkScdlRow(good)).toEqual([]);
  });

  it("refuses each broken constraint", () => {
    expect(columns({ COLL_SIRET: "2151012340001" })).toEqual(["COLL_SIRET"]);
    expect(columns({ COLL_SIRET: "2151012340001A" })).toEqual(["COLL_SIRET"]);
    expect(columns({ DELIB_ID: "" })).toEqual(["DELIB_ID"]);
    expect(columns({ DELIB_OBJET: " " })).toEqual(["DELIB_OBJET"]);
    expect(columns({ DELIB_DATE: "2024-02-30" })).toEqual(["DELIB_DATE"]);
    expect(columns({ DELIB_MATIERE_CODE: "8.10" })).toEqual(["DELIB_MATIERE_CODE"]);
    expect(columns({ DELIB_MATIERE_CODE: "8.4.1" })).toEqual(["DELIB_MATIERE_CODE"]);
    expect(columns({ DELIB_MATIERE_CODE: "8.3" })).toEqual(["DELIB_MATIERE_NOM"]); // the name is 8.4's
    expect(columns({ DELIB_MATIERE_NOM: "domaines de compétences par thèmes / aménagement du territoire" })).toContain("DELIB_MATIERE_NOM");
    expect(columns({ DELIB_MATIERE_NOM: "Domaines de compétences par thèmes/Aménagement du territoire" })).toContain("DELIB_MATIERE_NOM");
    expect(columns({ BUDGET_ANNEE: "24" })).toEqual(["BUDGET_ANNEE"]);
    expect(columns({ BUDGET_ANNEE: "2025/2024" })).toEqual(["BUDGET_ANNEE"]);
    expect(columns({ BUDGET_NOM: "" })).toEqual(["BUDGET_ANNEE"]);
    expect(columns({ BUDGET_ANNEE: "" })).toEqual(["BUDGET_NOM"]);
    expect(columns({ PREF_ID: "PREF51" })).toEqual(["PREF_ID"]);
    expect(columns({ PREF_DATE: "2024-03-25" })).toEqual(["PREF_DATE"]);
    expect(columns({ VOTE_REEL: "13" })).toEqual(["VOTE_REEL"]);
    expect(columns({ VOTE_POUR: "-1" })).toContain("VOTE_POUR");
    expect(columns({ DELIB_URL: "registre/2024-8.pdf" })).toEqual(["DELIB_URL"]);
  });

  it("skips a check on two columns when a cell is empty, as the schema's validator does", () => {
    expect(columns({ PREF_ID: "", PREF_DATE: "" })).toEqual([]);
    expect(columns({ VOTE_REEL: "", VOTE_POUR: "", VOTE_CONTRE: "", VOTE_ABSTENTION: "" })).toEqual([]);
    expect(columns({ PREF_ID: "SPREF0511", DELIB_URL: "https://example.org/2024-8.pdf" })).toEqual([]);
    expect(columns({ PREF_ID: "SGAR02A" })).toEqual([]);
  });
});
