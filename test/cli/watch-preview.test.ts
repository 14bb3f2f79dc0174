// `delib build --watch` and `delib preview`, as a user runs them: the CLI's `main` in-process, a
// real session file in a temporary folder edited on disk, real HTTP. Ctrl-C is the host's
// `interrupted` signal; test/cli/process.test.ts sends the real signals to the real binary.
// Every wait polls for the expected output with a deadline; every run is stopped after its test.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, runCli, startCli, type CliRun, type StartedCli, waitFor as waitForProbe } from "../support/run-cli.js";

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

/** Polls `probe` until it holds, or fails after the deadline with what the run wrote. */
function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, run?: StartedCli): Promise<T> {
  return waitForProbe(what, probe, { run, deadline: DEADLINE });
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
/** The files of a folder with their bytes and modification time: what a build touched. */
const snapshot = (folder: string) => new Map(readdirSync(folder).map((f) => [f, { bytes: readFileSync(join(folder, f)), mtime: statSync(join(folder, f)).mtimeMs }]));
/** The files of `after` whose bytes or modification time differ from `before`'s. */
const touched = (before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) =>
  [...after].filter(([f, a]) => !before.get(f)?.bytes.equals(a.bytes) || before.get(f)!.mtime !== a.mtime).map(([f]) => f).sort();
/** The line a build ends with: the documents written and the time taken. */
const writtenLine = (names: string) => new RegExp(`documents? written: ${names.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d[\\d,]* ms\\)\n`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "delib-watch-"));
});

afterEach(async () => {
  for (const run of running.splice(0)) await stop(run);
  rmSync(dir, { recursive: true, force: true });
});

describe("delib build --watch", () => {
  it("rewrites only the documents a change touches, keeps the last good files through an error, says when it is fixed, and exits 0", async () => {
    const session = join(dir, "seance.yaml");
    const out = join(dir, "out");
    const original = readFileSync(example, "utf8");
    writeFileSync(session, original);
    const watch = start(["build", session, "--watch", "--format", "html", "--out", out]);

    // The first build.
    await waitFor("the first build and the watching line", () => watch.stderr().includes("watching "), watch);
    expect(watch.stderr()).toMatch(
      new RegExp(`^documents written: 2024-08, 2024-09, 2024-10, 2024-11, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26 \\(\\d[\\d,]* ms\\)\nwatching ${session.replace(/[.\\]/g, "\\$&")} \\(Ctrl-C to stop\\)\n$`),
    );
    expect(watch.stdout()).toBe(documents.map((d) => `wrote ${out}/${d}.html\n`).join(""));
    expect(readdirSync(out).sort()).toEqual(documents.map((d) => `${d}.html`).sort());
    expect(read(join(out, "2024-11.html"))).toContain(inHtml(lastTitle));

    // A change: the motion's title is rewritten in its extract, the procès-verbal and the list,
    // and only there: the other extracts are left as they were (their provenance line aside,
    // they say the same).
    const first = snapshot(out);
    const retitled = original.replace(`title: ${lastTitle}`, "title: Subventions aux associations culturelles et sportives");
    expect(retitled).not.toBe(original);
    writeFileSync(session, retitled);
    await waitFor("the second build", () => count(watch.stderr(), " written") >= 2, watch);
    expect(watch.stderr()).toContain("change seen: building again\n");
    expect(watch.stderr()).toMatch(writtenLine("2024-11, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26"));
    // Listed in the order `delib build` lists them: the extracts, the procès-verbal, the list.
    const rewritten = ["2024-11.html", "proces-verbal-2024-03-26.html", "liste-des-deliberations-2024-03-26.html"];
    expect(watch.stdout().split("\n").slice(documents.length, -1)).toEqual(rewritten.map((f) => `wrote ${out}/${f}`));
    expect(touched(first, snapshot(out))).toEqual([...rewritten].sort());
    for (const name of ["2024-11", "proces-verbal-2024-03-26", "liste-des-deliberations-2024-03-26"]) {
      const html = read(join(out, `${name}.html`));
      expect(html, name).toContain("Subventions aux associations culturelles et sportives");
      expect(html, name).not.toContain(inHtml(lastTitle));
    }
    const good = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));

    // The same text saved again: nothing to write.
    const written = count(watch.stdout(), "wrote ");
    writeFileSync(session, retitled);
    await waitFor("the build of the same text", () => /no document changed \(\d[\d,]* ms\)\n/.test(watch.stderr()), watch);
    expect(count(watch.stdout(), "wrote ")).toBe(written);

    // An error: reported on stderr with its code, nothing written, the last files untouched.
    const broken = retitled.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n");
    expect(broken).not.toBe(retitled);
    const stderrBefore = watch.stderr().length;
    writeFileSync(session, broken);
    await waitFor("the diagnostic of the unknown field", () => watch.stderr().slice(stderrBefore).includes("nothing written"), watch);
    const report = watch.stderr().slice(stderrBefore);
    expect(report).toContain("change seen: building again\n");
    expect(report).toMatch(/seance\.yaml:\d+:\d+ - error DLB2002: unknown field `convened_onn`, did you mean `convened_on`\?/);
    expect(report).toMatch(/nothing written: the documents of the last good build are kept \(\d[\d,]* ms\)\n$/);
    expect(report).not.toContain("fixed");
    expect(count(watch.stdout(), "wrote ")).toBe(written);
    expect(readdirSync(out).sort()).toEqual([...good.keys()].sort());
    for (const [file, bytes] of good) expect(readFileSync(join(out, file)).equals(bytes), file).toBe(true);

    // The fix, saved as some editors do: a new file renamed over the old one.
    const fixed = retitled.replace("Subventions aux associations culturelles et sportives", "Subventions aux associations pour 2024");
    writeFileSync(join(dir, ".seance.yaml.swp"), fixed);
    renameSync(join(dir, ".seance.yaml.swp"), session);
    const fixedFrom = watch.stderr().length;
    await waitFor("the build after the fix", () => / written: /.test(watch.stderr().slice(fixedFrom)), watch);
    expect(watch.stderr().slice(fixedFrom)).toMatch(
      new RegExp(`^change seen: building again\nfixed: no errors left\n${writtenLine("2024-11, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26").source}$`),
    );
    expect(count(watch.stdout(), "wrote "), "one build per save").toBe(written + 3);
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
    expect(watch.stderr()).toContain("fixed: no errors left\n");

    const stderrBefore = watch.stderr().length;
    writeFileSync(session, broken);
    await waitFor("the diagnostic", () => watch.stderr().slice(stderrBefore).includes("DLB2002"), watch);

    const ended = await stop(watch);
    expect(ended.code).toBe(1);
  });
});

