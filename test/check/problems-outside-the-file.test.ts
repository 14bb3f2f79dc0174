// Diagnostics no single session file can show, each produced for real: two documents written
// to one file name (DLB3019, DLB3015), a stylesheet that names a missing file (DLB5003), a templates
// folder that does not exist (DLB5004), a PDF verify cannot trace (DLB4012), a deliberation
// no session file at HEAD holds (DLB4013), a configuration's problem named relative to the working
// folder. Each reaches the clerk as every diagnostic does.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const npdc = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");

function folder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

describe("documents written to one file name (DLB3019, DLB3015)", () => {
  it("two bodies' deliberations of the same number, built into one folder", async () => {
    const dir = folder("delib-names-");
    const a = readFileSync(npdc, "utf8");
    writeFileSync(join(dir, "a.yaml"), a);
    writeFileSync(join(dir, "b.yaml"), a.replace(/name: Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique »/, "name: Syndicat mixte ouvert « Autre »"));
    expect(readFileSync(join(dir, "b.yaml"), "utf8")).not.toBe(a);
    const run = await runCli(["build", "a.yaml", "b.yaml", "--format", "html"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^b\.yaml:\d+:\d+ - error DLB3019: two documents of the files built together would be written to `2021-06` in the same folder/m);
    expect(run.stderr).toContain("hint: build each body's or register's sessions into its own folder (--out)");
    expect(run.stdout).toBe("");
  });

  it("two bodies' sittings of the same day built into one folder: located at the second sitting's date, the first one's related", async () => {
    const dir = folder("delib-names-");
    const a = readFileSync(npdc, "utf8");
    writeFileSync(join(dir, "a.yaml"), a);
    // Another body, the same day, another number: only the procès-verbal and the list clash.
    writeFileSync(join(dir, "b.yaml"), a.replace(/name: Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique »/, "name: Syndicat mixte ouvert « Autre »").replace('number: "2021-06"', 'number: "2021-99"'));
    const run = await runCli(["build", "a.yaml", "b.yaml", "--format", "html", "--report", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const [clash, ...others] = JSON.parse(run.stderr) as { file?: string; line?: number; code: string; related: { file?: string; line?: number }[] }[];
    expect(others).toEqual([]);
    const dateLine = a.split("\n").findIndex((l) => l.startsWith("  date: ")) + 1;
    expect(clash).toMatchObject({ code: "DLB3019", file: "b.yaml", line: dateLine });
    expect(clash!.related).toEqual([expect.objectContaining({ file: "a.yaml", line: dateLine })]);
  });

  it("one body's deliberation numbered like another body's procès-verbal, built into one folder: located at the number", async () => {
    const dir = folder("delib-names-");
    const a = readFileSync(npdc, "utf8");
    writeFileSync(join(dir, "a.yaml"), a);
    const b = a
      .replace(/name: Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique »/, "name: Syndicat mixte ouvert « Autre »")
      .replace(/^  date: 2021-05-18$/m, "  date: 2021-05-19")
      .replace(/^  convened_on: 2021-05-12$/m, "  convened_on: 2021-05-13")
      .replace('number: "2021-06"', 'number: "proces-verbal-2021-05-18"');
    writeFileSync(join(dir, "b.yaml"), b);
    const run = await runCli(["build", "a.yaml", "b.yaml", "--format", "html", "--report", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stderr) as { file?: string; line?: number; code: string; severity: string }[]).filter((d) => d.severity !== "warning" && d.code !== "DLB3061");
    const numberLine = b.split("\n").findIndex((l) => l.includes('number: "proces-verbal-2021-05-18"')) + 1;
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.line).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ file: "b.yaml", line: numberLine })]));
  });

  it("a number that reads like the procès-verbal's file name: validate refuses it as build does", async () => {
    const dir = folder("delib-names-");
    writeFileSync(join(dir, "s.yaml"), readFileSync(npdc, "utf8").replace('number: "2021-06"', 'number: "Proces-Verbal-2021-05-18"'));
    const built = await runCli(["build", "s.yaml", "--format", "html", "--report", "json"], { cwd: dir });
    const validated = await runCli(["validate", "s.yaml", "--format", "json"], { cwd: dir });
    expect(built.code).toBe(1);
    expect(validated.code).toBe(1);
    expect(built.stderr).toBe(validated.stdout);
    // Beside the warning that so long a number cannot be sent to @CTES (DLB3061).
    expect(JSON.parse(validated.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "DLB3015", severity: "error", message: expect.stringContaining("is the file name of the procès-verbal") })]),
    );
  });
});

