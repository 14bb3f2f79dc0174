// A body's own templates: found through delib.config.yaml or --template, shadowing the built-in
// files one by one, images resolved against the file that names them, strict to the letter.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");
// A 1×1 transparent PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A register repository: delib.config.yaml at the top, the session two folders down. */
function register(config: string, files: Record<string, string | Buffer>): { root: string; session: string } {
  const root = mkdtempSync(join(tmpdir(), "delib-templates-"));
  writeFileSync(join(root, "delib.config.yaml"), config);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  mkdirSync(join(root, "seances/2021"), { recursive: true });
  const session = join(root, "seances/2021/2021-05-18.yaml");
  copyFileSync(example, session);
  return { root, session };
}

const letterhead = `<div class="letterhead">
{{#if assets.logo}}<img class="logo" src="{{assets.logo}}" alt="">{{/if}}
<p class="body-name">MAIRIE DE TEST — {{page.body}}</p>
</div>
`;

describe("a body's own templates", () => {
  it("override the letterhead through delib.config.yaml, with the logo it names", async () => {
    const { root, session } = register("format: 1\ntemplates: ./modele\nassets:\n  logo: ./images/logo.png\n", {
      "modele/partials/letterhead.hbs": letterhead,
      "images/logo.png": png,
    });
    const out = join(root, "out");
    const run = await runCli(["build", session, "--format", "html", "--documents", "extract", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, "2021-06.html"), "utf8");
    expect(html).toContain("MAIRIE DE TEST — SYNDICAT MIXTE OUVERT");
    // Handlebars escapes `=` in attributes as &#x3D;, which HTML decodes back.
    expect(html.replace(/&#x3D;/g, "=")).toContain(`<img class="logo" src="data:image/png;base64,${png.toString("base64")}"`);
    // Everything else still comes from the built-in set.
    expect(html).toContain("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU COMITÉ SYNDICAL");
  });

  it("take --template over the configuration", async () => {
    const { root, session } = register("format: 1\ntemplates: ./modele\n", {
      "modele/partials/letterhead.hbs": letterhead,
      "autre/partials/letterhead.hbs": '<p class="body-name">AUTRE EN-TÊTE</p>\n',
    });
    const out = join(root, "out");
    expect((await runCli(["build", session, "--format", "html", "--documents", "extract", "--template", join(root, "autre"), "--out", out])).code).toBe(0);
    const html = readFileSync(join(out, "2021-06.html"), "utf8");
    expect(html).toContain("AUTRE EN-TÊTE");
    expect(html).not.toContain("MAIRIE DE TEST");
  });

  it("resolve a stylesheet's images against the stylesheet's own folder", async () => {
    const { root, session } = register("format: 1\ntemplates: ./modele\n", {
      "modele/style.css": 'body { background: url("fond/filigrane.png"); }\n',
      "modele/fond/filigrane.png": png,
    });
    const out = join(root, "out");
    expect((await runCli(["build", session, "--format", "html", "--documents", "extract", "--out", out])).code).toBe(0);
    expect(readFileSync(join(out, "2021-06.html"), "utf8")).toContain(`url("data:image/png;base64,${png.toString("base64")}")`);
  });

  it("fail the build on a misspelt field, naming the template file and line", async () => {
    const { root, session } = register("format: 1\ntemplates: ./modele\n", {
      "modele/partials/letterhead.hbs": '<div class="letterhead">\n<p>{{page.bodi}}</p>\n</div>\n',
    });
    const out = join(root, "out");
    const run = await runCli(["build", session, "--format", "html", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/modele\/partials\/letterhead\.hbs:2:\d+ - error DLB5002: the template uses `bodi`, which the document data does not have/);
    expect(run.stderr).toContain("--emit json");
    expect(run.stdout).toBe("");
  });

  it("fail on a template syntax error with its location", async () => {
    const { root, session } = register("format: 1\ntemplates: ./modele\n", {
      "modele/partials/letterhead.hbs": '<div class="letterhead">\n{{#if page.body}}\n<p>{{page.body}}</p>\n</div>\n',
    });
    const run = await runCli(["build", session, "--format", "html", "--out", join(root, "out")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/modele\/partials\/letterhead\.hbs:\d+:\d+ - error DLB5001: template: /);
  });

  it("report an image that does not exist, and a misspelt configuration field", async () => {
    const missing = register("format: 1\nassets:\n  logo: ./images/absent.png\n", {});
    const run = await runCli(["build", missing.session, "--format", "html", "--out", join(missing.root, "out")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error DLB5005: the image `logo`");
    expect(run.stderr).toContain("no such file");

    const typo = register("format: 1\ntemplate: ./modele\n", {});
    const bad = await runCli(["build", typo.session, "--format", "html", "--out", join(typo.root, "out")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/delib\.config\.yaml:2:1 - error DLB2002: unknown field `template`, did you mean `templates`\?/);
  });
});
