// The pipeline's checking half, one call per stage: load, parse, validate, check rules, tally.
// Rendering is in documents.ts, printing in browser/, writing in output/: `delib validate`
// loads none of them.
import { hasErrors, type Diagnostic, type SourceFile } from "./diagnostics/diagnostic.js";
import type { Session } from "./model/session.js";
import { loadSource, loadSourceSync } from "./source/load-source.js";
import { parseYaml } from "./source/parse-yaml.js";
import { loadLaw } from "./law/load-law.js";
import type { Outcome } from "./tally/outcome.js";
import { presenceByMotion } from "./tally/presence.js";
import { tally } from "./tally/tally.js";
import { checkRules } from "./validate/check-rules.js";
import { validateSchema } from "./validate/validate-schema.js";

/** What checking one session file gives: the outcome when the file is valid, and every finding. */
export interface Checked {
  readonly path: string;
  readonly source: SourceFile | undefined;
  readonly outcome: Outcome | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks one session text: YAML, schema, legal rules, then the count. Pure. */
export function checkText(source: SourceFile): Checked {
  const parsed = parseYaml(source);
  if (!parsed.value) return { path: source.path, source, outcome: undefined, diagnostics: parsed.diagnostics };
  const validated = validateSchema(parsed.value);
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (!validated.value) return { path: source.path, source, outcome: undefined, diagnostics };
  // The count runs on any schema-valid session; the rules then check the very figures it
  // computed, and the outcome is handed on only when they find no error.
  const outcome = tallySession(validated.value);
  diagnostics.push(...checkRules(parsed.value, outcome, presenceByMotion(outcome.session, outcome.rules)));
  if (hasErrors(diagnostics)) return { path: source.path, source, outcome: undefined, diagnostics };
  return { path: source.path, source, outcome, diagnostics };
}

/** Counts a session under the law delib ships (law/*.yaml). */
export function tallySession(session: Session): Outcome {
  return tally(session, loadLaw());
}

/** Reads and checks one session file. */
export async function checkFile(path: string): Promise<Checked> {
  const loaded = await loadSource(path);
  if (!loaded.value) return { path, source: undefined, outcome: undefined, diagnostics: loaded.diagnostics };
  return checkText(loaded.value);
}

/** Reads and checks one session file, synchronously (for batches of many files). */
export function checkFileSync(path: string): Checked {
  const loaded = loadSourceSync(path);
  if (!loaded.value) return { path, source: undefined, outcome: undefined, diagnostics: loaded.diagnostics };
  return checkText(loaded.value);
}

