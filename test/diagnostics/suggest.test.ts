import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../../src/diagnostics/suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["quorom", "quorum", 1],
    ["qourum", "quorum", 1], // transposition
    ["ca", "abc", 3], // optimal string alignment, not unrestricted Damerau-Levenshtein (2)
    ["présent", "present", 1],
  ] as const)("%j to %j is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("suggest", () => {
  const FIELDS = ["date", "place", "quorum", "attendance", "president"];

  it("finds close misspellings", () => {
    expect(suggest("quorom", FIELDS)).toBe("quorum");
    expect(suggest("attendence", FIELDS)).toBe("attendance");
    expect(suggest("presdient", FIELDS)).toBe("president");
    expect(suggest("dat", FIELDS)).toBe("date");
  });

  it("gives nothing when nothing is close", () => {
    expect(suggest("xyz", ["date", "place"])).toBeUndefined();
    expect(suggest("votes", FIELDS)).toBeUndefined();
    expect(suggest("anything", [])).toBeUndefined();
  });

  it("ignores case and returns the candidate's spelling", () => {
    expect(suggest("QUOROM", FIELDS)).toBe("quorum");
    expect(suggest("quorom", ["Quorum"])).toBe("Quorum");
  });

  it("allows one edit per three characters, at least one", () => {
    expect(suggest("ab", ["ax"])).toBe("ax");
    expect(suggest("ab", ["xy"])).toBeUndefined();
    expect(suggest("abcdef", ["abcdxy"])).toBe("abcdxy");
    expect(suggest("abcdef", ["abcxyz"])).toBeUndefined();
  });

  it("breaks ties by candidate order", () => {
    expect(suggest("cat", ["bat", "cot", "cap"])).toBe("bat");
    expect(suggest("cat", ["cap", "bat"])).toBe("cap");
    expect(suggest("cat", ["bat", "cat"])).toBe("cat");
  });
});
