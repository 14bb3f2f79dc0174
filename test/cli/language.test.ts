// delib speaks the reader's language (issue 12): French with a French locale, English with an
// English one, chosen by `--lang`, then DELIB_LANG, then LC_ALL, LC_MESSAGES and LANG. What the
// clerk reads in the quick start, init, a failing validate, a usage error and every --help must
// hold no sentence of the other language: each output is read as prose (what the clerk types
// taken out: text in backticks, paths, options, command names) and searched for common words.
// The help's French puts a no-break space before « : » (\u00a0), as French typography does.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, type CliRun } from "../support/run-cli.js";

const locales = {
  fr: { DELIB_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "fr_FR.UTF-8" },
  en: { DELIB_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "en_US.UTF-8" },
} as const;
type Language = keyof typeof locales;

/** Words that give English away in a French text (under `fr`), and French in an English one (under `en`). */
const giveaways: Record<Language, readonly string[]> = {
  fr: ["the", "file", "error", "found", "should", "must", "with", "missing", "options", "usage", "command", "default", "help"],
  en: ["le", "la", "les", "des", "une", "fichier", "erreur", "aucun", "avec", "doit", "paramètres", "utilisation", "défaut", "aide", "commande", "vérifier", "écrire", "inconnu"],
};

const commands = ["validate", "explain", "build", "preview", "register", "export", "audit", "verify", "init", "schema", "publish", "actes", "sign"] as const;
const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");
const invalid = join(repoRoot, "test/fixtures/invalid/schema-missing-required-field.yaml");

/** The prose of an output: what the clerk types (backticked text, paths, file names, options, the `help` command) taken out. */
function prose(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\S*[/\\]\S*/g, " ")
    .replace(/\S+\.(?:ya?ml|pdf|html|json|csv)\b/g, " ")
    .replace(/(?<!\p{L})--?[\p{L}\d-]+/gu, " ")
    .replace(/^ {2}help(?= \[)/gm, " ");
}

/** The giveaways of another language found in the prose of `text`, written for a reader of `language`. */
function giveawaysIn(text: string, language: Language): string[] {
  const words = prose(text);
  return giveaways[language].filter((word) => new RegExp(`(?<![\\p{L}’'])${word}(?![\\p{L}’'])`, "iu").test(words));
}

/** `run` read by a reader of `language`: none of the other language's words. */
function expectOnly(language: Language, run: CliRun, what: string): void {
  const output = run.stdout + run.stderr;
  expect(output.trim(), `${what}: some output`).not.toBe("");
  expect(giveawaysIn(output, language), `${what} in ${language}:\n${output}`).toEqual([]);
}

const run = (language: Language, args: readonly string[], cwd?: string) => runCli(args, { env: locales[language], cwd });

describe("the reading of an output", () => {
  it("finds commander's English, and French, but not what the clerk types", () => {
    const commander = "Usage: delib [options] [command]\n\nOptions:\n  -h, --help  display help for command\nerror: missing required argument 'files'\n";
    expect(giveawaysIn(commander, "fr")).toEqual(["error", "missing", "options", "usage", "command", "help"]);
    expect(giveawaysIn("erreur : aucun fichier ne correspond", "en")).toEqual(["fichier", "erreur", "aucun"]);
    expect(giveawaysIn("erreur : `missing: the file` dans test/the/file.yaml, avec --help\n  help [commande]", "fr")).toEqual([]);
  });
});

describe.each(["fr", "en"] as const)("with LANG of %s", (language) => {
  it("--help speaks the reader's language, commander's words included", async () => {
    const help = await run(language, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(language === "fr" ? "Utilisation\u00a0: delib [paramètres] [commande]" : "Usage: delib [options] [command]");
    expect(help.stdout).toContain(language === "fr" ? "Codes de sortie\u00a0: 0 succès" : "Exit codes: 0 ok");
    expect(help.stdout).toMatch(/-v, -V, --version/);
    expect(help.stdout).toMatch(/--quiet/);
    expect(help.stdout).toMatch(/--verbose/);
    expectOnly(language, help, "delib --help");
  });

  it.each(commands)("delib %s --help, with the global options", async (command) => {
    const help = await run(language, [command, "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(language === "fr" ? `Utilisation\u00a0: delib ${command}` : `Usage: delib ${command}`);
    expect(help.stdout).toContain(language === "fr" ? "Paramètres généraux" : "Global Options");
    expect(help.stdout).toContain("--lang");
    expectOnly(language, help, `delib ${command} --help`);
  });

  it("a failing validate: the diagnostic, its hints and the summary", async () => {
    const validate = await run(language, ["validate", invalid]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain("DLB2001");
    expectOnly(language, validate, "delib validate (invalid file)");
  });

  it.each([
    [["validate", example, "--frobnicate"]],
    [["validate", example, "--formt", "json"]],
    [["valdate", example]],
    [["build"]],
    [["validate", example, "--format", "docx"]],
    [["build", example, "--format", "docx"]],
    [["build", example, "--out"]],
    [["register"]],
    [["schema", "session", "config"]],
    [["schema", "nothing"]],
    [["--quiet", "--verbose", "validate", example]],
    [["--lang", "de", "validate", example]],
  ])("a usage error: delib %j exits 2 and says why", async (args) => {
    const usage = await run(language, args);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toMatch(language === "fr" ? /^erreur : / : /^error: /);
    expectOnly(language, usage, `delib ${args.join(" ")}`);
  });

  it("the quick start: build the example", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "delib-lang-")), "out");
    const build = await run(language, ["build", example, "--format", "html", "--out", out]);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(language === "fr" ? `écrit : ${out}/2021-06.html` : `wrote ${out}/2021-06.html`);
    expectOnly(language, build, "delib build");
  });

  it("init: the files written and what to do next", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "delib-lang-")), "registre");
    const init = await run(language, ["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-03-12"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(language === "fr" ? "Ensuite : npm install" : "Next: npm install");
    expectOnly(language, init, "delib init");
    const again = await run(language, ["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("DLB5010");
    expectOnly(language, again, "delib init over a register");
  });
});

