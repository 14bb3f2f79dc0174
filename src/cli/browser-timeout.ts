// How long `build`, `build --watch` and `register` wait for the browser (issue 13): to start,
// `--browser-timeout SECONDS`, else DELIB_BROWSER_TIMEOUT, else 10 s; to print one document,
// DELIB_PRINT_TIMEOUT, else 60 s. A value that is not a number of seconds in range is a usage
// error, said before anything is started.
import { msg } from "../diagnostics/message.js";
import type { PrinterTimeouts } from "../documents.js";
import { UsageError } from "./usage-error.js";

/** The longest a browser may be given to start, in seconds: an hour already means "never". */
const MAX_START_SECONDS = 3600;
/** The longest one document may be given to print, in seconds (a day). */
const MAX_PRINT_SECONDS = 86_400;

/** The timeouts given by `--browser-timeout` (`flag`) and the environment; undefined where unset (the defaults apply). */
export function browserTimeouts(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): PrinterTimeouts {
  const fromEnv = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const startGiven = flag !== undefined ? { name: "--browser-timeout", value: flag } : variable("DELIB_BROWSER_TIMEOUT", fromEnv("DELIB_BROWSER_TIMEOUT"));
  const printGiven = variable("DELIB_PRINT_TIMEOUT", fromEnv("DELIB_PRINT_TIMEOUT"));
  return {
    ...(startGiven ? { startSeconds: seconds(startGiven.name, startGiven.value, MAX_START_SECONDS) } : {}),
    ...(printGiven ? { printSeconds: seconds(printGiven.name, printGiven.value, MAX_PRINT_SECONDS) } : {}),
  };
}

function variable(name: string, value: string | undefined): { name: string; value: string } | undefined {
  return value === undefined ? undefined : { name, value };
}

/** A number of seconds, decimals allowed (`1.5`), above zero and at most `max`. */
function seconds(name: string, value: string, max: number): number {
  const number = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0 && number <= max)) throw new UsageError(msg("browser.timeout.invalid", { name, value, max }));
  return number;
}
