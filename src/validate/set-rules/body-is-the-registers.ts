import type { FileSet, SetFinding } from "./set-rule.js";

/** A register holds the deliberations of one body: each session names the body of delib.config.yaml. */
export function bodyIsTheRegisters(set: FileSet): SetFinding[] {
  const body = set.config.body;
  if (!body) return [];
  return set.sessions
    .filter((s) => s.bodyName !== body.name)
    .map((s) => ({
      severity: "error" as const,
      code: "DLB3708",
      message: `the body is named « ${s.bodyName} » here, but « ${body.name} » in delib.config.yaml`,
      hints: ["a register holds the deliberations of one body: make the names agree"],
      file: s.path,
      at: ["body", "name"],
      related: [{ file: undefined, at: ["body", "name"], message: "the name in delib.config.yaml" }],
    }));
}
