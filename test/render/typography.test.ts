// French typography, driven from one place (issue 11, item 6): typeset() over a document's data.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/markdown.js";
import { frenchTypography, typeset } from "../../src/render/words.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const names = ["Jean DUPONT", "Hélène ROUSSEL", "Marie-Claire DE LA TOUR", "Jean DUPONT-MOREL", "Anne D'ALMEIDA"];

/** typeset() on one string, with the names of the sitting. */
function set(text: string): string {
  return typeset(text, { names });
}

describe("names held on one line", () => {
  it("joins civility, first name and last name with no-break spaces", () => {
    expect(set("M. Jean DUPONT donne pouvoir")).toBe(`M.${NBSP}Jean${NBSP}DUPONT donne pouvoir`);
    expect(set("Madame Hélène ROUSSEL, présidente")).toBe(`Madame${NBSP}Hélène${NBSP}ROUSSEL, présidente`);
    expect(set("Monsieur Jean DUPONT")).toBe(`Monsieur${NBSP}Jean${NBSP}DUPONT`);
    expect(set("Mme Marie-Claire DE LA TOUR est élue")).toBe(`Mme${NBSP}Marie-Claire${NBSP}DE${NBSP}LA${NBSP}TOUR est élue`);
  });

  it("joins a name printed without its civility, as in a signature or a table", () => {
    expect(set("Hélène ROUSSEL")).toBe(`Hélène${NBSP}ROUSSEL`);
    expect(set("présents : Jean DUPONT et Hélène ROUSSEL.")).toBe(`présents${NBSP}: Jean${NBSP}DUPONT et Hélène${NBSP}ROUSSEL.`);
  });

  it("takes the longest name first", () => {
    expect(set("M. Jean DUPONT-MOREL")).toBe(`M.${NBSP}Jean${NBSP}DUPONT-MOREL`);
  });

  it("finds a name with an apostrophe once the apostrophe is typographic", () => {
    expect(set("Mme Anne D'ALMEIDA")).toBe(`Mme${NBSP}Anne${NBSP}D’ALMEIDA`);
    expect(typeset("Mme Anne D’ALMEIDA", { names: ["Anne D’ALMEIDA"] })).toBe(`Mme${NBSP}Anne${NBSP}D’ALMEIDA`);
  });

  it("leaves words that only begin like a name, and names it does not know", () => {
    expect(set("Jean DUPONTEL")).toBe("Jean DUPONTEL");
    expect(set("Jean DURAND et Paul MARTIN")).toBe("Jean DURAND et Paul MARTIN");
    expect(set("Monsieur le Président")).toBe("Monsieur le Président");
  });

  it("holds an abbreviated civility to the name after it, known or not", () => {
    expect(set("M. DUPONT et Mme MARTIN")).toBe(`M.${NBSP}DUPONT et Mme${NBSP}MARTIN`);
    expect(typeset("MM. DURAND et MOREL")).toBe(`MM.${NBSP}DURAND et MOREL`);
  });

  it("holds a name across markup, never inside a tag", () => {
    // HTML with attributes, as a template may write it (the Markdown of texts has none: render/markdown.ts prints links as text).
    const html = `<p><strong>M. Jean DUPONT</strong> présente le rapport de <a href="https://x.fr/p" title="M. Jean DUPONT l'a dit">Hélène ROUSSEL</a>.</p>`;
    const out = set(html);
    expect(out).toContain(`<strong>M.${NBSP}Jean${NBSP}DUPONT</strong>`);
    expect(out).toContain(`>Hélène${NBSP}ROUSSEL</a>`);
    expect(html).toContain(`title="M. Jean DUPONT l'a dit"`);
    expect(out.match(/<a [^>]*>/)![0]).toBe(html.match(/<a [^>]*>/)![0]);
    expect(set('<span title="M. Jean DUPONT">x</span>')).toBe('<span title="M. Jean DUPONT">x</span>');
  });

  it("finds every occurrence in a long string", () => {
    const text = Array.from({ length: 50 }, () => "M. Jean DUPONT, Mme Hélène ROUSSEL").join(" ; ");
    expect(set(text)).not.toMatch(/(M\.|Mme|Jean|Hélène) /);
  });
});

