import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { unknownFacts } from "../../model/unknown-facts.js";
import type { RuleContext } from "../rule.js";

/**
 * `unknown` (or `non mentionné`) is for a record already adopted and signed that does not give a
 * fact (`record: transcribed`, or `delib audit`): a sitting being prepared is the clerk's own
 * record, and every fact it prints must be written (issue 15, part 4).
 */
export function unknownFactsAreTranscribed({ session, transcribed, locate }: RuleContext): Diagnostic[] {
  if (transcribed) return [];
  return unknownFacts(session).map((fact) => {
    const value = String(valueAt(session, fact.path));
    return diagnostic({
      code: "DLB3130",
      message: msg("DLB3130", { value }),
      span: locate(fact.path),
      hints: [msg("DLB3130.hint", { fact: fact.kind }), msg("DLB3130.hint.transcribed")],
    });
  });
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}
