// `delib build --watch` and `delib preview`, as a user runs them: the CLI's `main` in-process, a
// real session file in a temporary folder edited on disk, real HTTP. Ctrl-C is the host's
// `interrupted` signal; test/cli/process.test.ts sends the real signals to the real binary.
// Every wait polls for the expected output with a deadline; every run is stopped after its test.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, runCli, startCli, type CliRun, type StartedCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
const documents = ["2024-08", "2024-09", "2024-10", "2024-11", "proces-verbal-2024-03-26", "liste-des-deliberations-2024-03-26"];
const firstTitle = "Tarifs de la restauration scolaire et de l'accueil périscolaire à compter du 1er septembre 2024";
const lastTitle = "Attribution des subventions aux associations pour l'année 2024";
/** A title as the document prints it: typographic apostrophes, no-break space before « : » (render/words.ts). */
const inHtml = (text: string) => text.replace(/'/g, "\u2019").replace(/ :/g, "\u00a0:");

const DEADLINE = 20_000;

const running: StartedCli[] = [];
let dir: string;

function start(args: readonly string[]): StartedCli {
  const started = startCli(args, { cwd: dir });
  running.push(started);
  return started;
}

/** Polls `probe` until it returns something other than undefined/false, or fails after the deadline. */
async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, run?: StartedCli): Promise<T> {
  const deadline = Date.now() + DEADLINE;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const output = run ? `\n--- stdout:\n${run.stdout()}\n--- stderr:\n${run.stderr()}` : "";
      throw new Error(`timed out after ${DEADLINE / 1000} s waiting for ${what}${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Interrupts the run, as Ctrl-C does, and waits (bounded) for it to end. */
async function stop(run: StartedCli): Promise<CliRun> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`the run did not end within ${DEADLINE / 1000} s of being interrupted\n${run.stderr()}`)), DEADLINE);
  });
  try {
    return await Promise.race([run.stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;
const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "delib-watch-"));
});

afterEach(async () => {
  for (const run of running.splice(0)) await stop(run);
  rmSync(dir, { recursive: true, force: true });
});

describe("delib build --watch", () => {
  it("rebuilds on each change, keeps the last good files through an error, and exits 0 when interrupted after a good build", async () => {
    const session = join(dir, "seance.yaml");
    const out = join(dir, "out");
    const original = readFileSync(example, "utf8");
    writeFileSync(session, original);
    const watch = start(["build", session, "--watch", "--format", "html", "--out", out]);

    // The first build.
    await waitFor("the first build and the watching line", () => watch.stderr().includes("watching "), watch);
    expect(watch.stderr()).toBe(`watching ${session} (Ctrl-C to stop)\n`);
    expect(watch.stdout()).toBe(documents.map((d) => `wrote ${out}/${d}.html\n`).join(""));
    expect(readdirSync(out).sort()).toEqual(documents.map((d) => `${d}.html`).sort());
    expect(read(join(out, "2024-11.html"))).toContain(inHtml(lastTitle));

    // A change: the motion's title is rewritten in its extract, the procès-verbal and the list.
    const retitled = original.replace(`title: ${lastTitle}`, "title: Subventions aux associations culturelles et sportives");
    expect(retitled).not.toBe(original);
    writeFileSync(session, retitled);
    await waitFor("the second build", () => count(watch.stdout(), "wrote ") >= 2 * documents.length, watch);
    expect(count(watch.stdout(), "wrote "), "one build per save").toBe(2 * documents.length);
    expect(watch.stderr()).toContain("change seen: building again\n");
    for (const name of ["2024-11", "proces-verbal-2024-03-26", "liste-des-deliberations-2024-03-26"]) {
      const html = read(join(out, `${name}.html`));
      expect(html, name).toContain("Subventions aux associations culturelles et sportives");
      expect(html, name).not.toContain(inHtml(lastTitle));
    }
    const good = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));

    // An error: reported on stderr with its code, nothing written, the last files untouched.
    const broken = retitled.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n");
    expect(broken).not.toBe(retitled);
    const stderrBefore = watch.stderr().length;
    writeFileSync(session, broken);
    await waitFor("the diagnostic of the unknown field", () => watch.stderr().slice(stderrBefore).includes("DLB2002"), watch);
    const report = watch.stderr().slice(stderrBefore);
    expect(report).toContain("change seen: building again\n");
    expect(report).toMatch(/seance\.yaml:\d+:\d+ - error DLB2002: unknown field `convened_onn`, did you mean `convened_on`\?/);
    expect(count(watch.stdout(), "wrote ")).toBe(2 * documents.length);
    expect(readdirSync(out).sort()).toEqual([...good.keys()].sort());
    for (const [file, bytes] of good) expect(readFileSync(join(out, file)).equals(bytes), file).toBe(true);

    // The fix, saved as some editors do: a new file renamed over the old one.
    const fixed = retitled.replace("Subventions aux associations culturelles et sportives", "Subventions aux associations pour 2024");
    writeFileSync(join(dir, ".seance.yaml.swp"), fixed);
    renameSync(join(dir, ".seance.yaml.swp"), session);
    await waitFor("the build after the fix", () => count(watch.stdout(), "wrote ") >= 3 * documents.length, watch);
    expect(count(watch.stdout(), "wrote "), "one build per save").toBe(3 * documents.length);
    expect(read(join(out, "2024-11.html"))).toContain("Subventions aux associations pour 2024");
    expect(read(join(out, "2024-08.html"))).toContain(inHtml(firstTitle));

    // Ctrl-C: the exit code of the last build, which succeeded.
    const ended = await stop(watch);
    expect(ended.code).toBe(0);
    expect(watch.stderr()).not.toContain("internal error");
  });

  it("keeps watching after a first build that fails, and exits 1 when the last build failed", async () => {
    const session = join(dir, "seance.yaml");
    const out = join(dir, "out");
    const original = readFileSync(example, "utf8");
    const broken = original.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n");
    writeFileSync(session, broken);
    const watch = start(["build", session, "--watch", "--format", "html", "--out", out]);

    await waitFor("the watching line", () => watch.stderr().includes("watching "), watch);
    expect(watch.stderr()).toContain("DLB2002");
    expect(watch.stdout()).toBe("");
    expect(existsSync(out)).toBe(false);

    writeFileSync(session, original);
    await waitFor("the build after the fix", () => count(watch.stdout(), "wrote ") >= documents.length, watch);
    expect(readdirSync(out).sort()).toEqual(documents.map((d) => `${d}.html`).sort());

    const stderrBefore = watch.stderr().length;
    writeFileSync(session, broken);
    await waitFor("the diagnostic", () => watch.stderr().slice(stderrBefore).includes("DLB2002"), watch);

    const ended = await stop(watch);
    expect(ended.code).toBe(1);
  });
});

/** A GET on the preview server: status, content type and body. */
async function fetchText(url: string) {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

/** An open /events stream, its text gathered as it arrives. */
function openEvents(url: string): Promise<{ response: IncomingMessage; text: () => string; ended: () => boolean; close: () => void }> {
  return new Promise((opened, fail) => {
    const request = get(url, (response) => {
      let text = "";
      let ended = false;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => (ended = true));
      response.on("error", () => (ended = true));
      opened({ response, text: () => text, ended: () => ended, close: () => request.destroy() });
    });
    request.on("error", fail);
  });
}

describe("delib preview", () => {
  it("serves the documents, pushes an event on each change, serves the new text, and ends when interrupted", async () => {
    const session = join(dir, "seance.yaml");
    copyFileSync(example, session);
    const original = readFileSync(session, "utf8");
    const preview = start(["preview", session, "--port", "0"]);
    const base = await waitFor("the preview address", () => /^preview: (http:\/\/127\.0\.0\.1:(\d+)\/)\n/.exec(preview.stdout())?.[1], preview);
    expect(Number(/:(\d+)\/$/.exec(base)![1])).toBeGreaterThan(0);

    // The frame page lists every document and shows the first one, in a sandboxed frame.
    const frame = await fetchText(base);
    expect(frame.status).toBe(200);
    expect(frame.type).toBe("text/html; charset=utf-8");
    for (const name of documents) expect(frame.body).toContain(`<li><a href="/?doc=${name}">${name}</a></li>`);
    expect(count(frame.body, "<li>")).toBe(documents.length);
    expect(frame.body).toContain('<iframe sandbox title="2024-08" src="/documents/2024-08.html?v=1"></iframe>');
    const chosen = await fetchText(`${base}?doc=proces-verbal-2024-03-26`);
    expect(chosen.body).toContain('<a href="/?doc=proces-verbal-2024-03-26" aria-current="page">');
    expect(chosen.body).toContain('src="/documents/proces-verbal-2024-03-26.html?v=1"');

    // Each document is the inert HTML `delib build` writes: no script, a policy that forbids them.
    const built = join(dir, "built");
    expect((await runCli(["build", session, "--format", "html", "--out", built])).code).toBe(0);
    for (const name of documents) {
      const served = await fetchText(`${base}documents/${name}.html`);
      expect(served.status, name).toBe(200);
      expect(served.type, name).toBe("text/html; charset=utf-8");
      expect(served.body, name).not.toMatch(/<script/i);
      expect(served.body, name).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
      );
      expect(served.body === readFileSync(join(built, `${name}.html`), "utf8"), name).toBe(true);
    }
    expect((await fetchText(`${base}documents/2024-08.html`)).body).toContain(inHtml(firstTitle));

    // Unknown addresses.
    expect((await fetchText(`${base}nowhere`)).status).toBe(404);
    expect((await fetchText(`${base}documents/2099-01.html`)).status).toBe(404);

    // A change on disk: an event on /events, then the document's new text.
    const events = await openEvents(`${base}events`);
    try {
      expect(events.response.statusCode).toBe(200);
      expect(events.response.headers["content-type"]).toBe("text/event-stream");
      await waitFor("the stream to open", () => events.text().includes(": connected\n\n"), preview);
      writeFileSync(session, original.replace(`title: ${firstTitle}`, "title: Nouveaux tarifs de la cantine"));
      await waitFor("the event of the change", () => events.text().includes("data: 2\n\n"), preview);
      expect(preview.stderr()).toContain("updated (version 2)\n");
      const changed = await fetchText(`${base}documents/2024-08.html`);
      expect(changed.body).toContain("Nouveaux tarifs de la cantine");
      expect(changed.body).not.toContain(inHtml(firstTitle));
      expect((await fetchText(`${base}documents/liste-des-deliberations-2024-03-26.html`)).body).toContain("Nouveaux tarifs de la cantine");
      expect((await fetchText(base)).body).toContain('src="/documents/2024-08.html?v=2"');

      // An error: an event too, and the frame page shows the diagnostic.
      writeFileSync(session, original.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n"));
      await waitFor("the event of the error", () => events.text().includes("data: 3\n\n"), preview);
      const problems = await fetchText(base);
      expect(problems.body).toMatch(/<pre class="problems">[^<]*DLB2002: unknown field `convened_onn`/);
      expect(preview.stderr()).toContain("DLB2002");

      // Fixed again: the problems are gone and the documents are back.
      writeFileSync(session, original);
      await waitFor("the event of the fix", () => events.text().includes("data: 4\n\n"), preview);
      const fixed = await fetchText(base);
      expect(fixed.body).not.toContain('class="problems"');
      expect(count(fixed.body, "<li>")).toBe(documents.length);
      expect((await fetchText(`${base}documents/2024-08.html`)).body).toContain(inHtml(firstTitle));

      // Being interrupted ends the server, and the open event stream with it.
      const ended = await stop(preview);
      expect(ended.code).toBe(0);
      await waitFor("the event stream to end", () => events.ended(), preview);
    } finally {
      events.close();
    }
    await expect(fetch(base)).rejects.toThrow();
  });
});
