// Ctrl-C, SIGTERM or SIGHUP while files are being staged: the transactions in progress stop at
// their next file and remove their folder, the earlier documents untouched; then the signal
// takes its ordinary course. Listened to only while a transaction stages its files, so the
// rest of the time each command keeps the handling it had: Node's default (the process ends),
// the browser's (it closes Chromium and exits 128 + the signal's number, see
// browser/launch-chromium.ts), or `build --watch`'s (it returns). When delib's listener is the
// only one, the signal is raised again once the folders are removed, so the process ends as
// the signal would have ended it. On any exit meanwhile (another handler's `process.exit`), the
// folders are removed synchronously. A commit and its renames run synchronously: a signal is
// never handled halfway through them. SIGKILL cannot be caught: transaction.ts recovers from it.
import { basename } from "node:path";
import { removeFoldersMade, removeQuietly } from "./transaction.js";

/** A transaction staging its files: its folder (empty until made), the folders it made, and whether it must stop. */
export interface Staging {
  stage: string;
  readonly made: string[];
  stopped: boolean;
}

/** Thrown at a staging's next step once a signal asked it to stop. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

const signals: readonly NodeJS.Signals[] = process.platform === "win32" ? ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] : ["SIGINT", "SIGTERM", "SIGHUP"];
const active = new Set<Staging>();
/** The signal received while staging, and whether delib's listener was its only one. */
let received: { signal: NodeJS.Signals; alone: boolean } | undefined;

/** Starts watching for signals on behalf of `staging`, until `release` is called. */
export function track(staging: Staging): void {
  if (active.size === 0) listen();
  active.add(staging);
  if (received !== undefined) staging.stopped = true;
}

/**
 * Whether a staging of this process may be writing the folder named `name` (its last part): it
 * is, or one is still making its folder, which may be this one.
 */
export function inProgress(name: string): boolean {
  for (const staging of active) if (staging.stage === "" || basename(staging.stage) === name) return true;
  return false;
}

/** Throws Interrupted when `staging` was asked to stop. */
export function checkNotStopped(staging: Staging): void {
  if (staging.stopped) throw new Interrupted();
}

/**
 * Ends the watch on behalf of `staging` (its folder already removed or renamed into place). The
 * last one, after a signal that only delib listened to, raises the signal again: the process
 * ends here, as the signal would have ended it at once.
 */
export function release(staging: Staging): void {
  active.delete(staging);
  if (active.size > 0) return;
  unlisten();
  const pending = received;
  received = undefined;
  if (pending?.alone) process.kill(process.pid, pending.signal);
}

/** Asks every staging in progress to stop at its next step, as a signal does. */
export function stopWrites(): void {
  for (const staging of active) staging.stopped = true;
}

function onSignal(signal: NodeJS.Signals): void {
  if (received !== undefined) {
    // A second signal: no waiting for the next step.
    const alone = received.alone;
    abandonNow();
    unlisten();
    received = undefined;
    if (alone) process.kill(process.pid, signal);
    return;
  }
  received = { signal, alone: process.listenerCount(signal) === 1 };
  stopWrites();
}

/** Removes every staging folder now, synchronously (on exit, or on a second signal). */
function abandonNow(): void {
  for (const staging of active) {
    if (staging.stage !== "") removeQuietly(staging.stage);
    removeFoldersMade(staging.made);
  }
  active.clear();
}

function listen(): void {
  for (const signal of signals) process.on(signal, onSignal);
  process.on("exit", abandonNow);
}

function unlisten(): void {
  for (const signal of signals) process.off(signal, onSignal);
  process.off("exit", abandonNow);
}
