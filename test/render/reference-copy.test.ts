import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { referenceFile, sharedReferenceFile } from "../support/reference.js";

describe("the repository's copy of the reference deliberation", () => {
  it.runIf(existsSync(sharedReferenceFile))("equals ../shared/reference (CI has it beside the clone)", () => {
    expect(readFileSync(referenceFile, "utf8")).toBe(readFileSync(sharedReferenceFile, "utf8"));
  });
});