describe("delib build --watch, with a template that fails on some documents only", () => {
  it("writes the edited extract, which renders, and reports the template's error on the others, leaving them as they were", async () => {
    const session = join(dir, "seance.yaml");
    const out = join(dir, "out");
    const templates = join(dir, "modeles");
    mkdirSync(templates);
    // Strict templates: an extract whose motion has no preamble fails on `doc.preamble.label`.
    writeFileSync(
      join(templates, "extract.hbs"),
      '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{doc.heading}}</title></head><body><p>{{doc.preamble.label}}</p>{{{doc.preamble.html}}}</body></html>\n',
    );
    const original = readFileSync(example, "utf8");
    const withoutPreamble = original.replace(/(  - number: "2024-10"\n(?:    (?!preamble).*\n)*)    preamble: \|\n(?:      .*\n|\n)*/, "$1");
    expect(withoutPreamble).not.toBe(original);
    writeFileSync(session, withoutPreamble);
    const watch = start(["build", session, "--watch", "--format", "html", "--template", templates, "--out", out]);
    await waitFor("the first build", () => watch.stderr().includes("watching "), watch);
    expect(watch.stderr()).toContain("error DLB5002");
    expect(watch.stderr()).toMatch(/nothing written: the documents of the last good build are kept/);
    expect(existsSync(out)).toBe(false);

    // An edit of a motion that has a preamble: its extract renders, and is written; the others
    // are not (the template fails on 2024-10, and the build reports it).
    const from = watch.stderr().length;
    writeFileSync(session, withoutPreamble.replace("Jules-Ferry, construit en 1974", "Jules-Ferry, bâti en 1974"));
    await waitFor("the build after the edit", () => / written: /.test(watch.stderr().slice(from)), watch);
    const report = watch.stderr().slice(from);
    expect(count(report, "error DLB5002: the template uses `label`"), "said once, not once per extract").toBe(1);
    expect(report).toMatch(/documents? written: 2024-09 \(\d[\d,]* ms\)\n$/);
    expect(readdirSync(out)).toEqual(["2024-09.html"]);
    expect(read(join(out, "2024-09.html"))).toContain("bâti en 1974");
    expect((await stop(watch)).code).toBe(1);
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
      await waitFor("the line of the change", () => preview.stderr().includes("updated (version 2)"), preview);
      expect(preview.stderr()).toMatch(
        /updated \(version 2\), documents changed: 2024-08, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26 \(\d[\d,]* ms\)\n/,
      );
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
      await waitFor("the line of the error", () => preview.stderr().includes("updated (version 3)"), preview);
      expect(preview.stderr()).toMatch(/updated \(version 3\): the problems above are shown over the last good documents \(\d[\d,]* ms\)\n/);
      // The last good documents are still served.
      expect((await fetchText(`${base}documents/2024-08.html`)).body).toContain("Nouveaux tarifs de la cantine");

      // Fixed again: the problems are gone and the documents are back.
      writeFileSync(session, original);
      await waitFor("the event of the fix", () => events.text().includes("data: 4\n\n"), preview);
      await waitFor("the line of the fix", () => preview.stderr().includes("updated (version 4)"), preview);
      expect(preview.stderr()).toMatch(/fixed: no errors left\nupdated \(version 4\), documents changed: 2024-08, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26 \(\d[\d,]* ms\)\n/);
      const fixed = await fetchText(base);
      expect(fixed.body).not.toContain('class="problems"');
      expect(count(fixed.body, "<li>")).toBe(documents.length);
      expect((await fetchText(`${base}documents/2024-08.html`)).body).toContain(inHtml(firstTitle));

      // The same text saved again: nothing changed, no reload.
      const before = preview.stderr().length;
      writeFileSync(session, original);
      await waitFor("the line of the same text", () => /no document changed \(\d[\d,]* ms\)\n/.test(preview.stderr().slice(before)), preview);
      expect(events.text()).not.toContain("data: 5");

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
