// The progress line of a long build (issue 14): on a real terminal — a pseudo-terminal made by
// util-linux's `script` — `delib register` says what it is doing on one line it rewrites, and
// erases it before the line that says what was written; with --quiet, nothing. (Without a
// terminal, nothing either: register.test.ts expects an empty stderr.)
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { delibBin } from "../support/run-cli.js";
import { writeRegister } from "./register-fixture.js";

/** Runs `delib ARGS` in `cwd` on a pseudo-terminal; what the terminal showed (stdout and stderr together). */
function onTerminal(args: readonly string[], cwd: string, bin: string, language = "en"): { code: number | null; screen: string } {
  const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(" ");
  // -q: no « Script started » lines; -e: its exit code is delib's; the typescript goes nowhere.
  const run = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd,
    env: { ...process.env, DELIB_LANG: language, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1631577600" },
    encoding: "utf8",
    timeout: 240_000,
  });
  if (run.error) throw run.error;
  return { code: run.status, screen: run.stdout };
}

describe("delib register on a terminal", () => {
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    dir = writeRegister();
    // A dozen more sittings of 2021, so that the build takes more than the few seconds after
    // which progress is shown, on any machine.
    const february = readFileSync(join(dir, "seances/b-fevrier.yaml"), "utf8");
    for (let i = 0; i < 12; i++) {
      // After September's sitting, still under the sanitary rules of 2021 that allow its second proxy.
      const day = String(i + 15);
      const text = february
        .replace("date: 2021-02-23", `date: 2021-09-${day}`)
        .replace("convened_on: 2021-02-16", "convened_on: 2021-09-08")
        .replace(/number: "2021-0([789])"/g, (_m, n: string) => `number: "2021-${100 + 3 * i + Number(n)}"`);
      writeFileSync(join(dir, `seances/d-septembre-${day}.yaml`), text);
    }
    bin = await delibBin();
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows what it is doing on one line, rewritten, and erases it before saying what it wrote", () => {
    const { code, screen } = onTerminal(["register", "--year", "2021", "--chromium", chromiumForTests()], join(dir, "seances"), bin);
    expect(code, screen).toBe(0);
    // Each redraw starts the line again: carriage return, then « erase to the end of the line ».
    expect(screen).toMatch(/\r\x1b\[K(laying out the sittings: \d+ of 14|printing the register's tables|the browser is printing the register \(\d+ documents\)[^\r]*|putting the register's \d+ pages together) \(\d+ seconds?\)/);
    expect(screen).not.toMatch(/\n.*\x1b\[K.*\n.*\x1b\[K/);
    // The progress line is erased (its last redraw followed by an erase) before anything else is
    // written (this register's warnings, then what was written, last).
    const text = screen.replace(/\r\n/g, "\n");
    const erased = text.lastIndexOf("\r\x1b[K");
    expect(text.slice(erased + 4)).not.toMatch(/^(laying out|printing the register|the browser is printing|putting)/);
    expect(text.slice(0, erased)).not.toMatch(/wrote|warning/);
    expect(text).toMatch(/\nwrote out\/registre-2021\.pdf\n$|^\r\x1b\[Kwrote out\/registre-2021\.pdf\n$|\x1b\[Kwrote out\/registre-2021\.pdf\n$/);
  });

  it("in French", () => {
    const { code, screen } = onTerminal(["register", "--year", "2021", "--out", "out/fr.pdf", "--chromium", chromiumForTests()], join(dir, "seances"), bin, "fr");
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/\r\x1b\[K(mise en page des séances|impression des tables du registre|impression du registre par le navigateur|assemblage des \d+ pages du registre)[^\r]*\(\d+ secondes?\)/);
  });

  it("says nothing with --quiet", () => {
    const { code, screen } = onTerminal(["register", "--year", "2021", "--quiet", "--out", "out/quiet.pdf", "--chromium", chromiumForTests()], join(dir, "seances"), bin);
    expect(code, screen).toBe(0);
    expect(screen).toBe("");
  });
});
