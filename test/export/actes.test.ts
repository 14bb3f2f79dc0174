// The @CTES classification delib ships and the ACTES number it derives from a deliberation's.
import { describe, expect, it } from "vitest";
import { actesNumber, findMatiere, isActesNumber, loadActesClassification, scdlMatiereName } from "../../src/law/actes.js";

describe("actesNumber", () => {
  it("upper-cases the number and turns - . and spaces into _", () => {
    expect(actesNumber("2021-06")).toBe("2021_06");
    expect(actesNumber("cm.2024-03")).toBe("CM_2024_03");
    expect(actesNumber("DE 2024 12")).toBe("DE_2024_12");
    expect(actesNumber("20241209_MR02")).toBe("20241209_MR02");
    expect(actesNumber("12")).toBe("12");
  });

  it("keeps what it does not map, for the check to refuse", () => {
    expect(actesNumber("2024/12")).toBe("2024/12");
    expect(actesNumber("é-1")).toBe("É_1");
  });

  it("is checked against s2low's rule: 1 to 15 of A-Z 0-9 _, not starting or ending with _", () => {
    for (const ok of ["1", "A", "2021_06", "CC2024_041", "CD_2024_07", "20241209_MR02", "ABCDEFGHIJKLMNO"]) expect(isActesNumber(ok), ok).toBe(true);
    for (const bad of ["", "_", "_1", "1_", "2024_02_", "ABCDEFGHIJKLMNOP", "2024/12", "É_1", "a1", "2021-06"]) expect(isActesNumber(bad), bad).toBe(false);
    expect(isActesNumber(actesNumber("CM-2024-ECOLE-0001"))).toBe(false); // 18 characters
    expect(isActesNumber(actesNumber("2024-02-"))).toBe(false); // ends with _
    expect(isActesNumber(actesNumber("cm.2024-03"))).toBe(true);
  });
});

describe("the @CTES classification (law/actes-matieres.yaml)", () => {
  const classification = loadActesClassification();

  it("has the nine level-1 matières, with the labels the SCDL check knows", () => {
    expect(classification.map((t) => `${t.code} ${t.label}`)).toEqual([
      "1 Commande publique",
      "2 Urbanisme",
      "3 Domaine et patrimoine",
      "4 Fonction publique",
      "5 Institutions et vie politique",
      "6 Libertés publiques et pouvoirs de police",
      "7 Finances locales",
      "8 Domaines de compétences par thèmes",
      "9 Autres domaines de compétences",
    ]);
  });

  it("has exactly the level-2 codes the SCDL schema allows (1.1–1.7 … 9.4)", () => {
    const ranges: [string, number][] = [["1", 7], ["2", 3], ["3", 6], ["4", 5], ["5", 8], ["6", 5], ["7", 10], ["8", 9], ["9", 4]];
    const expected = ranges.flatMap(([l1, n]) => Array.from({ length: n }, (_, i) => `${l1}.${i + 1}`));
    expect(classification.flatMap((t) => t.matieres.map((m) => m.code))).toEqual(expected);
  });

  it("finds a level-2 code, and a deeper one by its level-2 prefix", () => {
    expect(findMatiere("7.1")).toMatchObject({ level2: "7.1", theme: { code: "7" }, matiere: { code: "7.1", label: "Décisions budgétaires" } });
    expect(findMatiere("7.10").matiere?.label).toBe("Divers");
    // Levels 3 to 5 are each préfecture's own: known when the level-2 prefix is.
    expect(findMatiere("3.1.2")).toMatchObject({ level2: "3.1", matiere: { label: "Acquisitions" } });
    expect(findMatiere("5.7.1.4.2").matiere?.code).toBe("5.7");
  });

  it("does not find a level-2 code the classification lacks", () => {
    expect(findMatiere("7.11")).toMatchObject({ level2: "7.11", theme: { code: "7" }, matiere: undefined });
    expect(findMatiere("1.8").matiere).toBeUndefined();
    expect(findMatiere("7.01").matiere).toBeUndefined();
    expect(findMatiere("9.5.1")).toMatchObject({ level2: "9.5", matiere: undefined });
  });

  it("names a matière as the SCDL asks: lower case, accented, no commas or parentheses, a bare slash", () => {
    const name = (code: string): string => {
      const found = findMatiere(code);
      return scdlMatiereName(found.theme!, found.matiere!);
    };
    expect(name("8.4")).toBe("domaines de compétences par thèmes/aménagement du territoire");
    expect(name("1.5")).toBe("commande publique/transactions protocole d'accord transactionnel");
    expect(name("5.1")).toBe("institutions et vie politique/élection exécutif");
    expect(name("6.5")).toBe("libertés publiques et pouvoirs de police/actes pris au nom de l'état");
    expect(name("4.1")).toBe("fonction publique/personnels titulaires et stagiaires de la f.p.t.");
    for (const theme of classification) {
      for (const matiere of theme.matieres) {
        const n = scdlMatiereName(theme, matiere);
        expect(n, matiere.code).toBe(n.toLowerCase());
        expect(n, matiere.code).not.toMatch(/[,()]|\s\/|\/\s|\s\s/);
        expect(n.split("/"), matiere.code).toHaveLength(2);
      }
    }
  });
});
