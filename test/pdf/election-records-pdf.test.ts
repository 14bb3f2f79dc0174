// The election records (issue 15, part 3), printed by real Chromium and read back page by page
// with poppler (`pdftotext -f N -l N -layout`). The records follow the ministry of the
// Interior's models:
// - « Procès-verbal de l'élection du maire et des adjoints » (communes de moins de 1 000
//   habitants, and de 1 000 habitants et plus): the sitting's heading and the members present,
//   the presidency by the eldest member and the bureau (secretary, two assessors), each round's
//   lines a. to f. (not voting, votants, nuls, blancs, exprimés, majorité absolue), the candidates'
//   or lists' votes « en chiffres » and « en toutes lettres », the proclamation (« a été proclamé
//   maire et a été immédiatement installé »), observations et réclamations, the closing of the
//   record and the signatures of the bureau;
// - « Procès-verbal de l'élection des délégués du conseil municipal et de leurs suppléants en vue
//   de l'élection des sénateurs » (model A, communes de moins de 1 000 habitants; and the model
//   of the communes of 1 000 habitants or more, at the proportional): the same sections, the
//   délégués then the suppléants, the seats' working at the highest average. A filled model A
//   as published: Blacourt (Oise), 9 June 2023,
//   https://blacourt.fr/information/proces-verbal-de-lelection-des-delegues-du-conseil-municipal-et-de-leurs-suppleants-en-vue-de-lelection-des-senateurs-09-juin-2023
// The sittings are test/fixtures/elections/*.yaml (made-up, lawful, hand-computed).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const fixtures = join(repoRoot, "test/fixtures/elections");

/** The text of each page, as `pdftotext -f N -l N -layout` reads it. */
function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }),
  );
}

/**
 * White space collapsed (pdftotext lays columns out with runs of spaces), no-break spaces as
 * spaces, a word cut after its own hyphen at the end of a line joined again (Valmont-sur-|Orge).
 */
function flat(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").replace(/(\p{L})- (\p{L})/gu, "$1-$2");
}

/** A table row as -layout prints it: its cells on one line, in order, whatever the spaces between. */
function row(...cells: string[]): RegExp {
  return new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).join("\\s+"));
}

let dir: string;
/** Each record's pages, by file name, from the first build; the second build's files beside. */
const printed = new Map<string, string[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "delib-election-records-"));
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith(".yaml"))) {
    for (const out of ["first", "again"]) {
      const run = await runCli(["build", join(fixtures, file), "--out", join(dir, out), "--documents", "election"]);
      expect(run.stderr, file).toBe("");
      expect(run.code, file).toBe(0);
    }
  }
  for (const name of readdirSync(join(dir, "first")).filter((f) => f.endsWith(".pdf"))) printed.set(name, pagesOf(join(dir, "first", name)));
}, BUILD_TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pages = (name: string) => {
  const found = printed.get(`${name}.pdf`);
  if (!found) throw new Error(`no record ${name}.pdf among ${[...printed.keys()].join(", ")}`);
  return found;
};

describe("the election records, printed", () => {
  it("prints one record per election motion, named after its deliberation", () => {
    expect([...printed.keys()].sort()).toEqual(
      ["2026-01", "2026-02", "2026-03", "2026-20", "2026-21"].map((n) => `${n}-proces-verbal-election.pdf`),
    );
  });

  it("gives the same bytes when the same files are built again", () => {
    const first = readdirSync(join(dir, "first")).sort();
    expect(readdirSync(join(dir, "again")).sort()).toEqual(first);
    for (const file of first) expect(readFileSync(join(dir, "again", file)).equals(readFileSync(join(dir, "first", file))), file).toBe(true);
  });

  it("puts the running header first and « Page N / M » last on every page", () => {
    for (const [name, document] of printed) {
      const number = name.slice(0, 7);
      document.forEach((page, i) => {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        expect(flat(lines[0]!).trim(), `${name} page ${i + 1}`).toMatch(new RegExp(`— Procès-verbal d’élection, délibération ${number}$`));
        expect(lines[lines.length - 1]!.trim(), `${name} page ${i + 1}`).toBe(`Page ${i + 1} / ${document.length}`);
      });
    }
  });
});

