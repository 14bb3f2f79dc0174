// The descriptions of delib's schemas are hints of the schema diagnostics (DLB2xxx), under
// `schema.<name>#` and the JSON Pointer of their node: the translator takes them from the schema
// (English) and locales/schema/fr.json (French, what an editor shows), so the hint and the editor
// say the same. A description's code samples with braces are values: the French keeps them.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { descriptionMessage, englishSchemaJson, schemaTexts, schemaTranslation } from "../../src/diagnostics/schema-texts.js";
import { catalogueOf } from "../../src/diagnostics/translator.js";
import { schemaDescriptions } from "../../src/validate/validate-schema.js";
import { english, french } from "../support/english.js";

const editorFrench = new URL("../../locales/schema/fr.json", import.meta.url);

describe.each(["session", "config"] as const)("the descriptions of schemas/%s.schema.json", (name) => {
  const descriptions = schemaDescriptions(name);

  it("are in the catalogues, in the schema's English", () => {
    expect(descriptions.size).toBeGreaterThan(40);
    const differ = [...descriptions].filter(([text, message]) => !Object.hasOwn(catalogueOf("en"), message.id) || english.text(message) !== text);
    expect(differ.map(([text, message]) => `${message.id}: ${text}`)).toEqual([]);
  });

  it.skipIf(!existsSync(editorFrench))("are in French as the French schema an editor shows says them", () => {
    const schema = (JSON.parse(readFileSync(editorFrench, "utf8")) as Record<string, Record<string, { description?: string }>>)[name] ?? {};
    const differ = [...descriptions.values()].filter((message) => french.text(message) !== schema[message.id.slice(message.id.indexOf("#") + 1)]?.description);
    expect(differ.map((m) => m.id)).toEqual([]);
  });

  it("keep in French the code samples with braces of the English, in order (they are the values {code1}…)", () => {
    const translation = schemaTranslation(name, "fr");
    const differ = [...schemaTexts(JSON.parse(englishSchemaJson(name)))].filter(([pointer, own]) => {
      const french = translation[pointer]?.description;
      if (own.description === undefined || french === undefined) return false;
      return JSON.stringify(descriptionMessage(own.description).values) !== JSON.stringify(descriptionMessage(french).values);
    });
    expect(differ.map(([pointer]) => pointer)).toEqual([]);
  });
});
