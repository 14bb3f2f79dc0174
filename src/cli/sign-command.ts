// `delib sign FILE.pdf --p12 CERT.p12 [--out SIGNED.pdf] [--as president|secretary] [--force]`:
// a PAdES signature appended to a PDF delib printed (src/provenance/sign-pdf.ts). The password
// of the PKCS#12 file comes from DELIB_P12_PASSWORD, or is asked on the terminal without echo;
// never from the command line, where other users of the machine and the shell history see it.
import { basename, dirname, resolve } from "node:path";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { writeOutputs } from "../documents.js";
import { pvRoles, readInput, signPdf, type PvRole } from "../provenance/sign-pdf.js";
import type { CliContext, Host } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { UsageError } from "./usage-error.js";

export interface SignOptions {
  p12?: string;
  out?: string;
  as?: string;
  force?: boolean;
  report?: ReportFormat;
}

/** What readHidden needs of the terminal's standard input (process.stdin; a fake one in tests). */
export type HiddenInput = Pick<NodeJS.ReadStream, "setRawMode" | "resume" | "pause" | "on" | "off">;

/**
 * Reads a line from the real terminal without echoing it (Ctrl-C stops delib as it would
 * anywhere); undefined when the input closes or fails before a line is typed.
 */
export function readHidden(question: string, io: Pick<Host, "stderr">, stdin: HiddenInput = process.stdin): Promise<string | undefined> {
  return new Promise((done) => {
    // Echo off before the question: what is typed after it is never shown.
    stdin.setRawMode(true);
    stdin.resume();
    io.stderr(question);
    let typed = "";
    const finish = (value: string | undefined) => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      stdin.off("error", onEnd);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr("\n");
      done(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish(typed);
        if (char === "\u0004") return finish(typed);
        if (char === "\u0003") {
          // Ctrl-C in raw mode is a character, not a signal: the terminal restored, the
          // signal is raised as the terminal would have raised it.
          finish(undefined);
          process.kill(process.pid, "SIGINT");
          return;
        }
        if (char === "\u007f" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else typed += char;
      }
    };
    // The terminal closed (or failed) before Enter: no password, and the terminal restored.
    const onEnd = () => finish(undefined);
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.on("error", onEnd);
  });
}

/** The password: DELIB_P12_PASSWORD, else asked on the terminal; undefined when neither can be. */
async function password(context: CliContext): Promise<{ password: string } | { missing: "no-terminal" | "closed" }> {
  const { io } = context;
  const fromEnvironment = io.env.DELIB_P12_PASSWORD;
  if (fromEnvironment !== undefined) return { password: fromEnvironment };
  // `ask` is there only when standard input is a terminal (context.ts); the answer is read
  // without echo from that terminal, not through `ask`, which shows what is typed.
  if (io.ask && process.stdin.isTTY === true) {
    const typed = await readHidden(context.t("cli.sign.ask_password"), io);
    return typed === undefined ? { missing: "closed" } : { password: typed };
  }
  return { missing: "no-terminal" };
}

/** Signs `target` (a PDF) with the certificate of `options.p12`; returns the exit code. */
export async function sign(target: string, options: SignOptions, context: CliContext): Promise<number> {
  const { io } = context;
  if (!options.p12) throw new UsageError(msg("cli.usage.sign.p12"));
  if (options.as !== undefined && !(pvRoles as readonly string[]).includes(options.as)) {
    throw new UsageError(msg("cli.usage.list.unknown_value", { value: options.as, option: "--as", allowed: pvRoles.join(", ") }));
  }
  const report = async (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(await context.format(found, 1, options.report));
  };
  const pdf = readInput(resolve(io.cwd, target), target, "pdf");
  const p12 = readInput(resolve(io.cwd, options.p12), options.p12, "certificate");
  if ("problem" in pdf || "problem" in p12) {
    await report([pdf, p12].flatMap((x) => ("problem" in x ? [x.problem] : [])));
    return ExitCode.InvalidInput;
  }
  const secret = await password(context);
  if ("missing" in secret) {
    // No password: none in the environment, and no terminal to ask on, or it closed before Enter.
    await report([diagnostic({ code: "DLB4061", message: msg(secret.missing === "closed" ? "DLB4061.closed" : "DLB4061", { file: options.p12 }), hints: [msg("DLB4061.hint")] })]);
    return ExitCode.Environment;
  }
  const signed = await signPdf(pdf.bytes, p12.bytes, {
    file: target,
    p12File: options.p12,
    password: secret.password,
    ...(options.as !== undefined ? { role: options.as as PvRole } : {}),
    force: options.force === true,
    now: io.now(),
  });
  if (!signed.value) {
    await report(signed.diagnostics);
    return ExitCode.InvalidInput;
  }
  // In place by default: the signed PDF replaces the one printed (written beside it, then renamed).
  const out = resolve(io.cwd, options.out ?? target);
  const written = await writeOutputs(dirname(out), [{ name: basename(out), contents: signed.value }]);
  await report([...signed.diagnostics, ...written]);
  if (hasErrors(written)) return ExitCode.Environment;
  if (!context.quiet) {
    io.stdout(
      `${signed.role ? context.t("cli.sign.signed.role", { file: options.out ?? target, signer: signed.signer ?? "", role: signed.role }) : context.t("cli.sign.signed", { file: options.out ?? target, signer: signed.signer ?? "" })}\n`,
    );
  }
  return ExitCode.Ok;
}
