// A write to the output folder is a transaction (issue 13): all the files of a run or none, no
// temporary file left, nothing written through a symbolic link, and what a run killed outright
// left behind finished by the next write to the folder. Real files in a scratch folder; the
// transaction folders a killed run leaves are made here by hand, as it would have left them.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stopWrites } from "../../src/output/interrupted-writes.js";
import { writeOutputs } from "../../src/output/write-outputs.js";
import { en } from "../support/english.js";

const scratch = () => mkdtempSync(join(tmpdir(), "delib-transaction-"));

/** Every entry of `dir` (sub-folders too, hidden ones included) with its bytes; a link as `-> target`. */
function contents(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) found[prefix + name] = `-> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else found[prefix + name] = readFileSync(path, "latin1");
    }
  };
  walk(dir, "");
  return found;
}

/** The output folder holding `files` (name → text). */
function folderWith(files: Record<string, string>): string {
  const dir = join(scratch(), "out");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The number of a process that has ended: nothing runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** A transaction folder as a run killed outright leaves it, made by hand. */
function leftTransaction(
  dir: string,
  options: { suffix?: string; pid?: number; staged: Record<number, string>; backups?: Record<number, string>; commit?: { name: string; backup: boolean }[]; abort?: boolean },
): string {
  const pid = options.pid ?? deadPid();
  const stage = join(dir, `.delib-tx-${pid}-${options.suffix ?? "Ab12Cd"}`);
  mkdirSync(stage, { mode: 0o700 });
  writeFileSync(join(stage, "owner.json"), JSON.stringify({ delib: "transaction", pid, host: hostname() }));
  for (const [index, text] of Object.entries(options.staged)) writeFileSync(join(stage, `new-${index}`), text);
  for (const [index, text] of Object.entries(options.backups ?? {})) writeFileSync(join(stage, `old-${index}`), text);
  if (options.commit) writeFileSync(join(stage, "commit.json"), JSON.stringify({ files: options.commit }));
  if (options.abort) writeFileSync(join(stage, "abort"), "");
  return stage;
}

describe("writeOutputs, a transaction", () => {
  it("writes every file, replaces the earlier ones, and leaves no temporary file or folder", async () => {
    const dir = folderWith({ "a.html": "old a", "keep.txt": "not delib's" });
    const problems = await writeOutputs(dir, [
      { name: "a.html", contents: "new a" },
      { name: "b.pdf", contents: new Uint8Array([37, 80, 68, 70]) },
      { name: "hooks/pre-commit", contents: "#!/bin/sh\n", executable: true },
    ]);
    expect(problems).toEqual([]);
    expect(contents(dir)).toEqual({ "a.html": "new a", "b.pdf": "%PDF", "hooks/pre-commit": "#!/bin/sh\n", "keep.txt": "not delib's" });
    if (process.platform !== "win32") expect(lstatSync(join(dir, "hooks/pre-commit")).mode & 0o777).toBe(0o755);
  });

  it("lets several writes run at once in one folder, as `build --watch` writes each document", async () => {
    const dir = folderWith({});
    const writes = Array.from({ length: 12 }, (_, i) => writeOutputs(dir, [{ name: `${i}.html`, contents: `document ${i}` }]));
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 12 }, () => []));
    expect(Object.keys(contents(dir))).toHaveLength(12);
  });

  it("leaves every earlier document as it was when one file cannot be replaced, not a mix of two builds", async () => {
    // The second destination is a folder: before, the first file was already renamed into place.
    const dir = folderWith({ "1.html": "old 1", "3.html": "old 3" });
    mkdirSync(join(dir, "2.html"));
    const problems = await writeOutputs(dir, [
      { name: "1.html", contents: "new 1" },
      { name: "2.html", contents: "new 2" },
      { name: "3.html", contents: "new 3" },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["DLB4003"]);
    expect(en(problems[0]!.message)).toBe(`cannot write to \`${join(dir, "2.html")}\`: EISDIR`);
    expect(contents(dir)).toEqual({ "1.html": "old 1", "3.html": "old 3" });
  });

  it("never writes through a symbolic link planted at a temporary file's name", async () => {
    // Before, the temporary name was `.<name>.<pid>.<index>.tmp`: anyone could plant a link there.
    const root = scratch();
    const victim = join(root, "victim.txt");
    writeFileSync(victim, "precious");
    const dir = join(root, "out");
    mkdirSync(dir);
    for (let index = 0; index < 3; index++) symlinkSync(victim, join(dir, `.doc-${index}.html.${process.pid}.${index}.tmp`));
    const problems = await writeOutputs(dir, [0, 1, 2].map((index) => ({ name: `doc-${index}.html`, contents: `document ${index}` })));
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(problems).toEqual([]);
    expect(readFileSync(join(dir, "doc-2.html"), "utf8")).toBe("document 2");
  });

  it("replaces a symbolic link at a destination instead of writing through it", async () => {
    const root = scratch();
    const victim = join(root, "victim.txt");
    writeFileSync(victim, "precious");
    const dir = join(root, "out");
    mkdirSync(dir);
    symlinkSync(victim, join(dir, "doc.html"));
    expect(await writeOutputs(dir, [{ name: "doc.html", contents: "document" }])).toEqual([]);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(contents(dir)).toEqual({ "doc.html": "document" });
  });

  it("refuses a folder on the way that is a symbolic link (DLB4021), writing nothing", async () => {
    const root = scratch();
    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere);
    const dir = join(root, "repo");
    mkdirSync(dir);
    symlinkSync(elsewhere, join(dir, ".githooks"));
    const problems = await writeOutputs(dir, [
      { name: "README.md", contents: "readme" },
      { name: ".githooks/pre-commit", contents: "#!/bin/sh\n", executable: true },
    ]);
    expect(problems.map((p) => [p.code, en(p.message)])).toEqual([
      ["DLB4021", `\`${join(dir, ".githooks")}\` is a symbolic link: delib does not write through a link it did not create`],
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(contents(dir)).toEqual({ ".githooks": `-> ${elsewhere}` });
  });

  it("reports a file name too long for the system (DLB4003) without crashing, the earlier documents intact", async () => {
    const dir = folderWith({ "a.html": "old a" });
    const long = `${"9".repeat(300)}.html`;
    const problems = await writeOutputs(dir, [
      { name: "a.html", contents: "new a" },
      { name: long, contents: "new long" },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["DLB4003"]);
    expect(en(problems[0]!.message)).toBe(`cannot write to \`${join(dir, long)}\`: ENAMETOOLONG`);
    expect(contents(dir)).toEqual({ "a.html": "old a" });
  });

  it("stops when asked (a signal): says so (DLB4022), removes its folder, the earlier documents intact", async () => {
    const old = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${i}.html`, `old ${i}`]));
    const dir = folderWith(old);
    const writing = writeOutputs(
      dir,
      Array.from({ length: 200 }, (_, i) => ({ name: `${i}.html`, contents: `new ${i} ${"x".repeat(50_000)}` })),
    );
    // Stopped once its private folder is marked as its own, as a Ctrl-C during the write.
    const started = () => readdirSync(dir).some((name) => name.startsWith(".delib-tx-") && existsSync(join(dir, name, "owner.json")));
    const deadline = Date.now() + 10_000;
    while (!started()) {
      if (Date.now() > deadline) throw new Error("the write never made its private folder");
      await new Promise((r) => setImmediate(r));
    }
    stopWrites();
    const problems = await writing;
    expect(problems.map((p) => [p.code, en(p.message)])).toEqual([
      ["DLB4022", `writing to \`${dir}\` was interrupted: no file was written, the documents already there are unchanged`],
    ]);
    expect(contents(dir)).toEqual(old);
  });
});

