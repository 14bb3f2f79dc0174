// What `build --watch` and `preview` say as they run, in the reader's language: the documents
// written or changed and the time taken, the error kept out, the error fixed; and the preview's
// own page in French for a French reader.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, startCli, type StartedCli, waitFor as waitForProbe } from "../support/run-cli.js";

const example = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
const french = { DELIB_LANG: "fr" };
const DEADLINE = 20_000;
let dir: string;
const running: StartedCli[] = [];

/** Polls `probe` until it holds, or fails after the deadline with what the run wrote. */
function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, run: StartedCli): Promise<T> {
  return waitForProbe(what, probe, { run, deadline: DEADLINE });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "delib-watch-fr-"));
});

afterEach(async () => {
  for (const run of running.splice(0)) await run.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A session file that says something of its own: a motion's title changed, or a field misspelt. */
const retitle = (text: string) => text.replace("title: Attribution des subventions aux associations pour l'année 2024", "title: Subventions aux associations");
const misspell = (text: string) => text.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n");
/** The time a line gives, as French writes a number. */
const ms = "\\(\\d[\\d\\u202f\\u00a0]* ms\\)";

describe("in French", () => {
  it("build --watch says what it wrote, what it kept, and that the error is fixed", async () => {
    const session = join(dir, "seance.yaml");
    copyFileSync(example, session);
    const original = readFileSync(session, "utf8");
    const watch = startCli(["build", session, "--watch", "--format", "html", "--out", join(dir, "out")], { cwd: dir, env: french });
    running.push(watch);
    await waitFor("la surveillance", () => watch.stderr().includes("surveillance de "), watch);
    expect(watch.stderr()).toMatch(
      new RegExp(`^documents écrits : 2024-08, 2024-09, 2024-10, 2024-11, proces-verbal-2024-03-26 et liste-des-deliberations-2024-03-26 ${ms}\\n`),
    );

    let from = watch.stderr().length;
    writeFileSync(session, misspell(original));
    await waitFor("l’erreur", () => watch.stderr().slice(from).includes("rien n’a été écrit"), watch);
    expect(watch.stderr().slice(from)).toMatch(new RegExp(`rien n’a été écrit : les documents de la dernière construction correcte sont gardés ${ms}\\n$`));

    from = watch.stderr().length;
    writeFileSync(session, retitle(original));
    await waitFor("la correction", () => watch.stderr().slice(from).includes(" écrits"), watch);
    expect(watch.stderr().slice(from)).toMatch(
      new RegExp(`^modification vue : nouvelle construction\\nerreur corrigée : il n’y a plus d’erreur\\ndocuments écrits : 2024-11, proces-verbal-2024-03-26 et liste-des-deliberations-2024-03-26 ${ms}\\n$`),
    );

    from = watch.stderr().length;
    writeFileSync(session, retitle(original));
    await waitFor("rien de changé", () => watch.stderr().slice(from).includes("aucun document"), watch);
    expect(watch.stderr().slice(from)).toMatch(new RegExp(`aucun document n’a changé ${ms}\\n$`));
    expect((await watch.stop()).code).toBe(0);
  });

  it("preview's page and lines are in French", async () => {
    const session = join(dir, "seance.yaml");
    copyFileSync(example, session);
    const original = readFileSync(session, "utf8");
    const preview = startCli(["preview", session, "--port", "0"], { cwd: dir, env: french });
    running.push(preview);
    const base = await waitFor("l’adresse", () => /^aperçu : (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(preview.stdout())?.[1], preview);
    const page = await (await fetch(base)).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("<title>aperçu delib</title>");
    expect(page).toContain('<nav aria-label="documents">');
    expect((await fetch(`${base}nulle-part`)).status).toBe(404);
    expect(await (await fetch(`${base}nulle-part`)).text()).toBe("page introuvable\n");
    expect(await (await fetch(`${base}documents/2099-01.html`)).text()).toBe("document introuvable\n");

    writeFileSync(session, misspell(original));
    await waitFor("l’erreur", () => preview.stderr().includes("version 2"), preview);
    expect(preview.stderr()).toMatch(new RegExp(`mis à jour \\(version 2\\) : les problèmes ci-dessus s’affichent au-dessus des derniers documents corrects ${ms}\\n`));
    expect(await (await fetch(base)).text()).toMatch(/<pre class="problems">[^<]*erreur DLB2002/);

    writeFileSync(session, retitle(original));
    await waitFor("la correction", () => preview.stderr().includes("version 3"), preview);
    expect(preview.stderr()).toMatch(
      new RegExp(`erreur corrigée : il n’y a plus d’erreur\\nmis à jour \\(version 3\\), documents modifiés : 2024-11, proces-verbal-2024-03-26 et liste-des-deliberations-2024-03-26 ${ms}\\n`),
    );
    expect((await preview.stop()).code).toBe(0);
  });
});
