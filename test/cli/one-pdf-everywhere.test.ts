// One deliberation, one PDF: `delib build`, `delib actes` and `delib publish` print the extract
// of the same deliberation to the same bytes, dated when its session file was last committed
// (not the sitting's midnight), and archival in all three when the configuration asks. Before,
// the package and the site printed through their own path: a plain PDF dated at midnight, which
// differed from the extract `build` wrote and `verify` checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { actesConfig, actesRegister } from "../actes/actes-register.js";

/** Commits everything in `dir` on 2024-01-05 at 10:30 UTC. */
function commitAll(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: "2024-01-05T10:30:00Z", GIT_COMMITTER_DATE: "2024-01-05T10:30:00Z" };
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Greffe", "-c", "user.email=greffe@example.fr", "-c", "commit.gpgsign=false", ...args], { cwd: dir, env });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "Séance du 12 décembre 2023");
}

/** The extract of 2023-47 as build, actes and publish wrote it in `dir`. */
async function threePrints(dir: string, file: string): Promise<{ build: Buffer; actes: Buffer; site: Buffer }> {
  const env = { SOURCE_DATE_EPOCH: undefined };
  const build = await runCli(["build", file, "--documents", "extract", "--out", "built"], { cwd: dir, env });
  expect(build.code, build.stderr).toBe(0);
  const actes = await runCli(["actes", file, "--motion", "2023-47", "--out", "packages"], { cwd: dir, env });
  expect(actes.code, actes.stderr).toBe(0);
  const site = await runCli(["publish", "--out", "site"], { cwd: dir, env });
  expect(site.code, site.stderr).toBe(0);
  const unpacked = mkdtempSync(join(tmpdir(), "delib-one-pdf-"));
  const [archive] = readdirSync(join(dir, "packages"));
  execFileSync("tar", ["-x", "-z", "-f", join(dir, "packages", archive!), "-C", unpacked]);
  const act = readdirSync(unpacked).find((n) => n.endsWith(".pdf"))!;
  const built = readdirSync(join(dir, "built")).find((n) => n.endsWith(".pdf") && n.includes("2023-47"))!;
  return {
    build: readFileSync(join(dir, "built", built)),
    actes: readFileSync(join(unpacked, act)),
    site: readFileSync(join(dir, "site", "pdf", "2023-47.pdf")),
  };
}

function creationDate(pdf: Buffer): string {
  return /\/CreationDate\s*\(D:(\d{14})/.exec(pdf.toString("latin1"))![1]!;
}

describe("build, actes and publish print one deliberation to the same bytes", () => {
  it("a plain PDF, dated by the commit of its session file", async () => {
    const { dir, file } = actesRegister();
    commitAll(dir);
    const { build, actes, site } = await threePrints(dir, file);
    expect(creationDate(build)).toBe("20240105103000");
    expect(Buffer.compare(actes, build)).toBe(0);
    expect(Buffer.compare(site, build)).toBe(0);
  });

  it("PDF/A-2b in all three when the configuration asks for it", async () => {
    const { dir, file } = actesRegister({ config: `${actesConfig}pdf:\n  archival: pdfa-2b\n` });
    commitAll(dir);
    const { build, actes, site } = await threePrints(dir, file);
    expect(build.toString("latin1")).toMatch(/pdfaid:part>2</);
    expect(Buffer.compare(actes, build)).toBe(0);
    expect(Buffer.compare(site, build)).toBe(0);
  });
});