describe("the record of the election of the maire (two rounds)", () => {
  const record = () => pages("2026-01-proces-verbal-election");

  it("prints on page 1 the ministry's heading, the sitting, the members present and the bureau", () => {
    const first = flat(record()[0]!);
    expect(first).toContain("PROCÈS-VERBAL DE L’ÉLECTION DU MAIRE ET DES ADJOINTS");
    expect(first).toContain("Délibération n° 2026-01 : Élection du maire");
    expect(record()[0]).toMatch(row("Effectif légal du conseil municipal", "15"));
    expect(record()[0]).toMatch(row("Nombre de membres en exercice", "15"));
    expect(first).toContain("Le vingt-sept mars deux mille vingt-six à 18 h 30, le conseil municipal de la commune de Valmont-sur-Orge s’est réuni");
    expect(first).toContain("sur convocation en date du vingt-trois mars deux mille vingt-six");
    expect(first).toContain("Mme Odile VIDAL (pouvoir à M. Henri PERRIN)");
    expect(first).toContain("1. Présidence de l’assemblée et constitution du bureau");
    // The eldest presides (CGCT L2122-8): said because the birth dates show it.
    expect(first).toContain("M. Gaston ROUSSEAU, le plus âgé des membres présents, a présidé l’assemblée pendant l’élection.");
    expect(first).toContain("Mme Léa COLLET a été désignée en qualité de secrétaire.");
    expect(first).toContain("Assesseurs : M. Henri PERRIN et Mme Inès BARBIER.");
  });

  it("prints each round's lines a to f and each candidate's votes in figures and in words", () => {
    const all = record().join("\n");
    expect(flat(all)).toContain("2. Mode de scrutin L’élection a lieu au scrutin secret (art. L2122-7 du CGCT).");
    const [round1, round2] = all.split("Deuxième tour de scrutin");
    expect(round1).toMatch(row("b. Nombre de votants (enveloppes ou bulletins déposés)", "14", "quatorze"));
    expect(round1).toMatch(row("e. Nombre de suffrages exprimés [b − c − d]", "14", "quatorze"));
    expect(round1).toMatch(row("f. Majorité absolue", "8", "huit"));
    expect(round1).toMatch(row("M. Bernard LEMOINE", "7", "sept"));
    expect(round1).toMatch(row("Mme Claire FONTAINE", "6", "six"));
    expect(flat(round1!)).toContain("Aucun candidat n’a obtenu la majorité absolue.");
    expect(round2).toMatch(row("d. Nombre de suffrages blancs", "1", "un"));
    expect(round2).toMatch(row("e. Nombre de suffrages exprimés [b − c − d]", "13", "treize"));
    expect(round2).toMatch(row("f. Majorité absolue", "7", "sept"));
    expect(round2).toMatch(row("M. Bernard LEMOINE", "8", "huit"));
    expect(flat(round2!)).toContain("M. Bernard LEMOINE, ayant obtenu la majorité absolue, est élu.");
  });

  it("prints the proclamation, the closing and the bureau's signatures on the last page", () => {
    const last = flat(record()[record().length - 1]!);
    expect(last).toContain("Proclamation des résultats M. Bernard LEMOINE a été proclamé maire et a été immédiatement installé.");
    expect(last).toContain("Observations et réclamations");
    expect(last).toContain("Le présent procès-verbal, dressé et clos le 27 mars 2026");
    for (const signature of ["Le président, Gaston ROUSSEAU", "L’assesseur, Henri PERRIN", "L’assesseure, Inès BARBIER", "La secrétaire, Léa COLLET"]) {
      expect(last.replace(/ {2,}/g, " ")).toMatch(new RegExp(signature.split(" ").join("[\\s\\S]*")));
    }
    // Nothing delib does not know: no « néant » invented for the observations.
    expect(last).not.toMatch(/Observations et réclamations\s+Néant/i);
  });
});

describe("the record of an election decided by age at the third round", () => {
  it("cites the rule of the tie and prints the three rounds", () => {
    const all = flat(pages("2026-02-proces-verbal-election").join("\n"));
    expect(all).toContain("Élection : premier adjoint");
    expect(all).toContain("Troisième tour de scrutin");
    expect(all).toContain("À égalité de suffrages (7 voix) avec M. Denis MARCHAND, Mme Claire FONTAINE est élue au bénéfice de l’âge (art. L2122-7 du CGCT).");
    expect(all).toContain("Mme Claire FONTAINE a été proclamée premier adjoint et a été immédiatement installée.");
  });
});

