// Browsers that fail, as executable files in a scratch folder, for the tests of issue 13 part 5:
// each is passed to delib with --chromium. Some are shell scripts that never were a browser;
// the others wrap the real Chromium (chromiumForTests) and spoil it after the first document
// is printed, by relaying its DevTools pipe (fd 3 in, fd 4 out: launch-chromium.ts) and
// watching for the answer to the first `Page.printToPDF`.
import { readdir, readFile } from "node:fs/promises";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromiumForTests } from "./pdf-tools.js";

/** What a fake wrapping the real Chromium does once the first document is printed. */
export type AfterFirstPrint =
  /** SIGKILL to the real browser (and so to the wrapper): a crash mid-run. */
  | "kill"
  /** Bytes that are not the DevTools protocol on the pipe. */
  | "garbage"
  /** Stops answering, the process staying alive: a print that hangs. */
  | "hang";

/** Writes an executable `name` holding `script` into `dir`; returns its path. */
function executable(dir: string, name: string, script: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}

/** A browser that says why on stderr and exits at once with code 1. */
export function exitsAtOnce(dir: string): string {
  return executable(dir, "exits-at-once", "#!/bin/sh\necho 'Missing X server or $DISPLAY' >&2\nexit 1\n");
}

/** A browser that starts, keeps its pipe open and never says a word (with a child of its own, as Chromium has). */
export function hangsAtStart(dir: string): string {
  return executable(dir, "hangs-at-start", "#!/bin/sh\nsleep 600 &\nsleep 600\n");
}

/** A browser that writes something other than the DevTools protocol on its pipe, then waits. */
export function talksGarbage(dir: string, garbage = "this is not JSON"): string {
  // Answered on fd 4 (the browser's side of the pipe delib reads), ended by a NUL as messages are.
  return executable(dir, "talks-garbage", `#!/bin/sh\nprintf '%s\\0' '${garbage}' >&4\nsleep 600\n`);
}

/**
 * The real Chromium, except that TMPDIR is `tmpdir` for it alone: a temporary folder it cannot
 * use (a file stands for a full or read-only one, as root writes into any folder).
 */
export function withTmpdir(dir: string, tmpdir: string): string {
  return executable(dir, "chromium-bad-tmpdir", `#!/bin/sh\nTMPDIR=${JSON.stringify(tmpdir)} exec ${JSON.stringify(chromiumForTests())} "$@"\n`);
}

/** The real Chromium behind a relay of its pipe, spoilt as `after` says once the first document is printed. */
export function spoiltAfterFirstPrint(dir: string, after: AfterFirstPrint): string {
  const relay = `
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
const after = ${JSON.stringify(after)};
const chromium = spawn(${JSON.stringify(chromiumForTests())}, process.argv.slice(2), { stdio: ["ignore", "ignore", "inherit", "pipe", "pipe"] });
const fromDelib = createReadStream(null, { fd: 3 });
const toDelib = createWriteStream(null, { fd: 4 });
const [, , , toChromium, fromChromium] = chromium.stdio;
const printRequests = new Set();

let spoilt = false;
let pending = Buffer.alloc(0);
fromDelib.on("data", (chunk) => {
  if (spoilt) return;
  for (const text of chunk.toString("latin1").split("\\0")) {
    const id = /"method":"Page\\.printToPDF"/.test(text) && /"id":(\\d+)/.exec(text)?.[1];
    if (id) printRequests.add(Number(id));
  }
  toChromium.write(chunk);
});
fromChromium.on("data", (chunk) => {
  if (spoilt) return;
  pending = Buffer.concat([pending, chunk]);
  let end;
  while ((end = pending.indexOf(0)) >= 0) {
    const message = pending.subarray(0, end + 1);
    pending = pending.subarray(end + 1);
    const id = /^\\{"id":(\\d+)/.exec(message.toString("latin1"))?.[1];
    toDelib.write(message);
    if (id && printRequests.has(Number(id))) return spoil();
  }
});
function spoil() {
  spoilt = true;
  if (after === "kill") { chromium.kill("SIGKILL"); process.exit(137); }
  if (after === "garbage") toDelib.write("<html>not the protocol</html>\\0");
  // "hang": nothing more is relayed either way; both processes stay up.
}
chromium.on("exit", () => process.exit(0));
fromDelib.on("end", () => chromium.kill("SIGKILL"));
`;
  const script = executable(dir, `relay-${after}.mjs`, relay);
  // A Node started by a test worker would take fd 3, the pipe, for the worker's IPC channel.
  const node = `unset NODE_CHANNEL_FD NODE_CHANNEL_SERIALIZATION_MODE\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)} "$@"`;
  return executable(dir, `chromium-${after}-after-first-print`, `#!/bin/sh\n${node}\n`);
}

/**
 * The processes, zombies aside, whose environment holds `marker` (a variable set only for the
 * delib run under test): the browsers it started, their renderers and the fakes' children.
 */
export async function processesMarked(marker: string): Promise<{ pid: number; command: string }[]> {
  const found: { pid: number; command: string }[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "latin1").catch(() => "");
    if (!environ.split("\0").includes(marker)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => undefined);
    if (stat === undefined || stat.split(") ")[1]?.[0] === "Z") continue;
    const command = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).split("\0").join(" ").slice(0, 200);
    found.push({ pid: Number(entry), command });
  }
  return found;
}

/** Waits up to `ms` for the processes marked `marker` to end (a killed process takes a moment); returns those left. */
export async function leftAfter(marker: string, ms = 3000): Promise<{ pid: number; command: string }[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = await processesMarked(marker);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}
