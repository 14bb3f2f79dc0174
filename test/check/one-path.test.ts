// One checking path: every command reads the same files through check.ts, so a broken register
// gets the same diagnostics, in the same order, whatever the command (issue 9). And the rules
// across files never crash on numbers as clerks write them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, startCli } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/mirabel-les-vignes/2021-02-23.yaml"), "utf8");

/** The example as a sitting of `date` with these three deliberation numbers. */
function sitting(date: string, numbers: readonly [string, string, string], edit: (text: string) => string = (t) => t): string {
  const [a, b, c] = numbers;
  const text = example
    .replace("date: 2021-02-23", `date: ${date}`)
    .replace("convened_on: 2021-02-16", `convened_on: ${previousWeek(date)}`)
    .replace('number: "2021-07"', `number: "${a}"`)
    .replace('number: "2021-08"', `number: "${b}"`)
    .replace('number: "2021-09"', `number: "${c}"`);
  for (const n of numbers) if (!text.includes(`number: "${n}"`)) throw new Error("the example changed: adapt the fixture");
  return edit(text);
}

function previousWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}

/** A register in a new folder: delib.config.yaml with a numbering pattern, and these sittings. */
function register(sittings: Record<string, string>, pattern = "{year}-{seq:02}"): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-one-path-"));
  mkdirSync(join(dir, "seances"));
  writeFileSync(
    join(dir, "delib.config.yaml"),
    `format: 1\nbody:\n  name: Commune de Mirabel-les-Vignes\n  kind: commune\n  assembly: conseil municipal\nnumbering:\n  pattern: "${pattern}"\n`,
  );
  for (const [name, text] of Object.entries(sittings)) writeFileSync(join(dir, "seances", name), text);
  return dir;
}

/**
 * A register broken in every way the checks can see: a rule of one file (an unknown
 * president), a number used twice across files in another case, a gap, numbers against the
 * dates, and a number that does not follow the pattern.
 */
function brokenRegister(): string {
  return register({
    "a.yaml": sitting("2021-02-23", ["2021-01", "2021-02", "2021-03"]),
    "b.yaml": sitting("2021-03-10", ["2021-05", "2021-02", "2021-06"], (t) => t.replace("president: vidal", "president: vidall")),
    "c.yaml": sitting("2021-01-15", ["2021-07", "2021-08", "2021-09"]),
    "d.yaml": sitting("2022-01-18", ["2022-01", "2022-2", "2022-03"]),
  });
}

const files = ["seances/a.yaml", "seances/b.yaml", "seances/c.yaml", "seances/d.yaml"];

/** The diagnostics of a `--format json` / `--report json` report. */
function diagnosticsOf(json: string): unknown {
  return JSON.parse(json);
}

