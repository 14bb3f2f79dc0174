// What `build --watch` relies on to print only what changed: the documents are known by name
// before they are rendered (plannedDocuments), a document rendered alone is the one rendered with
// all the others (renderDocument), and a document is compared without its provenance line, which
// every save changes (contentKey).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import { plannedDocuments, prepareTemplates, renderDocument, renderDocuments } from "../../src/documents.js";
import { contentKey } from "../../src/cli/rebuild.js";
import { repoRoot } from "../support/run-cli.js";

const examples = readdirSync(join(repoRoot, "examples"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => readdirSync(join(repoRoot, "examples", e.name)).filter((f) => /^\d{4}-\d{2}-\d{2}\.yaml$/.test(f)).map((f) => `examples/${e.name}/${f}`));

const provenance = (hash: string, commit?: string) => ({ source: "seance.yaml", commit, modified: false, hash });

describe("a document rendered alone", () => {
  it.each(examples)("is the one rendered with the others: %s", async (file) => {
    const set = await checkSessions([file], { cwd: repoRoot });
    expect(set.ok).toBe(true);
    const checked = set.files[0]!;
    const prepared = prepareTemplates(checked.config, undefined, repoRoot).value!;
    const options = { ...prepared, provenance: provenance("0123456789abcdef0123"), links: checked.links };
    const together = renderDocuments(checked.outcome!, options).value!;
    // The plan names every document, in order, before any is rendered.
    const planned = plannedDocuments(checked.outcome!);
    expect(planned.map((p) => p.name)).toEqual(together.map((d) => d.name));
    const alone = planned.flatMap((p) => renderDocument(checked.outcome!, p.which, options).value!);
    expect(alone.map((d) => d.name)).toEqual(together.map((d) => d.name));
    alone.forEach((d, i) => {
      expect(d.html === together[i]!.html, d.name).toBe(true);
      expect(d.meta, d.name).toEqual(together[i]!.meta);
      expect(d.data, d.name).toEqual(together[i]!.data);
    });
  });
});

describe("the content a watch compares", () => {
  it("leaves out the provenance line and the source's metadata, and nothing else", async () => {
    const file = "examples/saint-julien-de-verac/2024-03-26.yaml";
    const set = await checkSessions([file], { cwd: repoRoot });
    const checked = set.files[0]!;
    const prepared = prepareTemplates(checked.config, undefined, repoRoot).value!;
    const render = (p: ReturnType<typeof provenance>) => renderDocuments(checked.outcome!, { ...prepared, provenance: p, links: checked.links }).value!;
    const before = render(provenance("aaaaaaaaaaaaaaaaaaaa"));
    const after = render(provenance("bbbbbbbbbbbbbbbbbbbb", "0123456789abcdef0123456789abcdef01234567"));
    for (const [i, d] of before.entries()) {
      // The HTML differs (the line names the new hash and commit), the content does not.
      expect(d.html).not.toBe(after[i]!.html);
      expect(d.html).toContain("aaaaaaaaaaaaaaaa");
      expect(contentKey(d)).toBe(contentKey(after[i]!));
      expect(contentKey(d)).not.toContain("aaaaaaaaaaaaaaaa");
    }
    // Any other change is seen: a word of the text.
    const edited = renderDocuments(
      { ...checked.outcome!, motions: checked.outcome!.motions.map((m, i) => (i === 0 ? { ...m, motion: { ...m.motion, title: `${m.motion.title} modifié` } } : m)) },
      { ...prepared, provenance: provenance("aaaaaaaaaaaaaaaaaaaa"), links: checked.links },
    ).value!;
    const changed = edited.filter((d, i) => contentKey(d) !== contentKey(before[i]!)).map((d) => d.name);
    expect(changed).toEqual(["2024-08", "proces-verbal-2024-03-26", "liste-des-deliberations-2024-03-26"]);
  });
});
