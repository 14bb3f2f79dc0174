// A register of many session files the size of the reference example, for the validation
// benchmark: each a copy of the example with its own date and deliberation number. Dates are
// quoted so that ajv-cli, whose YAML reader turns bare dates into Date objects, accepts them too.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const example = readFileSync(new URL("../examples/nord-pas-de-calais-numerique/2021-05-18.yaml", import.meta.url), "utf8");

/** Writes `count` session files into `dir`, in sub-folders of a thousand; returns their paths. */
export function generateRegister(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const year = 2000 + Math.floor(i / 365);
    const day = new Date(Date.UTC(year, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    const convened = new Date(Date.UTC(year, 0, 1 + (i % 365) - 7)).toISOString().slice(0, 10);
    const firstConvened = new Date(Date.UTC(year, 0, 1 + (i % 365) - 14)).toISOString().slice(0, 10);
    // The example is a second convocation after a sitting without quorum (9 present of 21): its
    // failed convocation moves with the date, so every file keeps the quorum the law gives it.
    const text = example
      .replace(/^( {2}date: )2021-05-18$/m, `$1"${day}"`)
      .replace(/^( {2}convened_on: )2021-05-12$/m, `$1"${convened}"`)
      .replace(/^( {4}convened_on: )2021-05-05$/m, `$1"${firstConvened}"`)
      .replace(/^( {4}date: )2021-05-12$/m, `$1"${convened}"`)
      .replace(/number: "2021-06"/, `number: "${year}-${String(i).padStart(5, "0")}"`);
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(2, "0"));
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${day}-${i}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
