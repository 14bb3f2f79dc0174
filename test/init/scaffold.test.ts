// The files `delib init` writes, in the reader's language: the comments and names the clerk reads
// in French or in English, and a schema modeline naming the schema in that language where
// `npm install` puts it in the register.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { catalogueOf, type Language } from "../../src/diagnostics/translator.js";
import { scaffold, type ScaffoldOptions } from "../../src/init/scaffold.js";
import { schemaFileName } from "../../src/init/schema-language.js";
import { runCli } from "../support/run-cli.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const options: ScaffoldOptions = { name: "Commune de Saint-Amand-sur-Ornain", kind: "commune", assembly: "conseil municipal", date: "2024-03-12", dependency: "^0.1.0" };

function write(language: Language): string {
  const dir = mkdtempSync(join(tmpdir(), `delib-scaffold-${language}-`));
  for (const file of scaffold({ ...options, language })) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  return dir;
}

/** The schema a YAML file's modeline names, resolved as the YAML language server does: from the file's folder. */
function modelineTarget(dir: string, path: string): string | undefined {
  const first = readFileSync(join(dir, path), "utf8").split("\n")[0]!;
  const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  return match ? relative(dir, resolve(dirname(join(dir, path)), match[1]!)) : undefined;
}

describe.each(["fr", "en"] as const)("delib init in %s", (language) => {
  const files = scaffold({ ...options, language });
  const text = (path: string) => files.find((f) => f.path === path)!.contents;

  it("names, on the first line of each YAML file, the schema in that language where npm install puts it", () => {
    const dir = write(language);
    expect(modelineTarget(dir, "seances/2024-03-12.yaml")).toBe(`node_modules/delib/schemas/${schemaFileName("session", language)}`);
    expect(modelineTarget(dir, "delib.config.yaml")).toBe(`node_modules/delib/schemas/${schemaFileName("config", language)}`);
    // The package ships schemas/ (package.json "files"); the English file is the source, the
    // French one is built there by scripts/build-schemas.mjs under the same name.
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("schemas");
    expect(existsSync(join(repoRoot, "schemas", schemaFileName("session", "en")))).toBe(true);
  });

  it("writes every comment, the workflow's name and the package's description in that language", () => {
    const all = files.map((f) => f.contents).join("\n").replace(/\n# ?/g, " ");
    const catalogue = catalogueOf(language);
    for (const [id, message] of Object.entries(catalogue).filter(([id]) => id.startsWith("init.scaffold."))) {
      // Each text as written, its values aside (the body's name, `{year}`), each line wrapped as a comment.
      for (const piece of message.split(/\{[^}]*\}|\n/).map((p) => p.trim()).filter((p) => p.length > 3)) {
        expect(all.replace(/\s+/g, " "), id).toContain(piece.replace(/\s+/g, " "));
      }
    }
    const workflow = jsYaml.load(text(".github/workflows/delib.yml")) as { name: string; jobs: Record<string, unknown> };
    expect(workflow.name).toBe(language === "fr" ? "Registre des délibérations" : "Register of deliberations");
    expect(Object.keys(workflow.jobs)).toEqual(["verifier"]);
    expect((JSON.parse(text("package.json")) as { description: string }).description).toBe(
      `${language === "fr" ? "Registre des délibérations" : "Register of deliberations"} — Commune de Saint-Amand-sur-Ornain`,
    );
  });

  it("keeps the act itself in French, the language of the register", () => {
    const session = jsYaml.load(text("seances/2024-03-12.yaml")) as { session: { place: string }; motions: { title: string }[] };
    expect(session.session.place).toBe("à la salle du conseil");
    expect(session.motions[0]!.title).toBe("Approbation du procès-verbal de la séance précédente");
  });

  it("writes a register that validates, its commented configuration too once filled", async () => {
    const dir = write(language);
    expect(await runCli(["validate", "seances/**/*.yaml", "delib.config.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "No problems found in 2 files.\n" });
    const config = readFileSync(join(dir, "delib.config.yaml"), "utf8");
    const uncommented = config
      .split("\n")
      .map((line) => (/^# (identity|recourse|attendance|templates):|^#   (?!logo)\w+:/.test(line) ? line.slice(2).replace(/…/g, "Viens") : line))
      .join("\n");
    expect(uncommented).toContain("\nidentity:\n");
    mkdirSync(join(dir, "modele"));
    writeFileSync(join(dir, "delib.config.yaml"), uncommented);
    expect(await runCli(["validate", "seances/**/*.yaml", "delib.config.yaml"], { cwd: dir })).toMatchObject({ code: 0 });
  });
});

describe("delib init's language", () => {
  it("is French unless told otherwise", () => {
    expect(scaffold(options)).toEqual(scaffold({ ...options, language: "fr" }));
    expect(scaffold(options).find((f) => f.path === "delib.config.yaml")!.contents.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/delib/schemas/config.schema.fr.json");
  });
});
