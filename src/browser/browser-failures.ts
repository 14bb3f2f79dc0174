// What delib says when the browser fails otherwise than by being missing (DLB4001) or by
// refusing to start (DLB4002): it hangs at start, talks garbage on its pipe, dies or hangs while
// printing, or finds no room for its profile (issue 13, part 5). Each diagnostic names what
// happened, what to try, and that the HTML was still written.
import os from "node:os";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg, type Message } from "../diagnostics/message.js";
import type { LaunchFailure } from "./launch-chromium.js";

/** The variable that names the temporary folder on `platform`. */
function tmpdirVariable(platform: NodeJS.Platform): string {
  return platform === "win32" ? "TEMP" : "TMPDIR";
}

/** The last lines the browser wrote, as a hint, when it wrote any. */
function outputHint(output: readonly string[]): Message[] {
  const last = output.slice(-3);
  return last.length > 0 ? [msg("browser.failure.output", { output: last.join(" / ") })] : [];
}

/**
 * A hint naming the temporary folder when the browser's last words say it could not write
 * there (no room, read-only, not allowed, no profile lock): Chromium keeps its profile and,
 * with --disable-dev-shm-usage, its shared memory in it.
 */
export function tmpdirHint(output: readonly string[], platform: NodeJS.Platform = process.platform): Message | undefined {
  const text = output.join("\n");
  if (!/ProcessSingleton|No space left|ENOSPC|Read-only file system|EROFS|Permission denied|EACCES|Not a directory|shared memory|shm/i.test(text)) return undefined;
  return msg("browser.failure.tmpdir", { tmpdir: os.tmpdir(), variable: tmpdirVariable(platform) });
}

/** DLB4004: the browser started but did not answer on its DevTools pipe within `seconds`. */
export function browserDidNotAnswer(executablePath: string, seconds: number, platform: NodeJS.Platform = process.platform): Diagnostic {
  return diagnostic({
    code: "DLB4004",
    message: msg("DLB4004", { seconds }),
    hints: [
      msg("DLB4004.hint.stopped", { path: executablePath }),
      msg("DLB4004.hint.longer", { seconds: Math.max(30, seconds * 3) }),
      platform === "win32" ? msg("DLB4004.hint.check.windows", { path: executablePath }) : msg("DLB4004.hint.check", { path: executablePath }),
      msg("browser.html_written"),
    ],
  });
}

/** DLB4005: something other than the DevTools protocol came on the browser's pipe, at start or while printing. */
export function browserAnsweredGarbage(executablePath: string, failure: LaunchFailure, when: "start" | "print"): Diagnostic {
  return diagnostic({
    code: "DLB4005",
    message: when === "start" ? msg("DLB4005") : msg("DLB4005.printing"),
    hints: [
      msg("DLB4005.hint.sample", { path: executablePath, sample: failure.sample ?? "" }),
      ...outputHint(failure.output),
      msg("DLB4005.hint"),
      msg("browser.html_written"),
    ],
  });
}

/**
 * DLB4006: the browser went away while printing: its process ended (`failure`), or it closed
 * the page or the connection (`cause`, the library's own words).
 */
export function browserDied(executablePath: string, failure: LaunchFailure | undefined, cause: string, platform: NodeJS.Platform = process.platform): Diagnostic {
  const output = failure?.output ?? [];
  return diagnostic({
    code: "DLB4006",
    message: msg("DLB4006"),
    hints: [
      msg("DLB4006.hint.how", { path: executablePath, how: failure?.how ?? cause }),
      ...outputHint(output),
      tmpdirHint(output, platform) ?? msg("DLB4006.hint", { tmpdir: os.tmpdir(), variable: tmpdirVariable(platform) }),
      msg("browser.html_written"),
    ],
  });
}

/** DLB4007: one document took longer than `seconds` to print; the browser was stopped. */
export function printTookTooLong(document: string, seconds: number): Diagnostic {
  return diagnostic({
    code: "DLB4007",
    message: msg("DLB4007", { document, seconds }),
    hints: [msg("DLB4007.hint.stopped"), msg("DLB4007.hint.longer", { seconds: Math.max(120, seconds * 3) }), msg("browser.html_written")],
  });
}

/** DLB4008: the browser's profile folder could not be made in the temporary folder. */
export function profileNotMade(failure: LaunchFailure, platform: NodeJS.Platform = process.platform): Diagnostic {
  return diagnostic({
    code: "DLB4008",
    message: msg("DLB4008", { tmpdir: os.tmpdir() }),
    hints: [msg("DLB4008.hint.error", { error: failure.reason }), msg("DLB4008.hint", { variable: tmpdirVariable(platform) }), msg("browser.html_written")],
  });
}
