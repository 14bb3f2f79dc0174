// The workflow `delib init` writes to publish the register on GitHub Pages: `delib publish`,
// then the two official actions, with the permissions they need, Chromium from apt and the
// whole history (the « mis en ligne » dates are read from it).
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { scaffold } from "../../src/init/scaffold.js";

const options = { name: "Commune de Saint-Amand-sur-Ornain", kind: "commune", assembly: "conseil municipal", date: "2024-03-12", dependency: "^0.1.0" } as const;

interface Workflow {
  name: string;
  on: { push: { branches: string[] }; workflow_dispatch: null };
  permissions: Record<string, string>;
  jobs: Record<string, { environment: { name: string; url: string }; steps: { uses?: string; run?: string; id?: string; with?: Record<string, unknown> }[] }>;
}

describe("delib init's publishing workflow", () => {
  for (const language of ["fr", "en"] as const) {
    it(`builds the site and deploys it to GitHub Pages (${language})`, () => {
      const files = scaffold({ ...options, language });
      const text = files.find((f) => f.path === ".github/workflows/publier.yml")!.contents;
      const workflow = jsYaml.load(text) as Workflow;
      expect(workflow.name).toBe(language === "fr" ? "Publication du registre" : "Publishing the register");
      expect(workflow.on.push.branches).toContain("main");
      expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
      const job = Object.values(workflow.jobs)[0]!;
      expect(job.environment).toEqual({ name: "github-pages", url: "${{ steps.deploiement.outputs.page_url }}" });
      const steps = job.steps;
      const at = (match: (s: (typeof steps)[number]) => boolean) => steps.findIndex(match);
      const checkout = at((s) => s.uses === "actions/checkout@v4");
      const chromium = at((s) => /apt-get install -y chromium/.test(s.run ?? ""));
      const publish = at((s) => s.run === "npx delib publish --out site");
      const upload = at((s) => s.uses === "actions/upload-pages-artifact@v3");
      const deploy = at((s) => s.uses === "actions/deploy-pages@v4");
      expect(steps[checkout]!.with).toEqual({ "fetch-depth": 0 });
      expect([checkout, chromium, publish, upload, deploy].every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
      expect(steps[upload]!.with).toEqual({ path: "site/" });
      expect(steps[deploy]!.id).toBe("deploiement");
      expect(files.find((f) => f.path === ".gitignore")!.contents).toContain("site/\n");
    });
  }
});