describe("typographic apostrophes", () => {
  it("turns the apostrophe of the text into ’", () => {
    expect(set("l'exercice de l'année, aujourd'hui")).toBe("l’exercice de l’année, aujourd’hui");
    expect(set(renderMarkdown("D'adhérer à l'association"))).toBe("<p>D’adhérer à l’association</p>");
  });

  it("never changes a tag or its attributes", () => {
    expect(set("<a href='x'>l'acte</a>")).toBe("<a href='x'>l’acte</a>");
    expect(set(`<a href="https://x.fr/l'acte" title='l&apos;acte'>voir l'acte</a>`)).toBe(
      `<a href="https://x.fr/l'acte" title='l&apos;acte'>voir l’acte</a>`,
    );
    expect(set("<img alt='l'image'> et l'image")).toBe("<img alt='l'image'> et l’image");
  });

  it("reads a bare < in a plain field as text", () => {
    expect(set("montant < 5 000 € s'il y a lieu")).toBe("montant < 5 000 € s’il y a lieu");
  });
});

describe("the French rules as before", () => {
  it("keeps guillemets and colons with their words, with narrow spaces before ; ! ?", () => {
    expect(set("au lieu-dit « Les Ouches »")).toBe(`au lieu-dit «${NBSP}Les Ouches${NBSP}»`);
    expect(set("Objet : tarifs ; vraiment ? oui !")).toBe(`Objet${NBSP}: tarifs${NNBSP}; vraiment${NNBSP}? oui${NNBSP}!`);
    expect(set('<a href="http://x.fr/a?b=1">lien</a> : 553 sites')).toBe(`<a href="http://x.fr/a?b=1">lien</a>${NBSP}: 553 sites`);
    expect(set("18:30, 3 500 €")).toBe("18:30, 3 500 €");
  });

  it("frenchTypography, without names, follows the same rules", () => {
    expect(frenchTypography("l'objet : « M. DUPONT »")).toBe(`l’objet${NBSP}: «${NBSP}M.${NBSP}DUPONT${NBSP}»`);
    expect(frenchTypography("<a href='x'>l'acte</a> : vu")).toBe(`<a href='x'>l’acte</a>${NBSP}: vu`);
  });
});

describe("typeset over a document's data", () => {
  const data = {
    page: { lang: "fr", title: "Délibération 2024-01 – Adhésion à l'agence", running: "Commune de l'Isle — « 2024-01 »", count: 3, draft: false },
    attendance: [{ member: "M. Jean DUPONT", proxy: "Mme Hélène ROUSSEL", present: true }],
    preamble: { html: `<p>Vu l'avis de <strong>M. Jean DUPONT</strong> : <a href="https://x.fr/a?b=1&amp;c='d'">l'acte</a></p>` },
    none: null,
  };

  it("sets every string, leaves the other values and the shape as they are", () => {
    const out = typeset(data, { names });
    expect(out.page.title).toBe("Délibération 2024-01 – Adhésion à l’agence");
    expect(out.page.running).toBe(`Commune de l’Isle — «${NBSP}2024-01${NBSP}»`);
    expect(out.page.lang).toBe("fr");
    expect(out.page.count).toBe(3);
    expect(out.page.draft).toBe(false);
    expect(out.none).toBeNull();
    expect(out.attendance).toEqual([{ member: `M.${NBSP}Jean${NBSP}DUPONT`, proxy: `Mme${NBSP}Hélène${NBSP}ROUSSEL`, present: true }]);
    expect(out.preamble.html).toContain(`Vu l’avis de <strong>M.${NBSP}Jean${NBSP}DUPONT</strong>${NBSP}: <a href=`);
    expect(out.preamble.html).toContain(`>l’acte</a>`);
    // Whatever the attribute holds, it is untouched.
    expect(out.preamble.html.match(/href="[^"]*"/)![0]).toBe(data.preamble.html.match(/href="[^"]*"/)![0]);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(data);
    typeset(data, { names });
    expect(JSON.stringify(data)).toBe(before);
  });

  it("is idempotent: set twice is set once", () => {
    const once = typeset(data, { names });
    expect(typeset(once, { names })).toEqual(once);
    for (const text of ["M. Jean DUPONT : l'avis « oui » ; non !", "<a href='x'>Mme Marie-Claire DE LA TOUR</a>", "Anne D'ALMEIDA"]) {
      expect(set(set(text))).toBe(set(text));
    }
  });

  it("with no names, still sets the French rules", () => {
    expect(typeset({ a: ["l'acte de Jean DUPONT"] })).toEqual({ a: ["l’acte de Jean DUPONT"] });
    expect(typeset("l'acte", { names: [] })).toBe("l’acte");
  });
});
