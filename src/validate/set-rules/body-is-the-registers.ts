import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/** A register holds the deliberations of one body: each session names the body of delib.config.yaml. */
export function bodyIsTheRegisters(set: FileSet): SetFinding[] {
  const body = set.config.body;
  if (!body) return [];
  return set.sessions
    .filter((s) => s.bodyName !== body.name)
    .map((s) => ({
      severity: "error" as const,
      code: "DLB3708",
      message: msg("DLB3708", { here: s.bodyName, config: body.name }),
      hints: [msg("DLB3708.hint")],
      file: s.path,
      at: ["body", "name"],
      related: [{ file: undefined, at: ["body", "name"], message: msg("DLB3708.related") }],
    }));
}
