// The open-data file's PREF_ID names the sous-préfecture when the configuration sends the acts
// there (`actes.destination: sous_prefecture`): `SPREF` + département + arrondissement, as the
// SCDL « Délibérations » schema 2.1 spells PREF_ID (`SPREFNNNM`). Before, delib always wrote
// `PREF` + département.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prefectureId } from "../../src/law/actes.js";
import { config, csvRecords, marcilly, register, runExport, secondSitting } from "../export/temp-register.js";

const actes = (destination: string) => `actes:\n  arrondissement: 2\n${destination}  nature: "31"\n  classification_date: 2023-06-01\n  return_emails: [mairie@marcilly.example.fr]\n`;

async function prefIds(configText: string): Promise<string[]> {
  const dir = register({ "delib.config.yaml": configText, "seances/2023-12-12.yaml": marcilly(), "seances/2024-03-26.yaml": secondSitting() });
  const run = await runExport([join(dir, "seances/2023-12-12.yaml"), join(dir, "seances/2024-03-26.yaml")]);
  expect(run.stderr).toBe("");
  return csvRecords(run.stdout).map((r) => r.PREF_ID!).filter((id) => id !== "");
}

describe("PREF_ID of a transmitted act", () => {
  it("is the sous-préfecture's, SPREF0512, when `actes.destination` says so", async () => {
    expect(await prefIds(`${config}${actes("  destination: sous_prefecture\n")}`)).toEqual(["SPREF0512"]);
  });

  it("stays the préfecture's, PREF051, by default and with `destination: prefecture`", async () => {
    expect(await prefIds(config)).toEqual(["PREF051"]);
    expect(await prefIds(`${config}${actes("")}`)).toEqual(["PREF051"]);
    expect(await prefIds(`${config}${actes("  destination: prefecture\n")}`)).toEqual(["PREF051"]);
  });

  it("is 9 characters for a sous-préfecture, 7 for a préfecture, Corsica included (SCDL PREF_ID)", () => {
    expect(prefectureId("02A", { arrondissement: 1, subPrefecture: true })).toBe("SPREF02A1");
    expect(prefectureId("02A")).toBe("PREF02A");
  });
});