describe("the next write finishes what a killed run left", () => {
  it("goes forward with a committed transaction: every new file in place, the folder removed", async () => {
    // Killed after its commit, halfway through the renames: 1.html is already the new one.
    const dir = folderWith({ "1.html": "new 1", "2.html": "old 2", "other.txt": "not delib's" });
    leftTransaction(dir, {
      staged: { 1: "new 2", 2: "new 3" },
      backups: { 0: "old 1", 1: "old 2" },
      commit: [
        { name: "1.html", backup: true },
        { name: "2.html", backup: true },
        { name: "3.html", backup: false },
      ],
    });
    expect(await writeOutputs(dir, [{ name: "export.csv", contents: "csv" }])).toEqual([]);
    expect(contents(dir)).toEqual({ "1.html": "new 1", "2.html": "new 2", "3.html": "new 3", "export.csv": "csv", "other.txt": "not delib's" });
  });

  it("discards a transaction killed before its commit: the earlier documents as they were", async () => {
    const dir = folderWith({ "1.html": "old 1" });
    leftTransaction(dir, { staged: { 0: "new 1", 1: "new 2" }, backups: { 0: "old 1" } });
    writeFileSync(join(leftTransaction(dir, { suffix: "Zz99Yy", staged: {} }), "commit.tmp"), '{"files":[');
    mkdirSync(join(dir, `.delib-tx-${deadPid()}-Empty0`));
    expect(await writeOutputs(dir, [{ name: "export.csv", contents: "csv" }])).toEqual([]);
    expect(contents(dir)).toEqual({ "1.html": "old 1", "export.csv": "csv" });
  });

  it("goes back when a rename had failed: the replaced files restored, the added ones removed", async () => {
    const dir = folderWith({ "1.html": "new 1", "2.html": "new 2" });
    leftTransaction(dir, {
      staged: { 2: "new 3" },
      backups: { 0: "old 1" },
      commit: [
        { name: "1.html", backup: true },
        { name: "2.html", backup: false },
        { name: "3.html", backup: true },
      ],
      abort: true,
    });
    writeFileSync(join(dir, "3.html"), "old 3");
    expect(await writeOutputs(dir, [{ name: "export.csv", contents: "csv" }])).toEqual([]);
    expect(contents(dir)).toEqual({ "1.html": "old 1", "3.html": "old 3", "export.csv": "csv" });
  });

  it("leaves alone what is not a transaction delib left: a running one, a stranger's folder, a link, a list leading outside", async () => {
    const root = scratch();
    const victim = join(root, "victim");
    mkdirSync(victim);
    writeFileSync(join(victim, "precious.txt"), "precious");
    const dir = join(root, "out");
    mkdirSync(dir);
    // A process still running: its transaction is its own to finish.
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    leftTransaction(dir, { pid: running.pid!, staged: { 0: "new" } });
    mkdirSync(join(dir, `.delib-tx-${running.pid!}-Empty0`));
    // Named like one, but not holding delib's marker, or holding more than delib writes.
    const dead = deadPid();
    mkdirSync(join(dir, `.delib-tx-${dead}-Strang`));
    writeFileSync(join(dir, `.delib-tx-${dead}-Strang`, "notes.txt"), "mine");
    writeFileSync(join(leftTransaction(dir, { suffix: "Extra0", staged: { 0: "new" } }), "notes.txt"), "mine");
    // A link named like one, to a folder of someone else's.
    symlinkSync(victim, join(dir, `.delib-tx-${dead}-Link00`));
    // A list of files that would lead out of the output folder.
    leftTransaction(dir, { suffix: "Escape", staged: { 0: "new" }, commit: [{ name: "../victim/precious.txt", backup: false }] });
    const before = contents(dir);
    try {
      expect(await writeOutputs(dir, [{ name: "export.csv", contents: "csv" }])).toEqual([]);
    } finally {
      running.kill();
    }
    expect(contents(dir)).toEqual({ ...before, "export.csv": "csv" });
    expect(contents(victim)).toEqual({ "precious.txt": "precious" });
  });

  it("finishes a transaction this very process left, once it no longer writes it", async () => {
    // A long-running process (`build --watch`) whose transaction could not be undone: its later
    // writes must not leave it to a later run, which would put older documents over newer ones.
    const dir = folderWith({ "1.html": "old 1" });
    leftTransaction(dir, { pid: process.pid, staged: { 0: "new 1" }, commit: [{ name: "1.html", backup: true }] });
    expect(await writeOutputs(dir, [{ name: "2.html", contents: "new 2" }])).toEqual([]);
    expect(contents(dir)).toEqual({ "1.html": "new 1", "2.html": "new 2" });
  });

  it("says when a committed transaction cannot be finished (DLB4020), and writes nothing until it is", async () => {
    const dir = folderWith({});
    mkdirSync(join(dir, "1.html"));
    writeFileSync(join(dir, "1.html", "inside"), "");
    const stage = leftTransaction(dir, { staged: { 0: "new 1" }, commit: [{ name: "1.html", backup: false }] });
    const problems = await writeOutputs(dir, [{ name: "export.csv", contents: "csv" }]);
    expect(problems.map((p) => p.code)).toEqual(["DLB4020"]);
    expect(en(problems[0]!.message)).toMatch(new RegExp(`^an earlier write to \`${dir}\` was interrupted and cannot be finished: E(ISDIR|NOTEMPTY|EXIST)$`));
    expect(existsSync(join(dir, "export.csv"))).toBe(false);
    expect(existsSync(join(stage, "new-0"))).toBe(true);
  });
});