describe("the record of the délégués sénatoriaux of a commune under 1 000 inhabitants", () => {
  const record = () => pages("2026-20-proces-verbal-election");

  it("follows model A: its title, the bureau électoral of R133 with its four assessors", () => {
    const first = flat(record()[0]!);
    expect(first).toContain("PROCÈS-VERBAL DE L’ÉLECTION DES DÉLÉGUÉS DU CONSEIL MUNICIPAL ET DE LEURS SUPPLÉANTS EN VUE DE L’ÉLECTION DES SÉNATEURS");
    expect(record()[0]).toMatch(row("Nombre de délégués à élire", "3"));
    expect(record()[0]).toMatch(row("Nombre de suppléants à élire", "3"));
    expect(first).toContain("1. Mise en place du bureau électoral");
    expect(first).toContain("Assesseurs : Mme Gisèle HUBERT, M. Fabrice GUILLOT, M. Julien PICARD et M. Hugo LAMBERT.");
  });

  it("elects the third délégué at the second round by relative majority, below the absolute majority", () => {
    const all = record().join("\n");
    const delegates = all.split("4. Élection des suppléants")[0]!;
    const [round1, round2] = delegates.split("Deuxième tour de scrutin");
    expect(round1).toMatch(row("c. Nombre de suffrages déclarés nuls par le bureau", "1", "un"));
    expect(round1).toMatch(row("f. Majorité absolue", "6", "six"));
    expect(flat(round1!)).toContain("Mme Adèle CHAMPION et M. Bruno TESSIER, ayant obtenu la majorité absolue, sont élus.");
    // No absolute majority at the second round: relative, as L288 says.
    expect(round2).not.toMatch(/Majorité absolue/);
    expect(round2).toMatch(row("Mme Cécile RENAUD", "5", "cinq"));
    expect(flat(round2!)).toContain("À ce tour, la majorité relative suffit (Code électoral L288).");
    expect(flat(round2!)).toContain("Mme Cécile RENAUD, ayant obtenu le plus grand nombre de voix, est élue.");
  });

  it("proclaims the délégués and the suppléants (an elector not on the council among them) on the last page", () => {
    const last = flat(record()[record().length - 1]!);
    expect(last).toContain("Ont été proclamés délégués, dans l’ordre suivant : 1. Mme Adèle CHAMPION ; 2. M. Bruno TESSIER ; 3. Mme Cécile RENAUD.");
    expect(last).toContain("Ont été proclamés suppléants, dans l’ordre suivant : 1. M. Fabrice GUILLOT ; 2. Mme Gisèle HUBERT ; 3. Mme Yvette DAUMAS.");
    expect(last).toMatch(/La présidente,[\s\S]*Adèle CHAMPION/);
  });
});

describe("the record of the adjoints elected on a list (1 000 inhabitants or more)", () => {
  const record = () => pages("2026-03-proces-verbal-election");

  it("prints the lists' votes in figures and in words, and the list elected in its order", () => {
    const all = record().join("\n");
    expect(flat(all)).toContain("L’élection a lieu au scrutin de liste, sans panachage ni vote préférentiel");
    expect(flat(all)).toContain("Chaque liste est composée alternativement d’un candidat de chaque sexe (art. L2122-7-2 du CGCT).");
    expect(all).toMatch(row("Ensemble pour Montreuil", "6", "six"));
    expect(all).toMatch(row("f. Majorité absolue", "10", "dix"));
    expect(flat(all)).toContain("Ont été proclamés adjoints et immédiatement installés, dans l’ordre suivant : 1. Mme Marie DUVAL ; 2. M. Rémi ESTIENNE ; 3. Mme Sarah FERRY ; 4. M. Thomas GAUDIN.");
  });

  it("prints a hostile list name as text: no markup run, no template expression expanded", () => {
    const all = flat(record().join("\n"));
    expect(all).toContain("Agir <script>alert(1)</script> {{doc.title}} & Cie");
    const html = readFileSync(join(dir, "first", "2026-03-proces-verbal-election.html"), "utf8");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Agir &lt;script&gt;alert(1)&lt;/script&gt; {{doc.title}} &amp; Cie");
  });
});

