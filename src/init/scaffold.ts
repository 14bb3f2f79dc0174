// The files of a new register repository (`delib init`): the configuration, a first session
// that validates, a .gitignore for outputs, a CI workflow and a pre-commit hook. Pure but for
// reading the catalogues. What the clerk reads in them (comments, the workflow's name) is in the
// reader's language (locales/messages/<language>/init.json); the act itself (the first sitting's
// place, motion and visas) is French in both, as every document delib prints.
import { translator, type Language } from "../diagnostics/translator.js";
import type { BodyKind } from "../model/session.js";
import { schemaFileName, type SchemaName } from "./schema-language.js";

export interface ScaffoldOptions {
  readonly name: string;
  readonly kind: BodyKind;
  readonly assembly: string;
  /** The first sitting's date, YYYY-MM-DD. */
  readonly date: string;
  /**
   * What the register's package.json asks npm for, as `delib init` found it installed: a
   * version range (`^0.2.0`) for the published package, `file:…` for a tarball or a copy,
   * a git URL (`--delib` says otherwise).
   */
  readonly dependency: string;
  /**
   * The language of the comments written into the files and of the schema their editor
   * modeline names (the French schema for "fr"); "fr" by default.
   */
  readonly language?: Language;
}

export interface ScaffoldFile {
  readonly path: string;
  readonly contents: string;
  readonly executable?: boolean;
}

/** The width of a comment line, `# ` included. */
const COMMENT_WIDTH = 100;

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** `text` as a YAML scalar: as it is when it reads back the same, quoted otherwise. */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][^:#"'\n]*$/u.test(text) && text.trim() === text ? text : yamlString(text);
}

/** `text` as comment lines (`# `, then `indent`), wrapped between words, never inside `code`. */
function comment(text: string, indent = ""): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.match(/(?:`[^`]*`|\S)+/g) ?? []) {
      if (line !== "" && `# ${indent}${line} ${word}`.length > COMMENT_WIDTH) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((line) => `# ${indent}${line}`.trimEnd()).join("\n");
}

/**
 * The modeline of a YAML file `depth` folders below the register's root: the schema of `name` in
 * `language`, as `npm install` puts it in the register (node_modules/delib/schemas/), relative to the file.
 */
