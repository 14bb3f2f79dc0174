import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");
const tmp = () => mkdtempSync(join(tmpdir(), "delib-cli-"));

/** The example with one line changed, as a clerk's typo would. */
function brokenCopy(dir: string, from: RegExp, to: string): string {
  const text = readFileSync(example, "utf8");
  expect(text).toMatch(from);
  const path = join(dir, "seance.yaml");
  writeFileSync(path, text.replace(from, to));
  return path;
}

describe("delib --version and --help", () => {
  it("prints the package version", async () => {
    const run = await runCli(["--version"]);
    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("shows the commands, examples and exit codes", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("validate");
    expect(run.stdout).toContain("build");
    expect(run.stdout).toContain("$ delib build seance.yaml");
    expect(run.stdout).toContain("Exit codes: 0 ok, 1 invalid input, 2 usage, 3 environment");
  });
});

describe("delib validate", () => {
  it("accepts the reference session, writing nothing", async () => {
    const dir = tmp();
    const run = await runCli(["validate", example], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("No problems found in 1 file.\n");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("locates a misspelt field, suggests the right one, and exits 1", async () => {
    const file = brokenCopy(tmp(), /^  convened_on: 2021-05-12$/m, "  convened_onn: 2021-05-12");
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:20:3 - error DLB2002: unknown field \`convened_onn\`, did you mean \`convened_on\`?`);
    expect(run.stdout).toContain("20   convened_onn: 2021-05-12\n     ~~~~~~~~~~~~");
    // The missing `convened_on` is the same typo: it is not reported a second time.
    expect(run.stdout).not.toContain("missing field `convened_on`");
    expect(run.stdout).toContain("Found 1 error in 1 file.");
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  });

  it("names a member without attendance status and points at their line", async () => {
    const file = brokenCopy(tmp(), /^  barege: excused.*\n/m, "");
    const run = await runCli(["validate", "--format", "short", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:30:5: error DLB3003: M. Charles BAREGE has no attendance status`);
  });

  it("reports YAML syntax errors with their position", async () => {
    const dir = tmp();
    const file = join(dir, "seance.yaml");
    writeFileSync(file, "format: 1\nbody:\n  name: [Syndicat\n");
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+ - error DLB100\\d: `));
  });

  it("reports a missing file as an input error", async () => {
    const run = await runCli(["validate", "nowhere.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("error DLB1001: file `nowhere.yaml`: no such file");
  });

  it("writes JSON and GitHub annotations on request", async () => {
    const file = brokenCopy(tmp(), /^  kind: smo$/m, "  kind: smoo");
    const json = await runCli(["validate", "--format", "json", file]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject([{ file, line: 14, column: 9, code: "DLB2004", severity: "error" }]);
    const github = await runCli(["validate", "--format", "github", file]);
    expect(github.stdout).toMatch(/^::error file=.*seance\.yaml,line=14,col=9,/);
  });
});

describe("delib usage errors exit 2", () => {
  it.each([
    [["build"]],
    [["build", example, "--format", "docx"]],
    [["validate", example, "--frobnicate"]],
    [["publier", example]],
  ])("delib %j", async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error/);
  });
});

describe("delib build", () => {
  it("writes the extract, the procès-verbal and the list from the example", async () => {
    const out = join(tmp(), "out");
    const run = await runCli(["build", example, "--format", "html", "--out", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      [`wrote ${out}/2021-06.html`, `wrote ${out}/proces-verbal-2021-05-18.html`, `wrote ${out}/liste-des-deliberations-2021-05-18.html`, ""].join("\n"),
    );
    expect(readdirSync(out).sort()).toEqual(["2021-06.html", "liste-des-deliberations-2021-05-18.html", "proces-verbal-2021-05-18.html"]);
    expect(readFileSync(join(out, "2021-06.html"), "utf8")).toContain("Suffrages exprimés");
  });

  it("writes only the documents asked for, and the data each template receives", async () => {
    const out = join(tmp(), "out");
    const run = await runCli(["build", example, "--format", "html", "--documents", "list", "--emit", "json", "--out", out]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["liste-des-deliberations-2021-05-18.html", "liste-des-deliberations-2021-05-18.json"]);
    const data = JSON.parse(readFileSync(join(out, "liste-des-deliberations-2021-05-18.json"), "utf8"));
    expect(data.rows).toEqual([{ number: "2021-06", object: "Adhésion 2021 aux Assembleurs", decision: "Adoptée" }]);
  });

  it("writes nothing when the input has errors, and leaves the previous build intact", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const file = join(dir, "seance.yaml");
    copyFileSync(example, file);
    expect((await runCli(["build", file, "--format", "html", "--documents", "extract", "--out", out])).code).toBe(0);
    const before = readFileSync(join(out, "2021-06.html"));
    const mtime = statSync(join(out, "2021-06.html")).mtimeMs;

    writeFileSync(file, readFileSync(example, "utf8").replace("for: 2", "for: 3"));
    const run = await runCli(["build", file, "--format", "html", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error DLB3010: the vote on 2021-06 counts 3 voices, but only 2 can be cast");
    expect(readdirSync(out)).toEqual(["2021-06.html"]);
    expect(readFileSync(join(out, "2021-06.html"))).toEqual(before);
    expect(statSync(join(out, "2021-06.html")).mtimeMs).toBe(mtime);
  });

  it("exits 3 when the output cannot be written, leaving no temporary file", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "plain-file"), "");
    const run = await runCli(["build", example, "--format", "html", "--out", join(dir, "plain-file", "out")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("error DLB4003: cannot write");
    expect(readdirSync(dir)).toEqual(["plain-file"]);
  });

  it("without any browser: exits 3, says what was tried and how to install one, still writes the HTML", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const run = await runCli(["build", example, "--out", out], {
      env: { PATH: join(dir, "empty-bin"), DELIB_CHROMIUM: undefined, PUPPETEER_EXECUTABLE_PATH: undefined, CHROME_PATH: undefined },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("error DLB4001");
    expect(run.stderr).toContain("apt-get install chromium");
    expect(run.stderr).toContain("chromium-browser");
    expect(readdirSync(out).sort()).toEqual(["2021-06.html", "liste-des-deliberations-2021-05-18.html", "proces-verbal-2021-05-18.html"]);
  });

  it("refuses a --chromium path that is not an executable", async () => {
    const dir = tmp();
    const run = await runCli(["build", example, "--out", join(dir, "out"), "--chromium", join(dir, "no-such-chromium")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("no-such-chromium");
  });
});

describe("delib explain", () => {
  it("shows the rule set and, motion by motion, the count with its articles (in French for a French reader)", async () => {
    const run = await runCli(["explain", example], { env: { DELIB_LANG: "fr" } });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("régime : état d'urgence sanitaire, loi n° 2020-1379 du 14 novembre 2020");
    expect(run.stdout).toContain("Délibération 2021-06 — Adhésion 2021 aux Assembleurs");
    expect(run.stdout).toContain("21 sièges — présents : 9 ; absents : 0 ; excusés : 12, dont représentés : 0 ; sièges votants : 2 (2 voix).");
    expect(run.stdout).toContain("envoyée 5 jours francs avant : délibération valable sans quorum. [art. L2121-17 du CGCT]");
    expect(run.stdout).toContain("Résultat : adopté");
  });

  it("refuses an invalid file with exit 1 and its diagnostics", async () => {
    const file = brokenCopy(tmp(), /^  barege: excused.*\n/m, "");
    const run = await runCli(["explain", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DLB3003");
    expect(run.stdout).toBe("");
  });
});
