import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateInFrenchWords, numberInFrenchWords } from "../../src/render/french-words.js";

const NUMBERS: readonly [number, string][] = [
  [0, "zéro"],
  [1, "un"],
  [2, "deux"],
  [10, "dix"],
  [11, "onze"],
  [16, "seize"],
  [17, "dix-sept"],
  [19, "dix-neuf"],
  [20, "vingt"],
  [21, "vingt-et-un"],
  [22, "vingt-deux"],
  [30, "trente"],
  [31, "trente-et-un"],
  [41, "quarante-et-un"],
  [51, "cinquante-et-un"],
  [61, "soixante-et-un"],
  [69, "soixante-neuf"],
  [70, "soixante-dix"],
  [71, "soixante-et-onze"],
  [72, "soixante-douze"],
  [77, "soixante-dix-sept"],
  [79, "soixante-dix-neuf"],
  [80, "quatre-vingts"],
  [81, "quatre-vingt-un"],
  [89, "quatre-vingt-neuf"],
  [90, "quatre-vingt-dix"],
  [91, "quatre-vingt-onze"],
  [99, "quatre-vingt-dix-neuf"],
  [100, "cent"],
  [101, "cent un"],
  [111, "cent onze"],
  [121, "cent vingt-et-un"],
  [171, "cent soixante-et-onze"],
  [180, "cent quatre-vingts"],
  [181, "cent quatre-vingt-un"],
  [200, "deux cents"],
  [201, "deux cent un"],
  [280, "deux cent quatre-vingts"],
  [999, "neuf cent quatre-vingt-dix-neuf"],
  [1000, "mille"],
  [1001, "mille un"],
  [1080, "mille quatre-vingts"],
  [1100, "mille cent"],
  [1999, "mille neuf cent quatre-vingt-dix-neuf"],
  [2000, "deux mille"],
  [2021, "deux mille vingt-et-un"],
  [2022, "deux mille vingt-deux"],
  [10_000, "dix mille"],
  [21_000, "vingt-et-un mille"],
  [80_000, "quatre-vingt mille"],
  [80_080, "quatre-vingt mille quatre-vingts"],
  [100_000, "cent mille"],
  [200_000, "deux cent mille"],
  [200_200, "deux cent mille deux cents"],
  [999_999, "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"],
  [1_000_000, "un million"],
  [1_000_001, "un million un"],
  [1_001_000, "un million mille"],
  [2_000_000, "deux millions"],
  [21_000_000, "vingt-et-un millions"],
  [80_000_000, "quatre-vingts millions"],
  [200_000_000, "deux cents millions"],
  [201_000_000, "deux cent un millions"],
  [
    999_999_999,
    "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf",
  ],
];

const WORDS = /^[a-zàâçéèêëîïôûùüÿœ]+(?:[- ][a-zàâçéèêëîïôûùüÿœ]+)*$/;

describe("numberInFrenchWords", () => {
  it.each(NUMBERS)("%i is %s", (n, words) => {
    expect(numberInFrenchWords(n)).toBe(words);
  });

  it.each([-1, 1.5, 1_000_000_000, Number.NaN, Number.POSITIVE_INFINITY, -0.5])("rejects %s", (n) => {
    expect(() => numberInFrenchWords(n)).toThrow(RangeError);
  });

  it("writes only lower-case letters, hyphens and single spaces", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(numberInFrenchWords(n)).toMatch(WORDS);
      }),
    );
  });

  it("gives distinct numbers distinct words", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), (a, b) => {
        fc.pre(a !== b);
        expect(numberInFrenchWords(a)).not.toBe(numberInFrenchWords(b));
      }),
    );
    const all = new Set(Array.from({ length: 10_000 }, (_, n) => numberInFrenchWords(n)));
    expect(all.size).toBe(10_000);
  });

  it("uses -et- only before un/onze, never after quatre-vingt, and plural s only at the end", () => {
    const wrong: string[] = [];
    for (let n = 0; n < 100_000; n += 1) {
      const words = numberInFrenchWords(n);
      const bad =
        /-et-(?!un\b|onze\b)/.test(words) ||
        words.includes("quatre-vingt-et") ||
        /(quatre-vingts|cents) ./.test(words);
      if (bad) wrong.push(`${n}: ${words}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("dateInFrenchWords", () => {
  it.each([
    ["2021-05-18", "dix-huit mai deux mille vingt-et-un"],
    ["2021-05-12", "douze mai deux mille vingt-et-un"],
    ["2021-05-05", "cinq mai deux mille vingt-et-un"],
    ["2022-01-01", "premier janvier deux mille vingt-deux"],
    ["2021-12-31", "trente-et-un décembre deux mille vingt-et-un"],
    ["2024-02-29", "vingt-neuf février deux mille vingt-quatre"],
    ["2000-08-11", "onze août deux mille"],
    ["1999-10-21", "vingt-et-un octobre mille neuf cent quatre-vingt-dix-neuf"],
    ["1980-07-14", "quatorze juillet mille neuf cent quatre-vingts"],
    ["2023-03-02", "deux mars deux mille vingt-trois"],
  ])("%s is %s", (date, words) => {
    expect(dateInFrenchWords(date)).toBe(words);
  });

  it.each([
    "2021-02-29",
    "1900-02-29",
    "2023-13-01",
    "2021-00-10",
    "2021-04-31",
    "2021-05-00",
    "2021-5-18",
    "18/05/2021",
    "",
    "2021-05-18T00:00",
    "0000-01-01",
    " 2021-05-18",
  ])("rejects %j", (date) => {
    expect(() => dateInFrenchWords(date)).toThrow(RangeError);
  });

  it("names every valid day of every year in words", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const words = dateInFrenchWords(iso);
          expect(words).toMatch(WORDS);
          expect(words.startsWith(date.getUTCDate() === 1 ? "premier " : numberInFrenchWords(date.getUTCDate()))).toBe(
            true,
          );
        },
      ),
    );
  });
});
