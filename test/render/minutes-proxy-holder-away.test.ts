// A proxy whose holder steps out and comes back. The proxy is a written mandate for the sitting
// (CGCT L2121-20): while its holder is away nobody can cast it, and once the holder is back it is
// cast again — which is what delib counts. The procès-verbal used to say the proxy « prend fin »
// when the holder left, contradicting its own figures at the next item.
// From examples/aubencourt-sur-noirieu: Mme PAYEN's proxy is held by Mme VASSEUR, made here to
// leave at 2023-03 and to come back at 2023-04.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

describe("a proxy whose holder steps out and comes back, in the procès-verbal", async () => {
  const out = mkdtempSync(join(tmpdir(), "delib-holder-away-"));
  const example = readFileSync(join(repoRoot, "examples/aubencourt-sur-noirieu/2023-04-07.yaml"), "utf8");
  const edited = example
    .replace(/^( {2}- number: "2023-03"\n)/m, "$1    departures: [vasseur]\n")
    .replace(/^( {2}- number: "2023-04"\n)/m, "$1    arrivals: [vasseur]\n");
  writeFileSync(join(out, "delib.config.yaml"), readFileSync(join(repoRoot, "examples/aubencourt-sur-noirieu/delib.config.yaml")));
  writeFileSync(join(out, "s.yaml"), edited);
  const run = await runCli(["build", "s.yaml", "--format", "html", "--documents", "minutes", "--out", "out", "--emit", "json"], { cwd: out });
  const html = () => readFileSync(join(out, "out/proces-verbal-2023-04-07.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
  const block = (number: string, next?: string) => html().slice(html().indexOf(`Délibération ${number}`), next ? html().indexOf(`Délibération ${next}`) : undefined);

  it("builds", () => {
    expect(edited).not.toBe(example);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("says the proxy cannot be cast while its holder is away, not that it ends", () => {
    const third = block("2023-03", "2023-04");
    expect(third).toContain("Madame Nathalie VASSEUR quitte la séance.");
    expect(third).toContain("Le pouvoir donné par Madame Sandrine PAYEN à Madame Nathalie VASSEUR ne peut être exercé pendant son absence.");
    expect(html()).not.toContain("Madame Nathalie VASSEUR prend fin");
    expect(html()).not.toMatch(/PAYEN à Madame Nathalie VASSEUR prend fin/);
  });

  it("says it is cast again when the holder comes back, as the figures count it", () => {
    const fourth = block("2023-04", "2023-05");
    expect(fourth).toContain("Madame Nathalie VASSEUR rejoint la séance.");
    expect(fourth).toContain("Madame Nathalie VASSEUR exerce de nouveau le pouvoir donné par Madame Sandrine PAYEN.");
  });
});
