// DELIB_URL of `delib export --scdl`: the address of the act's PDF on the site `delib publish`
// makes, from `site.base_url` of delib.config.yaml (before issue 14 it was always empty: no base
// URL could be set), through the one layout both commands use (src/model/site-layout.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actPdfPath, relativeHref, siteUrl, urlPath } from "../../src/model/site-layout.js";
import { config, marcilly, parseCsv, register, runExport } from "../export/temp-register.js";

function urls(stdout: string): string[] {
  const [header, ...rows] = parseCsv(stdout);
  return rows.map((r) => r[header!.indexOf("DELIB_URL")]!);
}

describe("delib export --scdl and the site's address", () => {
  it("fills DELIB_URL with the address of each act's PDF under `site.base_url`", async () => {
    const dir = register({ "delib.config.yaml": `${config}site:\n  base_url: https://mairie-exemple.github.io/registre/\n`, "seances/2023-12-12.yaml": marcilly() });
    const run = await runExport([join(dir, "seances/2023-12-12.yaml")]);
    expect(run.code).toBe(0);
    expect(urls(run.stdout)).toEqual(["45", "46", "47", "48", "49"].map((n) => `https://mairie-exemple.github.io/registre/pdf/2023-${n}.pdf`));
  });

  it("joins an address given without its final slash, and leaves DELIB_URL empty without one", async () => {
    const withSubPath = register({ "delib.config.yaml": `${config}site:\n  base_url: https://registre.example.fr/deliberations\n`, "seances/2023-12-12.yaml": marcilly() });
    expect(urls((await runExport([join(withSubPath, "seances/2023-12-12.yaml")])).stdout)[0]).toBe("https://registre.example.fr/deliberations/pdf/2023-45.pdf");
    const without = register({ "delib.config.yaml": config, "seances/2023-12-12.yaml": marcilly() });
    expect(urls((await runExport([join(without, "seances/2023-12-12.yaml")])).stdout)).toEqual(["", "", "", "", ""]);
  });

  it("refuses an address that is not http(s) at its place in the configuration", async () => {
    const dir = register({ "delib.config.yaml": `${config}site:\n  base_url: ftp://registre.example.fr/\n`, "seances/2023-12-12.yaml": marcilly() });
    const run = await runExport([join(dir, "seances/2023-12-12.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/delib\.config\.yaml:\d+:\d+ - error DLB2\d{3}/);
  });
});

describe("the site's layout", () => {
  it("encodes each segment, and links relatively from any page", () => {
    expect(urlPath("pdf/2023 #1%.pdf")).toBe("pdf/2023%20%231%25.pdf");
    expect(siteUrl("https://a.example/b/", actPdfPath("2023-01"))).toBe("https://a.example/b/pdf/2023-01.pdf");
    expect(relativeHref("deliberations/2023-01.html", "pdf/2023-01.pdf")).toBe("../pdf/2023-01.pdf");
    expect(relativeHref("index.html", "seances/2023-04-07.html")).toBe("seances/2023-04-07.html");
  });
});
