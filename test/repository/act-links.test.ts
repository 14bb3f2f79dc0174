// Links between acts (issue 10, item 7): a deliberation that withdraws, replaces or corrects an
// earlier one names an act that exists and came before it — checked over a register's files, and
// in the file itself outside a register.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import type { ActLink } from "../../src/model/session.js";
import { runCli } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

type Links = Partial<Record<"withdraws" | "replaces" | "corrects", ActLink>>;

interface Sitting {
  date: string;
  motions: [string, Links?][];
}

/** A folder with one file per sitting, and a delib.config.yaml when `config` is given. */
function folder(config: object | undefined, sittings: Sitting[]): string {
  const root = mkdtempSync(join(tmpdir(), "delib-links-"));
  if (config) writeFileSync(join(root, "delib.config.yaml"), jsYaml.dump({ format: 1, ...config }));
  for (const s of sittings) {
    const b = session().members(5).on(s.date);
    for (const [number, links] of s.motions) b.vote({ for: 5, against: 0 }, { number, ...links });
    writeFileSync(join(root, `${s.date}.yaml`), jsYaml.dump(b.build(), { schema: jsYaml.CORE_SCHEMA }));
  }
  return root;
}

const body = { name: "Commune de Test", kind: "commune", assembly: "conseil municipal" };
const validate = (root: string, files = "*.yaml") => runCli(["validate", files, "--format", "short"], { cwd: root });

describe("in a register", () => {
  it("accepts a link to an earlier sitting, with or without its date, and to an earlier number of the same sitting", async () => {
    const root = folder({ body }, [
      { date: "2021-02-23", motions: [["2021-06"], ["2021-07"]] },
      {
        date: "2021-05-18",
        motions: [["2021-08", { replaces: { number: "2021-07", date: "2021-02-23" } }], ["2021-09", { withdraws: { number: "2021-06" } }], ["2021-10", { corrects: { number: "2021-08" } }]],
      },
    ]);
    expect(await validate(root)).toMatchObject({ code: 0, stdout: "" });
  });

  it("reports a missing target, and a number of another sitting than the date written", async () => {
    const root = folder({ body }, [
      { date: "2021-02-23", motions: [["2021-06"]] },
      { date: "2021-05-18", motions: [["2021-07", { withdraws: { number: "2021-05" } }], ["2021-08", { replaces: { number: "2021-06", date: "2021-03-02" } }]] },
    ]);
    const run = await validate(root);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^2021-05-18\.yaml:\d+:\d+: error DLB3720: `withdraws` names deliberation `2021-05`, which is not in the register — /),
      expect.stringMatching(/^2021-05-18\.yaml:\d+:\d+: error DLB3720: `replaces` names deliberation `2021-06` of 2021-03-02, but 2021-06 is the deliberation of 2021-02-23 — /),
    ]);
  });

  it("reports a target that is not earlier: a later sitting, a later number of the same sitting, itself", async () => {
    const root = folder({ body }, [
      { date: "2021-02-23", motions: [["2021-06", { corrects: { number: "2021-08", date: "2021-05-18" } }], ["2021-07", { corrects: { number: "2021-07" } }]] },
      { date: "2021-05-18", motions: [["2021-08", { replaces: { number: "2021-09" } }], ["2021-09"]] },
    ]);
    const run = await validate(root);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^2021-02-23\.yaml:\d+:\d+: error DLB3721: `corrects` names deliberation `2021-08` of 2021-05-18, which is not earlier than 2021-06: its sitting, 2021-05-18, comes after this one — /),
      expect.stringMatching(/^2021-02-23\.yaml:\d+:\d+: error DLB3721: `corrects` names deliberation `2021-07`, which is not earlier than 2021-07: it names itself — /),
      expect.stringMatching(/^2021-05-18\.yaml:\d+:\d+: error DLB3721: `replaces` names deliberation `2021-09`, which is not earlier than 2021-08: it comes after it in the same sitting — /),
    ]);
  });

  it("checks a file given alone against the register's other sittings", async () => {
    const root = folder({ body }, [
      { date: "2021-02-23", motions: [["2021-06"]] },
      { date: "2021-05-18", motions: [["2021-07", { withdraws: { number: "2021-06" } }], ["2021-08", { withdraws: { number: "2021-01" } }]] },
    ]);
    const run = await validate(root, "2021-05-18.yaml");
    expect(run.stdout.trim().split("\n")).toEqual([expect.stringMatching(/error DLB3720: `withdraws` names deliberation `2021-01`, which is not in the register — /)]);
  });

  it("says nothing of a link dated before the register's first sitting, which it cannot hold", async () => {
    const root = folder({ body }, [{ date: "2021-02-23", motions: [["2021-06", { replaces: { number: "2019-12", date: "2019-11-05" } }]] }]);
    expect(await validate(root)).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("outside a register", () => {
  it("checks a link within the file, and leaves a link to another sitting unchecked", async () => {
    const root = folder(undefined, [
      {
        date: "2021-05-18",
        motions: [["2021-07"], ["2021-08", { corrects: { number: "2021-07" } }], ["2021-09", { withdraws: { number: "2021-04" } }], ["2021-10", { replaces: { number: "2021-02", date: "2021-02-23" } }]],
      },
    ]);
    const run = await validate(root);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^2021-05-18\.yaml:\d+:\d+: error DLB3720: `withdraws` names deliberation `2021-04`, which is not in this file — /)]);
  });

  it("checks a link to a sitting of the same body given with it", async () => {
    const root = folder(undefined, [
      { date: "2021-02-23", motions: [["2021-06"]] },
      { date: "2021-05-18", motions: [["2021-07", { replaces: { number: "2021-06", date: "2021-02-23" } }], ["2021-08", { replaces: { number: "2021-05", date: "2021-02-23" } }]] },
    ]);
    const run = await validate(root);
    expect(run.stdout.trim().split("\n")).toEqual([expect.stringMatching(/error DLB3720: `replaces` names deliberation `2021-05` of 2021-02-23, which is not in the sitting of 2021-02-23 — /)]);
  });
});
