// Runs the register-wide checks for the files given: grouped by the delib.config.yaml above
// them, each finding located in its file.
import { dirname, resolve } from "node:path";
import { findConfig, loadConfig, type Config } from "../config/load-config.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkRegister, type RegisterFinding } from "../repository/check-register.js";
import type { SessionSummary } from "../repository/summary.js";
import { loadSourceSync } from "../source/load-source.js";
import { locate, parseYaml, type ParsedSource } from "../source/parse-yaml.js";

/** The diagnostics of the register-wide checks, and of the configurations they read. */
export async function registerDiagnostics(summaries: readonly (SessionSummary | undefined)[]): Promise<Diagnostic[]> {
  const groups = new Map<string, SessionSummary[]>();
  const configOfDir = new Map<string, string | undefined>();
  for (const summary of summaries) {
    if (!summary) continue;
    const dir = dirname(resolve(summary.path));
    if (!configOfDir.has(dir)) configOfDir.set(dir, findConfig(dir));
    const config = configOfDir.get(dir);
    if (!config) continue; // outside a register: nothing to compare with
    groups.set(config, [...(groups.get(config) ?? []), summary]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [path, sessions] of groups) {
    const loaded = await loadConfig(path);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) diagnostics.push(...locateAll(loaded.value, checkRegister(loaded.value, sessions)));
  }
  return diagnostics;
}

function locateAll(config: Config, findings: readonly RegisterFinding[]): Diagnostic[] {
  const parsed = new Map<string, ParsedSource | undefined>();
  const source = (file: string) => {
    if (!parsed.has(file)) {
      const loaded = loadSourceSync(file);
      parsed.set(file, loaded.value ? parseYaml(loaded.value).value : undefined);
    }
    return parsed.get(file);
  };
  const spanOf = (file: string | undefined, at: RegisterFinding["at"]) => {
    const s = file ? source(file) : config.source;
    return s ? locate(s, at) : undefined;
  };
  return findings.map((f) =>
    diagnostic({
      severity: f.severity,
      code: f.code,
      message: f.message,
      hints: f.hints,
      span: spanOf(f.file, f.at),
      related: f.related.flatMap((r) => {
        const span = spanOf(r.file, r.at);
        return span ? [{ span, message: r.message }] : [];
      }),
    }),
  );
}
