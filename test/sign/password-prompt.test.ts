// The password asked on a real terminal: `delib sign` runs in a pseudo-terminal made by
// `script` (util-linux), the test types the password once the question is shown, and checks it
// is never echoed, and that the signature is made. Never on the command line (sign.test.ts).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { delibBin } from "../support/run-cli.js";
import { pdfsig, pvName, signingFixture, type SigningFixture } from "./fixture.js";

/** Runs `delib ...args` in a pseudo-terminal, typing `typed` once `prompt` is shown; all the terminal showed, and the exit code. */
async function inTerminal(cwd: string, args: readonly string[], prompt: string, typed: string): Promise<{ code: number | null; screen: string }> {
  const bin = await delibBin();
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: "1" };
  delete env.DELIB_P12_PASSWORD;
  // -q: no banner; -e: the child's exit code; -c: the command; /dev/null: no typescript file.
  const child = spawn("script", ["-qec", [process.execPath, bin, ...args].map(quote).join(" "), "/dev/null"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  let screen = "";
  let sent = false;
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    screen += text;
    if (!sent && screen.includes(prompt)) {
      sent = true;
      child.stdin.write(typed);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => (screen += text));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return { code, screen };
}

describe("delib sign asks for the password on a terminal", () => {
  let f: SigningFixture;

  beforeAll(async () => {
    f = await signingFixture();
    await delibBin();
  }, BUILD_TIMEOUT);

  it("asks without echo when DELIB_P12_PASSWORD is not set, and signs", async () => {
    const { code, screen } = await inTerminal(f.root, ["sign", pvName, "--p12", f.president.p12], "Password of the certificate file (not shown): ", `${f.president.password}\r`);
    expect(screen).toContain("Password of the certificate file (not shown): ");
    expect(screen).not.toContain(f.president.password);
    expect(screen).toContain(`signed: ${pvName} (Hélène Marchand, président de séance)`);
    expect(code).toBe(0);
    expect(pdfsig(join(f.root, pvName))[0]).toContain("Signature Validation: Signature is Valid.");
  }, 60_000);

  it("says the password is wrong after it was typed, without a stack trace", async () => {
    const before = readFileSync(join(f.root, pvName));
    const { code, screen } = await inTerminal(f.root, ["sign", pvName, "--p12", f.secretary.p12], "(not shown): ", "faux\r");
    expect(screen).not.toContain("faux");
    expect(screen).toContain("error DLB4060");
    expect(screen).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
    expect(readFileSync(join(f.root, pvName)).equals(before)).toBe(true);
  }, 60_000);
});
