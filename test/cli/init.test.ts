// `delib init`, then the life of a register in a real git repository: two sessions, a green
// validation, documents built, a change caught.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

describe("delib init", () => {
  it("scaffolds a register that validates, and refuses to write over it", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "delib-init-")), "registre");
    const run = await runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-03-12"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const file of ["delib.config.yaml", "seances/2024-03-12.yaml", ".gitignore", "package.json", ".github/workflows/delib.yml", ".githooks/pre-commit"]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(statSync(join(dir, ".githooks/pre-commit")).mode & 0o111).not.toBe(0);
    const workflow = jsYaml.load(readFileSync(join(dir, ".github/workflows/delib.yml"), "utf8")) as { jobs: { verifier: { steps: { run?: string }[] } } };
    expect(workflow.jobs.verifier.steps.map((s) => s.run).filter(Boolean)).toContain("npx delib validate --format github");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toContain("out/");

    expect(await runCli(["validate", "seances/**/*.yaml", "delib.config.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "No problems found in 2 files.\n" });

    // The letterhead, recourse and attendance the configuration offers in comments are valid
    // once a clerk uncomments and fills them (the logo aside: it needs an image).
    const config = readFileSync(join(dir, "delib.config.yaml"), "utf8");
    const uncommented = config
      .split("\n")
      .map((line) => (/^# (identity|recourse|attendance):|^#   (?!logo)\w+:/.test(line) ? line.slice(2).replace(/…/g, "Viens") : line))
      .join("\n");
    expect(uncommented).toContain("\nidentity:\n");
    writeFileSync(join(dir, "delib.config.yaml"), uncommented);
    expect(await runCli(["validate", "seances/**/*.yaml", "delib.config.yaml"], { cwd: dir })).toMatchObject({ code: 0 });
    writeFileSync(join(dir, "delib.config.yaml"), config);

    const again = await runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("error DLB5010");
  });

  it("carries a register through two sessions, a commit, a build and a change caught by verify", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-life-"));
    expect((await runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-03-12"])).code).toBe(0);
    const first = readFileSync(join(dir, "seances/2024-03-12.yaml"), "utf8");
    const second = first.replace(/date: 2024-03-12/, "date: 2024-04-09").replace(/convened_on: 2024-03-05/, "convened_on: 2024-04-02").replace('number: "2024-01"', 'number: "2024-02"');
    writeFileSync(join(dir, "seances/2024-04-09.yaml"), second);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "-c", "user.email=greffe@example.org", "-c", "user.name=Greffe", "add", ".");
    git(dir, "-c", "user.email=greffe@example.org", "-c", "user.name=Greffe", "commit", "-q", "-m", "Deux séances");

    expect(await runCli(["validate", "seances/**/*.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "No problems found in 2 files.\n" });
    const build = await runCli(["build", "seances/2024-03-12.yaml", "seances/2024-04-09.yaml", "--documents", "extract", "--out", "out"], { cwd: dir });
    expect(build.code).toBe(0);
    expect((await runCli(["verify", "out/2024-01.pdf"], { cwd: dir })).code).toBe(0);

    // The year's register: two sittings, each closed, and tables pointing at the right pages.
    const register = await runCli(["register", "--year", "2024", "--out", "out/registre-2024.pdf"], { cwd: dir });
    expect(register.stderr).toBe("");
    expect(register.code).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [join(dir, "out/registre-2024.pdf")], { encoding: "utf8" }))![1]);
    const pageText = (n: number) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", join(dir, "out/registre-2024.pdf"), "-"], { encoding: "utf8" });
    const table = [...Array(pages).keys()].map((i) => pageText(i + 1)).find((text) => /Table chronologique/.test(text))!;
    for (const number of ["2024-01", "2024-02"]) {
      const page = Number(new RegExp(`${number}.*?(\\d+)\\s*$`, "m").exec(table)![1]);
      expect(pageText(page)).toContain(`DÉLIBÉRATION ${number}`);
    }

    // The open data: once the body's SIRET and each motion's matière are recorded.
    const config = join(dir, "delib.config.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace('  # siret: "00000000000000"', '  siret: "21550123400017"'));
    for (const file of ["seances/2024-03-12.yaml", "seances/2024-04-09.yaml"]) {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, "utf8").replace("    title: Approbation", '    matiere: "5.2"\n    title: Approbation'));
    }
    const csv = await runCli(["export", "--scdl", "seances/*.yaml"], { cwd: dir });
    expect(csv.stderr).toBe("");
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split("\n");
    expect(header).toBe(
      "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL",
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^Commune de Saint-Amand-sur-Ornain,21550123400017,2024-01,2024-03-12,5\.2,/);

    // A gap in the numbering is caught across the files.
    writeFileSync(join(dir, "seances/2024-04-09.yaml"), second.replace('number: "2024-02"', 'number: "2024-03"'));
    const gap = await runCli(["validate", "seances/**/*.yaml", "--format", "short"], { cwd: dir });
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain("error DLB3703: the numbers of 2024 jump from 2024-01 to 2024-03: 2024-02 is missing");
  });
});
