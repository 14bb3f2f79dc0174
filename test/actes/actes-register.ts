// A register in a temporary folder for `delib actes`: the configuration with its `actes:`
// block, and the sitting of 12 December 2023 of Marcilly-sur-Aubrette (examples/).
import { checkSessions, type CheckedFile } from "../../src/check.js";
import type { ActesSitting } from "../../src/actes/actes-packages.js";
import { marcilly, marcillyBody, register } from "../export/temp-register.js";

export const actesBlock = `actes:
  arrondissement: 2
  nature: "31"
  classification_date: 2023-06-01
  return_emails: [mairie@marcilly.example.fr, secretariat@marcilly.example.fr]
  contact: { name: Claire Martin, phone: 03 26 00 00 00, email: mairie@marcilly.example.fr }
`;

export const actesConfig = `format: 1\n${marcillyBody}${actesBlock}`;

/** A register holding `config` and `sitting` (seances/2023-12-12.yaml); returns its folder and the sitting's path. */
export function actesRegister(overrides: { config?: string | null; sitting?: string } = {}): { dir: string; file: string } {
  const files: Record<string, string> = { "seances/2023-12-12.yaml": overrides.sitting ?? marcilly() };
  if (overrides.config !== null) files["delib.config.yaml"] = overrides.config ?? actesConfig;
  const dir = register(files);
  return { dir, file: "seances/2023-12-12.yaml" };
}

/** The sitting checked as `delib actes` checks it. */
export async function checkedSitting(dir: string, file: string): Promise<ActesSitting & { checked: CheckedFile }> {
  const set = await checkSessions([file], { cwd: dir });
  const checked = set.files[0]!;
  if (!set.ok || !checked.outcome || !checked.parsed) throw new Error(`the sitting does not check: ${JSON.stringify(set.diagnostics.map((d) => d.code))}`);
  return { outcome: checked.outcome, source: checked.parsed, config: checked.config, checked };
}