describe("the reader's language is chosen by --lang, then DELIB_LANG, then the locale", () => {
  const usage = (run: CliRun) => run.stdout.split("\n")[0];

  it("--lang en overrides a French locale, wherever it stands on the line", async () => {
    expect(usage(await runCli(["--lang", "en", "--help"], { env: locales.fr }))).toBe("Usage: delib [options] [command]");
    expect(usage(await runCli(["validate", "--help", "--lang=en"], { env: locales.fr }))).toMatch(/^Usage: delib validate/);
    expect(usage(await runCli(["--lang", "fr", "--help"], { env: locales.en }))).toBe("Utilisation\u00a0: delib [paramètres] [commande]");
  });

  it("DELIB_LANG overrides LANG and LC_ALL; --lang overrides DELIB_LANG", async () => {
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, DELIB_LANG: "en" } }))).toBe("Usage: delib [options] [command]");
    expect(usage(await runCli(["--help"], { env: { ...locales.en, LC_ALL: "en_GB.UTF-8", DELIB_LANG: "fr" } }))).toMatch(/^Utilisation/);
    expect(usage(await runCli(["--lang", "en", "--help"], { env: { ...locales.fr, DELIB_LANG: "fr" } }))).toMatch(/^Usage/);
  });

  it("LC_ALL, then LC_MESSAGES, then LANG", async () => {
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LC_ALL: "en_US.UTF-8" } }))).toMatch(/^Usage/);
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LC_MESSAGES: "en_US.UTF-8" } }))).toMatch(/^Usage/);
    expect(usage(await runCli(["--help"], { env: { ...locales.en, LC_MESSAGES: "fr_FR.UTF-8" } }))).toMatch(/^Utilisation/);
  });

  it("a locale of C or POSIX says nothing: French; a language delib does not speak: English", async () => {
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LANG: "C" } }))).toMatch(/^Utilisation/);
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LANG: "C.UTF-8", LC_ALL: "POSIX" } }))).toMatch(/^Utilisation/);
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LANG: undefined } }))).toMatch(/^Utilisation/);
    expect(usage(await runCli(["--help"], { env: { ...locales.fr, LANG: "de_DE.UTF-8" } }))).toMatch(/^Usage/);
  });

  it("--lang or DELIB_LANG in a language delib does not speak is a usage error, in the reader's language", async () => {
    const flag = await runCli(["--lang", "de", "--version"], { env: locales.fr });
    expect(flag).toMatchObject({ code: 2, stdout: "" });
    expect(flag.stderr).toContain("erreur : `--lang` n’accepte pas `de` : utiliser fr ou en");
    const variable = await runCli(["--version"], { env: { ...locales.en, DELIB_LANG: "de" } });
    expect(variable).toMatchObject({ code: 2, stdout: "" });
    expect(variable.stderr).toBe("error: DELIB_LANG is `de`, a language delib does not speak; use fr or en\n");
  });
});

describe("the conventions of a command line", () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };

  it("-v, -V and --version print the version", async () => {
    for (const flag of ["-v", "-V", "--version"]) expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("--quiet: no list of files written, nothing for a clean file, the errors still", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "delib-quiet-")), "out");
    expect(await runCli(["build", example, "--format", "html", "--out", out, "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await runCli(["-q", "validate", example])).toEqual({ code: 0, stdout: "", stderr: "" });
    const invalidRun = await runCli(["--quiet", "validate", invalid]);
    expect(invalidRun.code).toBe(1);
    expect(invalidRun.stdout).toContain("error DLB2001");
    expect(invalidRun.stdout).toContain("Found 1 error in 1 file.");
  });

  it("--verbose: the time each stage took, on stderr, in the reader's language", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "delib-verbose-")), "out");
    const english = await runCli(["build", example, "--format", "html", "--out", out, "--verbose"]);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain(`wrote ${out}/2021-06.html`);
    expect(english.stderr).toMatch(/^checked 1 file in [\d,]+ ms\nrendered 3 documents in [\d,]+ ms\nwrote 3 files in [\d,]+ ms\n$/);
    const french = await runCli(["validate", example, "--verbose"], { env: locales.fr });
    expect(french.stderr).toMatch(/^1 fichier vérifié en [\d\s\u202f]+ ms\n$/);
  });
});
