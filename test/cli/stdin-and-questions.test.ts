// `-` reads a session from standard input, and `init` asks its questions on a terminal.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml"));

describe("standard input as a file", () => {
  it("validates a session given on standard input as `-`", async () => {
    const run = await runCli(["validate", "-"], { stdin: example, cwd: mkdtempSync(join(tmpdir(), "delib-stdin-")) });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No problems found in 1 file.");
  });

  it("locates a mistake in standard input as `<stdin>:line:column`", async () => {
    const broken = example.toString("utf8").replace(/^ {2}convened_on:/m, "  convened_onn:");
    const run = await runCli(["validate", "-"], { stdin: broken, cwd: mkdtempSync(join(tmpdir(), "delib-stdin-")) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:\d+:3 - error DLB2002: unknown field `convened_onn`/m);
  });

  it("refuses Windows-1252 bytes on standard input as in a file", async () => {
    const latin = Buffer.from(example.toString("utf8").replace("COULON", "COULON Frédéric"), "latin1");
    const run = await runCli(["validate", "-"], { stdin: latin, cwd: mkdtempSync(join(tmpdir(), "delib-stdin-")) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/<stdin>:\d+:\d+ - error DLB1014/);
  });

  it("builds the documents of a session given on standard input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-stdin-"));
    const run = await runCli(["build", "-", "--format", "html", "--out", "out"], { stdin: example, cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "out/2021-06.html"))).toBe(true);
    expect(existsSync(join(dir, "out/proces-verbal-2021-05-18.html"))).toBe(true);
  });

  it("explains a session given on standard input", async () => {
    const run = await runCli(["explain", "-"], { stdin: example, cwd: mkdtempSync(join(tmpdir(), "delib-stdin-")) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2021-06");
  });
});

describe("delib init on a terminal", () => {
  it("asks for the name, the kind and the assembly it was not given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-init-ask-"));
    const run = await runCli(["init", "registre", "--date", "2024-03-12"], { cwd: dir, answers: ["Syndicat des eaux du Val", "syndicat_communes", "comité syndical"] });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const config = readFileSync(join(dir, "registre/delib.config.yaml"), "utf8");
    expect(config).toContain('name: "Syndicat des eaux du Val"');
    expect(config).toContain("kind: syndicat_communes");
    expect(config).toContain('assembly: "comité syndical"');
  });

  it("takes the defaults for what is left blank", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-init-ask-"));
    const run = await runCli(["init", "registre", "--date", "2024-03-12"], { cwd: dir, answers: ["Commune de Val-d’Orbe", "", ""] });
    expect(run.code).toBe(0);
    const config = readFileSync(join(dir, "registre/delib.config.yaml"), "utf8");
    expect(config).toContain("kind: commune");
    expect(config).toContain('assembly: "conseil municipal"');
  });

  it("without a terminal and without --name, says in plain words to give it (exit 2), in French", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-init-ask-"));
    const run = await runCli(["init", "registre"], { cwd: dir, env: { DELIB_LANG: "fr" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("donner le nom officiel de la collectivité");
    expect(existsSync(join(dir, "registre"))).toBe(false);
  });
});