describe("every command reports the same diagnostics on the same register", () => {
  const dir = brokenRegister();
  const out = join(dir, "out");

  it("validate finds each kind of problem", async () => {
    const run = await runCli(["validate", ...files, "--format", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const codes = (diagnosticsOf(run.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["DLB3002", "DLB3008", "DLB3702", "DLB3703", "DLB3704"]));
  });

  it("explain, build, register and export report them byte for byte as validate does", async () => {
    const validate = await runCli(["validate", ...files, "--format", "json"], { cwd: dir });
    const others = {
      explain: await runCli(["explain", ...files, "--report", "json"], { cwd: dir }),
      build: await runCli(["build", ...files, "--format", "html", "--out", out, "--report", "json"], { cwd: dir }),
      register: await runCli(["register", "--year", "2021", ...files, "--out", join(out, "r.pdf"), "--report", "json"], { cwd: dir }),
      "register (the register's own files)": await runCli(["register", "--year", "2021", "--out", join(out, "r.pdf"), "--report", "json"], { cwd: dir }),
      export: await runCli(["export", "--scdl", ...files, "--report", "json"], { cwd: dir }),
    };
    for (const [command, run] of Object.entries(others)) {
      expect({ command, code: run.code }).toEqual({ command, code: 1 });
      expect({ command, report: run.stderr }).toEqual({ command, report: validate.stdout });
      expect({ command, stdout: run.stdout }).toEqual({ command, stdout: "" });
    }
  });

  it("a glob gives the same report as the files named", async () => {
    const named = await runCli(["validate", ...files, "--format", "json"], { cwd: dir });
    const globbed = await runCli(["build", "seances/*.yaml", "--format", "html", "--out", out, "--report", "json"], { cwd: dir });
    expect(globbed.stderr).toBe(named.stdout);
  });

  it("a folder gives the same report as the glob of its session files", async () => {
    const globbed = await runCli(["validate", "seances/*.yaml", "--format", "json"], { cwd: dir });
    const folder = await runCli(["validate", "seances", "--format", "json"], { cwd: dir });
    expect(folder.stdout).toBe(globbed.stdout);
    expect(JSON.parse(folder.stdout)).not.toEqual([]);
  });

  it("one file alone is checked among the other sittings of its register", async () => {
    // b.yaml alone: its own problems, and those its numbers have with the register's.
    const all = diagnosticsOf((await runCli(["validate", ...files, "--format", "json"], { cwd: dir })).stdout) as { file: string }[];
    const alone = await runCli(["validate", "seances/b.yaml", "--format", "json"], { cwd: dir });
    expect(diagnosticsOf(alone.stdout)).toEqual(all.filter((d) => d.file === "seances/b.yaml"));
    const built = await runCli(["build", "seances/b.yaml", "--format", "html", "--out", out, "--report", "json"], { cwd: dir });
    expect(built.stderr).toBe(alone.stdout);
  });

  it("preview shows the problems validate reports for its file", async () => {
    const validate = await runCli(["validate", "seances/b.yaml"], { cwd: dir });
    const preview = startCli(["preview", "seances/b.yaml", "--port", "0"], { cwd: dir });
    try {
      const address = await until(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(preview.stdout())?.[0]);
      const page = await (await fetch(address)).text();
      const problems = /<pre class="problems">([\s\S]*?)<\/pre>/.exec(page)?.[1] ?? "";
      const unescaped = problems.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
      expect(unescaped).toBe(validate.stdout);
    } finally {
      await preview.stop();
    }
  });

  it("nothing was written", () => {
    expect(() => readFileSync(join(out, "2021-01.html"))).toThrow();
  });
});

async function until<T>(value: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = value();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("numbering across files never crashes", () => {
  const cases: Record<string, { sittings: Record<string, string>; pattern?: string; codes: string[] }> = {
    "a year that starts at 0 ({seq:05})": {
      pattern: "{year}-{seq:05}",
      sittings: {
        "a.yaml": sitting("2022-01-10", ["2022-00000", "2022-00001", "2022-00002"]),
        "b.yaml": sitting("2022-02-10", ["2022-00003", "2022-00004", "2022-00005"]),
      },
      codes: [],
    },
    "a year that starts at 0, then skips": {
      pattern: "{year}-{seq:05}",
      sittings: {
        "a.yaml": sitting("2022-01-10", ["2022-00000", "2022-00001", "2022-00004"]),
      },
      codes: ["DLB3703"],
    },
    "a year that starts past 1": {
      sittings: { "a.yaml": sitting("2021-01-10", ["2021-03", "2021-04", "2021-05"]) },
      codes: ["DLB3703"],
    },
    "a number repeated in the same file": {
      sittings: { "a.yaml": sitting("2021-01-10", ["2021-01", "2021-02", "2021-02"]) },
      codes: ["DLB3008"],
    },
    "a number repeated in another case": {
      pattern: "D{year}-{seq}",
      sittings: {
        "a.yaml": sitting("2021-01-10", ["D2021-1", "D2021-2", "D2021-3"]),
        "b.yaml": sitting("2021-02-10", ["d2021-3", "D2021-4", "D2021-5"]),
      },
      codes: ["DLB3008", "DLB3702"],
    },
    "the same number with other padding": {
      pattern: "{year}-{seq}",
      sittings: {
        "a.yaml": sitting("2021-01-10", ["2021-1", "2021-2", "2021-3"]),
        "b.yaml": sitting("2021-02-10", ["2021-03", "2021-4", "2021-5"]),
      },
      codes: ["DLB3008"],
    },
    "padding shorter than the pattern's": {
      sittings: { "a.yaml": sitting("2021-01-10", ["2021-01", "2021-2", "2021-03"]) },
      codes: ["DLB3702"],
    },
    "a sequence number too long to be one": {
      sittings: { "a.yaml": sitting("2021-01-10", ["2021-01", "2021-02", "2021-99999999999999999999"]) },
      // DLB3061: too long for an @CTES NumeroInterne, a warning.
      codes: ["DLB3061", "DLB3702"],
    },
  };
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const dir = register(c.sittings, c.pattern);
      for (const command of [["validate", "--format", "json"], ["build", "--format", "html", "--report", "json", "--out", join(dir, "out")]]) {
        const run = await runCli([command[0]!, "seances/*.yaml", ...command.slice(1)], { cwd: dir });
        const report = command[0] === "validate" ? run.stdout : run.stderr;
        expect(run.stderr).not.toMatch(/internal error/);
        const found = report.trim() === "" ? [] : (JSON.parse(report) as { code: string; line?: number }[]);
        expect([...new Set(found.map((d) => d.code))].sort()).toEqual([...c.codes].sort());
        // Every finding is located.
        for (const d of found) expect(d).toHaveProperty("line");
        const errors = found.filter((d) => (d as { severity?: string }).severity === "error");
        expect(run.code).toBe(errors.length === 0 ? 0 : 1);
      }
    });
  }
});
