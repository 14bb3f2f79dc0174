// The files of a new register repository (`delib init`): the configuration, a first session
// that validates, a .gitignore for outputs, a CI workflow and a pre-commit hook. Pure.
import type { BodyKind } from "../model/session.js";

export interface ScaffoldOptions {
  readonly name: string;
  readonly kind: BodyKind;
  readonly assembly: string;
  /** The first sitting's date, YYYY-MM-DD. */
  readonly date: string;
  /** The delib version the repository installs. */
  readonly version: string;
}

export interface ScaffoldFile {
  readonly path: string;
  readonly contents: string;
  readonly executable?: boolean;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
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
  const year = options.date.slice(0, 4);
  const session = `# yaml-language-server: $schema=../node_modules/delib/schemas/session.schema.json
#
# Première séance du registre : remplacez les membres, les présences et la délibération par les
# vôtres. \`npx delib validate seances/*.yaml\` vérifie le fichier ; \`npx delib build\` produit
# les documents.
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
    member: martin       # la qualité imprimée suit le type d'organe (« Le Maire », « La Présidente »…) ; \`capacity:\` pour une autre

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
  const config = `# delib.config.yaml — ce que partagent toutes les séances de ce registre.
format: 1

body:
  name: ${yamlString(options.name)}
  kind: ${options.kind}
  assembly: ${yamlString(options.assembly)}
  # siret: "00000000000000"     # 14 chiffres, pour l'export en données ouvertes (SCDL)
  # departement: "000"          # pour les identifiants de la préfecture

# La forme des numéros de délibération : {year} l'année, {seq:02} le numéro d'ordre de l'année.
numbering:
  pattern: "{year}-{seq:02}"

# L'en-tête de chaque document, sans modèle à écrire : décommentez et complétez.
# identity:
#   departement: Département de …
#   arrondissement: Arrondissement de …
#   seat: …                       # la commune siège : « Pour extrait conforme, à … »
#   address: [Mairie, …, 00000 …]
#   logo: ./images/logo.png

# Les voies et délais de recours imprimées au bas de chaque extrait.
# recourse:
#   court: Tribunal administratif de …
#   address: …

# Les mots du tableau des présences : un membre qui a donné pouvoir est « excusé » ou « absent ».
# attendance:
#   represented: excused

# Un modèle propre (mise en page, feuille de style) : décommentez et créez le dossier.
# templates: ./modele
`;
  const workflow = `# Vérifie chaque séance à chaque envoi, et joint les PDF au résultat.
name: Registre des délibérations
on: [push, pull_request]
jobs:
  verifier:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # l'historique complet, pour delib verify
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: npx delib validate 'seances/**/*.yaml' --format github
      - run: sudo apt-get update && sudo apt-get install -y chromium
      - run: npx delib build seances/*.yaml --out documents
      - uses: actions/upload-artifact@v4
        with:
          name: documents
          path: documents/
`;
  const hook = `#!/bin/sh
# Refuse un commit dont une séance a une erreur. Activez-le une fois : git config core.hooksPath .githooks
files=$(git diff --cached --name-only --diff-filter=ACM -- 'seances/*.yaml' 'seances/**/*.yaml' 'delib.config.yaml')
[ -z "$files" ] && exit 0
exec npx --no-install delib validate --format short $files
`;
  const packageJson = `${JSON.stringify(
    {
      name: "registre-des-deliberations",
      private: true,
      description: `Registre des délibérations — ${options.name}`,
      scripts: { validate: "delib validate 'seances/**/*.yaml'", build: "delib build seances/*.yaml --out documents" },
      devDependencies: { delib: `^${options.version}` },
    },
    null,
    2,
  )}\n`;
  return [
    { path: "delib.config.yaml", contents: config },
    { path: `seances/${options.date}.yaml`, contents: session },
    { path: ".gitignore", contents: "node_modules/\nout/\ndocuments/\n" },
    { path: "package.json", contents: packageJson },
    { path: ".github/workflows/delib.yml", contents: workflow },
    { path: ".githooks/pre-commit", contents: hook, executable: true },
  ];
}
