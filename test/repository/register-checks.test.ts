// The register-wide checks, on real files in a temporary register: numbering across sessions,
// proxies over consecutive sittings, the roster.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { inOffice } from "../../src/validate/set-rules/members-are-those-in-office.js";
import { numberPattern } from "../../src/validate/set-rules/number-pattern.js";
import { runCli } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

interface Sitting {
  date: string;
  numbers: string[];
  proxy?: [string, string];
  members?: number;
}

/** A register with a delib.config.yaml and one file per sitting; returns its folder. */
function register(config: object, sittings: Sitting[]): string {
  const root = mkdtempSync(join(tmpdir(), "delib-register-"));
  writeFileSync(join(root, "delib.config.yaml"), jsYaml.dump({ format: 1, ...config }));
  for (const s of sittings) {
    const b = session().members(s.members ?? 5).on(s.date);
    if (s.proxy) b.proxy(s.proxy[0], s.proxy[1]);
    // Every voter votes for: the counts add up to the voters (a proxy's principal votes through the holder).
    for (const n of s.numbers) b.vote({ for: s.members ?? 5, against: 0 }).with((d) => (d.motions[d.motions.length - 1]!.number = n));
    writeFileSync(join(root, `${s.date}.yaml`), jsYaml.dump(b.build(), { schema: jsYaml.CORE_SCHEMA }));
  }
  return root;
}

const body = { name: "Commune de Test", kind: "commune", assembly: "conseil municipal" };
const validate = (root: string) => runCli(["validate", "*.yaml", "--format", "short"], { cwd: root });

describe("numbering across the sessions of a register", () => {
  it("reads the pattern {year}-{seq:02}", async () => {
    const { regex, format } = numberPattern("{year}-{seq:02}");
    expect(regex.exec("2021-06")?.groups).toEqual({ year: "2021", seq: "06" });
    expect(regex.test("2021-6")).toBe(false);
    expect(format(2021, 7)).toBe("2021-07");
    expect(numberPattern("D{year}_{seq:03}").format(2024, 12)).toBe("D2024_012");
  });

  it("accepts numbers without gaps, in date order, reset each year", async () => {
    const root = register({ body, numbering: { pattern: "{year}-{seq:02}" } }, [
      { date: "2021-03-02", numbers: ["2021-01", "2021-02"] },
      { date: "2021-06-15", numbers: ["2021-03"] },
      { date: "2022-01-11", numbers: ["2022-01"] },
    ]);
    expect(await validate(root)).toMatchObject({ code: 0, stdout: "" });
  });

  it("finds a gap, a duplicate, a number out of date order and one off the pattern, each in its file", async () => {
    const root = register({ body, numbering: { pattern: "{year}-{seq:02}" } }, [
      { date: "2021-03-02", numbers: ["2021-01", "2021-02"] },
      { date: "2021-06-15", numbers: ["2021-05", "2021-02"] },
      { date: "2021-09-21", numbers: ["2021-03", "21-6"] },
    ]);
    const run = await validate(root);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2021-06-15\.yaml:\d+:\d+: error DLB3008: the deliberation number `2021-02` is already used in 2021-03-02\.yaml/),
        // The gap is in the numbers of the year, whatever their order: 2021-04 is nowhere.
        expect.stringMatching(/^2021-06-15\.yaml:\d+:\d+: error DLB3703: the numbers of 2021 jump from 2021-03 to 2021-05: 2021-04 is missing/),
        expect.stringMatching(/^2021-09-21\.yaml:\d+:\d+: error DLB3704: 2021-03 comes after 2021-05/),
        expect.stringMatching(/^2021-09-21\.yaml:\d+:\d+: error DLB3702: the number `21-6` does not follow the register's pattern/),
      ]),
    );
  });
});

describe("a proxy runs for at most three consecutive sittings (CGCT L2121-20)", () => {
  const sittings = (n: number): Sitting[] =>
    Array.from({ length: n }, (_, i) => ({ date: `2021-0${i + 1}-10`, numbers: [`2021-0${i + 1}`], proxy: ["m5", "m1"] as [string, string] }));

  it("says nothing for three", async () => {
    expect(await validate(register({ body }, sittings(3)))).toMatchObject({ code: 0, stdout: "" });
  });

  it("says nothing when the record does not name the holder: two unnamed holders need not be one member", async () => {
    const root = register({ body }, sittings(4));
    for (let i = 1; i <= 4; i++) {
      const file = join(root, `2021-0${i}-10.yaml`);
      const data = jsYaml.load(readFileSync(file, "utf8"), { schema: jsYaml.CORE_SCHEMA }) as { record?: string; attendance: Record<string, unknown> };
      data.record = "transcribed";
      data.attendance.m5 = { represented_by: "non mentionné" };
      writeFileSync(file, jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA }));
    }
    const run = await validate(root);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("DLB3131");
    expect(run.stdout).not.toContain("DLB3705");
  });

  it("warns at the fourth, pointing at the proxy", async () => {
    const run = await validate(register({ body }, sittings(4)));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2021-04-10\.yaml:\d+:\d+: warning DLB3705: M. Jean M5 is represented by M. Jean M1 for a fourth consecutive sitting/m);
  });
});

describe("the roster: members in office by dated events", () => {
  it("knows who is in office on a date", async () => {
    const roster = [
      { member: "a", event: "installed" as const, date: "2020-05-25" },
      { member: "b", event: "installed" as const, date: "2020-05-25" },
      { member: "b", event: "resigned" as const, date: "2021-02-01" },
      { member: "c", event: "installed" as const, date: "2021-02-15" },
    ];
    expect([...inOffice(roster, "2021-01-31")].sort()).toEqual(["a", "b"]);
    expect([...inOffice(roster, "2021-02-01")].sort()).toEqual(["a"]);
    expect([...inOffice(roster, "2021-03-01")].sort()).toEqual(["a", "c"]);
  });

  it("finds a member listed after resigning and one in office but not listed", async () => {
    const roster = ["m1", "m2", "m3", "m4", "m5"].map((member) => ({ member, event: "installed", date: "2020-05-25" }));
    roster.push({ member: "m5", event: "resigned", date: "2021-02-01" }, { member: "m6", event: "installed", date: "2021-02-10" });
    const root = register({ body, roster }, [
      { date: "2021-01-12", numbers: ["2021-01"] },
      { date: "2021-03-02", numbers: ["2021-02"] },
    ]);
    const run = await validate(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^2021-03-02\.yaml:\d+:\d+: error DLB3706: `m5` is listed, but is not in office on 2021-03-02/m);
    expect(run.stdout).toMatch(/^2021-03-02\.yaml:\d+:\d+: error DLB3707: `m6` is in office on 2021-03-02 according to the roster, but is not listed/m);
    expect(run.stdout).not.toContain("2021-01-12.yaml");
  });

  it("requires the sessions to carry the register's body name", async () => {
    const run = await validate(register({ body: { ...body, name: "Commune de Testville" } }, [{ date: "2021-01-12", numbers: ["2021-01"] }]));
    expect(run.stdout).toMatch(/error DLB3708: the body is named « Commune de Test » here, but « Commune de Testville » in delib\.config\.yaml/);
  });
});
