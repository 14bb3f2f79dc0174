import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const schema = JSON.parse(readFileSync("schemas/session.schema.json", "utf8")) as Record<string, unknown>;

/** Every object schema below `node`, with its JSON pointer. */
function objectSchemas(node: unknown, pointer = "#"): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== "object") return [];
  const found: [string, Record<string, unknown>][] = [];
  const record = node as Record<string, unknown>;
  if (record.type === "object") found.push([pointer, record]);
  for (const [key, value] of Object.entries(record)) {
    if (key === "enum" || key === "const") continue;
    found.push(...objectSchemas(value, `${pointer}/${key}`));
  }
  return found;
}

describe("schemas/session.schema.json", () => {
  it("is JSON Schema 2020-12 with an $id, a title and a description", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^urn:delib:schema:session:\d+$/);
    expect(schema.title).toBe("delib session file");
    expect(schema.description).toMatch(/^One sitting of a deliberative assembly/);
  });

  it("closes every object (additionalProperties: false, or a typed map)", () => {
    const objects = objectSchemas(schema);
    expect(objects.length).toBeGreaterThan(10);
    for (const [pointer, object] of objects) {
      const extra = object.additionalProperties;
      expect(extra === false || (typeof extra === "object" && extra !== null), pointer).toBe(true);
    }
  });

  it("gives every property a title and a description, for editors", () => {
    let count = 0;
    for (const [pointer, object] of objectSchemas(schema)) {
      for (const [name, property] of Object.entries((object.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        count++;
        expect(typeof property.title === "string" && property.title.length > 0, `${pointer}/properties/${name} title`).toBe(true);
        expect(typeof property.description === "string" && property.description.length > 10, `${pointer}/properties/${name} description`).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(40);
  });

  it("is named on the first line of every example", () => {
    const dir = "examples";
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const first = readFileSync(join(dir, file), "utf8").split("\n")[0];
      const schema = file.endsWith("delib.config.yaml") ? "config" : "session";
      expect(first, file).toMatch(new RegExp(`^# yaml-language-server: \\$schema=(\\.\\./)+schemas/${schema}\\.schema\\.json$`));
    }
  });
});
