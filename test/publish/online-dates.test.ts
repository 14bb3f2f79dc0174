// The « mis en ligne le » dates read from git (src/publish/online-dates.ts), in a real
// repository: the oldest commit on or after the sitting that holds the act, never a draft
// committed before the sitting, never the clock; nothing when git cannot tell.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedDates } from "../../src/publish/online-dates.js";
import { register } from "../export/temp-register.js";
import { git } from "./site-fixture.js";

const sitting = (numbers: string[]) => `format: 1\nmotions:\n${numbers.map((n) => `  - number: "${n}"\n    title: Objet\n`).join("")}`;

describe("committedDates", () => {
  it("dates each act by the first commit, on or after the sitting, whose file holds it", async () => {
    const dir = register({ "seances/2024-03-12.yaml": sitting(["2024-01"]) });
    const file = join(dir, "seances/2024-03-12.yaml");
    git(dir, ["init", "-q"]);
    git(dir, ["add", "."]);
    // The record prepared before the sitting: a draft, not yet an act.
    git(dir, ["commit", "-q", "-m", "projet"], "2024-03-05");
    writeFileSync(file, sitting(["2024-01", "2024-02"]));
    git(dir, ["commit", "-q", "-am", "séance"], "2024-03-14");
    writeFileSync(file, sitting(["2024-01", "2024-02", "2024-03"]));
    git(dir, ["commit", "-q", "-am", "ajout"], "2024-03-20");
    // A rename keeps the history.
    renameSync(file, join(dir, "seances/seance-2024-03-12.yaml"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "renommage"], "2024-04-01");
    const dates = await committedDates(join(dir, "seances/seance-2024-03-12.yaml"), "2024-03-12", ["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(Object.fromEntries(dates)).toEqual({ "2024-01": "2024-03-14", "2024-02": "2024-03-14", "2024-03": "2024-03-20" });
  });

  it("dates acts in a folder whose name has accents (git quotes such paths unless told not to)", async () => {
    const dir = register({ "séances/2024-03-12.yaml": sitting(["2024-01"]) });
    git(dir, ["init", "-q"]);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "séance"], "2024-03-14");
    const dates = await committedDates(join(dir, "séances/2024-03-12.yaml"), "2024-03-12", ["2024-01"]);
    expect(Object.fromEntries(dates)).toEqual({ "2024-01": "2024-03-14" });
  });

  it("gives nothing for a file git does not hold, or outside a repository", async () => {
    const dir = register({ "seances/2024-03-12.yaml": sitting(["2024-01"]) });
    expect((await committedDates(join(dir, "seances/2024-03-12.yaml"), "2024-03-12", ["2024-01"])).size).toBe(0);
    git(dir, ["init", "-q"]);
    expect((await committedDates(join(dir, "seances/2024-03-12.yaml"), "2024-03-12", ["2024-01"])).size).toBe(0);
  });
});