describe("templates that cannot be used", () => {
  it("a templates folder that does not exist (DLB5004)", async () => {
    const run = await runCli(["build", npdc, "--format", "html", "--template", "no-such-folder", "--out", folder("delib-out-")], { cwd: folder("delib-cwd-") });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error DLB5004: the templates directory `.*no-such-folder` does not exist/);
    expect(run.stderr).toContain("hint: check the path given to --template");
  });

  it("a `templates:` folder of delib.config.yaml that does not exist, named relative to the working folder (DLB5004)", async () => {
    const dir = folder("delib-config-templates-");
    writeFileSync(join(dir, "delib.config.yaml"), "format: 1\ntemplates: ./modeles\n");
    copyFileSync(npdc, join(dir, "s.yaml"));
    const run = await runCli(["build", "s.yaml", "--format", "html", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error DLB5004: the templates directory `modeles` does not exist");
    expect(run.stderr).toContain("hint: check `templates:` in delib.config.yaml; it is relative to that file");
  });

  it("a stylesheet that names a missing image (DLB5003)", async () => {
    const templates = folder("delib-tpl-");
    writeFileSync(join(templates, "style.css"), "body { background: url(missing.png); }\n");
    const run = await runCli(["build", npdc, "--format", "html", "--template", templates, "--out", folder("delib-out-")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error DLB5003: .*missing\.png/);
  });
});

describe("a configuration's own problems", () => {
  it("name delib.config.yaml relative to the working folder when it is inside it", async () => {
    const dir = folder("delib-config-");
    mkdirSync(join(dir, "seances"));
    writeFileSync(join(dir, "delib.config.yaml"), "format: 1\ntemplate: ./modeles\n");
    copyFileSync(npdc, join(dir, "seances", "s.yaml"));
    const inside = await runCli(["validate", "seances/s.yaml"], { cwd: dir });
    expect(inside.code).toBe(1);
    expect(inside.stdout).toMatch(/^delib\.config\.yaml:2:1 - error DLB2002: unknown field `template`, did you mean `templates`\?/m);
    const below = await runCli(["validate", "s.yaml"], { cwd: join(dir, "seances") });
    expect(below.stdout).toContain(`${join(dir, "delib.config.yaml")}:2:1 - error DLB2002`);
  });
});

describe("verify on what it cannot trace", () => {
  function repository(): string {
    const root = folder("delib-verify-");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("config", "user.email", "greffe@example.org");
    git("config", "user.name", "Greffe");
    mkdirSync(join(root, "seances"));
    copyFileSync(npdc, join(root, "seances/2021-05-18.yaml"));
    git("add", ".");
    git("commit", "-q", "-m", "Séance du 18 mai 2021");
    return root;
  }

  it("a PDF delib did not print (DLB4012)", async () => {
    const root = repository();
    writeFileSync(join(root, "scan.pdf"), "%PDF-1.4\n1 0 obj << /Title (Scan) >> endobj\n%%EOF\n");
    const run = await runCli(["verify", "scan.pdf"], { cwd: root });
    expect(run.code).toBe(13);
    expect(run.stderr).toMatch(/^error DLB4012: scan\.pdf: this PDF was not printed by delib/m);
    expect(run.stdout).toBe("");
  });

  it("a missing PDF is an unreadable file (DLB1001), as for a session file", async () => {
    const run = await runCli(["verify", "gone.pdf"], { cwd: repository() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error DLB1001: file `gone\.pdf`: no such file/m);
  });

  it("a deliberation no session file holds (DLB4013)", async () => {
    const run = await runCli(["verify", "2099-01"], { cwd: repository() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error DLB4013: no session file at HEAD holds deliberation `2099-01`/m);
  });

  it("finds a deliberation by its number as every command compares numbers, case aside", async () => {
    const root = repository();
    const file = join(root, "seances/2021-05-18.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('number: "2021-06"', 'number: "2021-A"'));
    execFileSync("git", ["commit", "-q", "-am", "Numéro 2021-A"], { cwd: root, stdio: "ignore" });
    const exact = await runCli(["verify", "2021-A"], { cwd: root });
    const otherCase = await runCli(["verify", "2021-a"], { cwd: root });
    expect(exact.code).toBe(0);
    expect(otherCase.code).toBe(0);
    expect(otherCase.stdout).toContain("in seances/2021-05-18.yaml");
  });

  it("reports in JSON when asked, like every command", async () => {
    const run = await runCli(["verify", "2099-01", "--report", "json"], { cwd: repository() });
    expect(JSON.parse(run.stderr)).toEqual([expect.objectContaining({ code: "DLB4013", severity: "error" })]);
  });
});