describe("the record of the délégués sénatoriaux at the proportional (highest average)", () => {
  it("shows the seats' working, seat by seat, with the tie broken by the most votes and its article", () => {
    const all = record().join("\n");
    const text = flat(all);
    expect(text).toContain("3 sièges répartis à la représentation proportionnelle suivant la règle de la plus forte moyenne (Code électoral L289).");
    expect(all).toMatch(row("Bréhan demain", "10", "dix"));
    expect(all).toMatch(row("Vivre à Bréhan", "5", "cinq"));
    expect(all).toMatch(row("Bréhan demain", "10", "2", "Mme Alice AUBERT et M. Benoît BOYER"));
    expect(text).toContain("Siège 1 : Bréhan demain (Mme Alice AUBERT), à la plus forte moyenne (10)");
    // Tied at 5 for seats 2 and 3, each list takes one: the tie decided nothing and is not printed.
    expect(text).toContain("Siège 2 : Bréhan demain (M. Benoît BOYER), à la plus forte moyenne (5) Siège 3");
    expect(text).not.toContain("à égalité avec Vivre à Bréhan");
    expect(text).toContain("Siège 3 : Vivre à Bréhan (M. Michel MAILLARD), à la plus forte moyenne (5)");
    expect(text).toContain("Sont élus suppléants : Mme Carole CLEMENT, M. Didier DENIS et Mme Nina NOEL.");
  });

  const record = () => pages("2026-21-proces-verbal-election");
});

// Two sittings of the review (test/fixtures/elections/review/): a record that does not name two
// proxy holders, and an election that fills two seats of three. Built apart: they warn.
describe("records of the review, printed", () => {
  const review = join(fixtures, "review");
  const text = new Map<string, string>();

  beforeAll(async () => {
    for (const [file, out] of [["maire-mandataire-non-mentionne.yaml", "unnamed"], ["cao-partiellement-pourvue.yaml", "partial"]] as const) {
      const run = await runCli(["build", join(review, file), "--out", join(dir, out), "--documents", "election,extract"]);
      expect(run.code, file).toBe(0);
      for (const name of readdirSync(join(dir, out)).filter((f) => f.endsWith(".pdf"))) text.set(`${out}/${name}`, flat(pagesOf(join(dir, out, name)).join("\n")));
    }
  }, BUILD_TIMEOUT);

  it("a proxy holder the record does not name: no civility guessed, the figures that depend on it marked and noted", () => {
    const record = text.get("unnamed/E1-proces-verbal-election.pdf")!;
    expect(record).toContain("M. Noël NOEL (pouvoir, mandataire non mentionné au registre) et Mme Odile OGER (pouvoir, mandataire non mentionné au registre)");
    expect(record).not.toMatch(/pouvoir à M\. \)|pouvoir à Mme \)/);
    expect(record).toMatch(/Nombre de membres représentés 2\* Nombre de votants 15\*/);
    expect(record).toContain("* représentés, votants : le pouvoir de M. Noël NOEL est compté comme au registre, qui ne mentionne pas le mandataire");
  });

  it("two seats of three filled: those elected, the seat left, the extract executory, the post once, no letters", () => {
    const record = text.get("partial/E1-proces-verbal-election.pdf")!;
    expect(record).toContain("Ont été proclamés élus (membres de la CAO), dans l’ordre suivant : 1. Mme Cécile CHEVAL ; 2. M. Bernard BLANC. Un siège reste à pourvoir.");
    const extract = text.get("partial/E1.pdf")!;
    expect(extract).toContain("Sont élus : Mme Cécile CHEVAL et M. Bernard BLANC. Un siège reste à pourvoir.");
    expect(extract).toContain("Caractère exécutoire");
    expect(extract).not.toContain("sans élu");
    expect(extract.split("Élection : membres de la CAO")).toHaveLength(2);
    expect(extract).not.toContain("Élection des suppléants");
    expect(extract).not.toContain("[b − c − d]");
  });
});
