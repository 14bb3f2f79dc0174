import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { renderDocuments } from "../../src/documents.js";
import { htmlText, missingReferenceLines, referenceLines, referenceRows } from "../support/reference.js";
import { session } from "../support/session-builder.js";
import { tallySession as tally } from "../../src/check.js";

const examplePath = "examples/nord-pas-de-calais-numerique/2021-05-18.yaml";

function buildExample() {
  const checked = checkText({ path: examplePath, text: readFileSync(examplePath, "utf8") });
  return renderDocuments(checked.outcome!).value!;
}

describe("the extract of deliberation 2021-06", () => {
  const [document] = buildExample();

  it("is named after the deliberation number, beside the procès-verbal and the list", () => {
    expect(buildExample().map((d) => d.name)).toEqual(["2021-06", "proces-verbal-2021-05-18", "liste-des-deliberations-2021-05-18"]);
  });

  it("reproduces every line of the reference document", () => {
    expect(referenceLines().length).toBeGreaterThan(40);
    expect(missingReferenceLines(htmlText(document!.html))).toEqual([]);
  });

  it("ticks the attendance boxes of the reference, with M. Charles BAREGE excused", () => {
    const rows = [...document!.html.matchAll(/<td class="member"><span class="name">([^<]*)<\/span><\/td>\s*((?:<td class="box">.*?<\/td>\s*){4})/g)].map((m) => ({
      member: m[1]!.replace(/\u00a0/g, " "),
      ticks: [...m[2]!.matchAll(/<td class="box">(.*?)<\/td>/g)].map((c) => c[1] !== ""),
    }));
    const expected = referenceRows().map((r) => ({
      member: r.member,
      ticks: r.member === "M. Charles BAREGE" ? [false, false, true, false] : r.ticks,
    }));
    expect(rows).toEqual(expected);
  });

  it("prints the computed totals row 9, 0, 12, 2", () => {
    const totals = /<tr class="totals">([\s\S]*?)<\/tr>/.exec(document!.html)![1]!;
    expect([...totals.matchAll(/<td class="box">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([9, 0, 12, 2]);
  });

  it("contains no script and refers to no outside resource", () => {
    expect(document!.html).not.toMatch(/<script/i);
    expect(document!.html).not.toMatch(/\b(src|href)="(?!http:\/\/carto\.assembleurs\.co\/|data:)/);
    expect(document!.html).not.toMatch(/url\((?!"data:)/);
    expect(document!.html).toContain("default-src 'none'");
  });

  it("gives the same bytes on every render", () => {
    expect(buildExample()[0]!.html).toBe(document!.html);
  });
});

describe("escaping: the file's text is shown, never interpreted", () => {
  it("escapes markup in plain fields and in Markdown", () => {
    const s = session()
      .members(3)
      .vote(
        { for: 3, against: 0 },
        {
          title: `Objet <script>alert("x")</script> & "guillemets"`,
          preamble: `Texte <img src="http://example.invalid/x.png"> et [lien](javascript:alert(1)).`,
        },
      )
      .build();
    const [doc] = renderDocuments(tally(s)).value!;
    expect(doc!.html).not.toContain("<script>alert");
    expect(doc!.html).toContain("&lt;script&gt;");
    expect(doc!.html).not.toContain('<img src="http://example.invalid');
    expect(doc!.html).not.toContain('href="javascript:');
    expect(htmlText(doc!.html)).toContain(`Objet <script>alert("x")</script> & "guillemets"`);
  });
});

describe("outcomes are printed, not errors", () => {
  it("says a motion was rejected", () => {
    const [doc] = renderDocuments(tally(session().members(5).vote({ for: 2, against: 3 }).build())).value!;
    expect(htmlText(doc!.html)).toContain("Rejetée par :");
  });

  it("says why a motion was not adopted for lack of quorum, with the figures", () => {
    const [doc] = renderDocuments(tally(session().members(5).excused("m3", "m4", "m5").vote({ for: 2, against: 0 }).build())).value!;
    const text = htmlText(doc!.html);
    expect(text).toContain("Quorum : 2 présents sur 5 membres en exercice, 3 requis (art. L2121-17 du CGCT) : non atteint.");
    expect(text).toContain("le quorum n’étant pas atteint");
    expect(text).not.toContain("Voix pour");
  });

  it("states the quorum reached in an ordinary sitting", () => {
    const [doc] = renderDocuments(tally(session().members(5).excused("m5").vote({ for: 4, against: 0 }).build())).value!;
    expect(htmlText(doc!.html)).toContain("Quorum : 4 présents sur 5 membres en exercice, 3 requis (art. L2121-17 du CGCT) : atteint.");
  });
});

describe("French typography", () => {
  it("keeps guillemets and colons with their words, and leaves markup alone", async () => {
    const { frenchTypography } = await import("../../src/render/words.js");
    expect(frenchTypography("au lieu-dit « Les Ouches »")).toBe("au lieu-dit «\u00a0Les Ouches\u00a0»");
    expect(frenchTypography("Objet : tarifs ; vraiment ? oui !")).toBe("Objet\u00a0: tarifs\u202f; vraiment\u202f? oui\u202f!");
    expect(frenchTypography('<a href="http://x.fr/a?b=1">lien</a> : 553 sites')).toBe('<a href="http://x.fr/a?b=1">lien</a>\u00a0: 553 sites');
    expect(frenchTypography("18:30, 3 500 €")).toBe("18:30, 3 500 €");
  });
});