function modeline(name: SchemaName, language: Language, depth: number): string {
  const up = depth === 0 ? "./" : "../".repeat(depth);
  return `# yaml-language-server: $schema=${up}node_modules/delib/schemas/${schemaFileName(name, language)}`;
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** « de la commune de Saint-Amand » from « Commune de Saint-Amand »: a first guess the clerk checks. */
function nameInText(name: string): string {
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  if (/^(commune|communauté|métropole|région)\b/i.test(name)) return `de la ${lower}`;
  if (/^[aeiouéèêh]/i.test(name)) return `de l'${name}`;
  return `du ${name}`;
}

/** Every file of a new register. */
export function scaffold(options: ScaffoldOptions): ScaffoldFile[] {
  const language = options.language ?? "fr";
  const { t } = translator(language);
  const year = options.date.slice(0, 4);
  const session = `${modeline("session", language, 1)}
#
${comment(t("init.scaffold.session.header"))}
#
${comment(t("init.scaffold.editor_help"))}
format: 1

body:
  name: ${yamlString(options.name)}
  name_in_text: ${yamlString(nameInText(options.name))}
  kind: ${options.kind}
  assembly: ${yamlString(options.assembly)}

session:
  date: ${options.date}
  time: "18:30"
  place: à la salle du conseil
  convened_on: ${daysBefore(options.date, 7)}
  president: martin
  secretaries: [leroy]
  signatory:
    member: martin       # ${t("init.scaffold.session.signatory")}

members:
  - { id: martin, civility: Mme, first_name: Sophie, last_name: MARTIN }
  - { id: bernard, civility: M., first_name: Pierre, last_name: BERNARD }
  - { id: leroy, civility: Mme, first_name: Claire, last_name: LEROY }
  - { id: moreau, civility: M., first_name: Julien, last_name: MOREAU }
  - { id: petit, civility: Mme, first_name: Anne, last_name: PETIT }

attendance:
  martin: present
  bernard: present
  leroy: present
  moreau: { represented_by: bernard }
  petit: excused

motions:
  - number: "${year}-01"
    title: Approbation du procès-verbal de la séance précédente
    visas:
      - Vu le Code général des collectivités territoriales, notamment son article L2121-15,
    decisions:
      - verb: APPROUVE
        articles:
          - Le procès-verbal de la séance précédente.
    vote: { unanimous: true }
`;
  const config = `${modeline("config", language, 0)}
#
${comment(t("init.scaffold.config.header"))}
#
${comment(t("init.scaffold.editor_help"))}
format: 1

body:
  name: ${yamlString(options.name)}
  kind: ${options.kind}
  assembly: ${yamlString(options.assembly)}
  # siret: "00000000000000"     # ${t("init.scaffold.config.siret")}
  # departement: "000"          # ${t("init.scaffold.config.departement")}

${comment(t("init.scaffold.config.numbering", { year: "{year}", seq: "{seq:02}" }))}
numbering:
  pattern: "{year}-{seq:02}"

${comment(t("init.scaffold.config.identity"))}
# identity:
#   departement: Département de …
#   arrondissement: Arrondissement de …
#   seat: …                       # ${t("init.scaffold.config.identity_seat")}
#   address: [Mairie, …, 00000 …]
#   logo: ./images/logo.png

${comment(t("init.scaffold.config.recourse"))}
# recourse:
#   court: Tribunal administratif de …
#   address: …

${comment(t("init.scaffold.config.attendance"))}
# attendance:
#   represented: excused

${comment(t("init.scaffold.config.templates"))}
# templates: ./modele
`;
  const workflow = `${comment(t("init.scaffold.workflow.about"))}
name: ${yamlScalar(t("init.scaffold.workflow.name"))}
on: [push, pull_request]
jobs:
  verifier:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # ${t("init.scaffold.workflow.history")}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: npx delib validate --format github
      - run: sudo apt-get update && sudo apt-get install -y chromium
      - run: npx delib build seances/*.yaml --out documents
      - uses: actions/upload-artifact@v4
        with:
          name: documents
          path: documents/
`;
  // The site (`delib publish`) deployed to GitHub Pages: the permissions deploy-pages needs
  // (pages, id-token), the whole history for the « mis en ligne » dates, Chromium from apt.
  const pages = `${comment(t("init.scaffold.pages.about"))}
name: ${yamlScalar(t("init.scaffold.pages.name"))}
on:
  push:
    branches: [main, master]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  publier:
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deploiement.outputs.page_url }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # ${t("init.scaffold.pages.history")}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: sudo apt-get update && sudo apt-get install -y chromium   # ${t("init.scaffold.pages.chromium")}
      - run: npx delib publish --out site
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site/
      - id: deploiement
        uses: actions/deploy-pages@v4
`;
  const hook = `#!/bin/sh
${comment(t("init.scaffold.hook.about"))}
delib=./node_modules/.bin/delib
[ -x "$delib" ] || delib="npx --no-install delib"
exec $delib validate --staged --cache --format short
`;
  const packageJson = `${JSON.stringify(
    {
      name: "registre-des-deliberations",
      private: true,
      description: t("init.scaffold.package.description", { name: options.name }),
      scripts: { validate: "delib validate 'seances/**/*.yaml'", build: "delib build seances/*.yaml --out documents" },
      devDependencies: { delib: options.dependency },
    },
    null,
    2,
  )}\n`;
  return [
    { path: "delib.config.yaml", contents: config },
    { path: `seances/${options.date}.yaml`, contents: session },
    { path: ".gitignore", contents: "node_modules/\nout/\ndocuments/\nsite/\n" },
    { path: "package.json", contents: packageJson },
    { path: ".github/workflows/delib.yml", contents: workflow },
    { path: ".github/workflows/publier.yml", contents: pages },
    { path: ".githooks/pre-commit", contents: hook, executable: true },
  ];
}
