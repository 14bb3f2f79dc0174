// Reading session files as clerks produce them (issue 12, part 4): a file saved by Windows
// Notepad in « ANSI » (Windows-1252) is refused where its first accented letter is, never read
// as « Fr�d�ric »; UTF-16, a byte-order mark, Windows and old Mac line ends, paths with spaces
// and accents. DLB1014 is tested here, not by a fixture of test/fixtures/invalid/: that suite
// reads each fixture as UTF-8 text before delib sees it, so the bytes would already be lost.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import { checkText } from "../../src/check-file.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatHuman } from "../../src/diagnostics/format-human.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { decodeSource, decodeWindows1252, loadSourceSync } from "../../src/source/load-source.js";
import { en, english, french } from "../support/english.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const NOTEPAD = "test/fixtures/encodings/windows-1252-notepad.yaml";
const notepadBytes = readFileSync(join(repoRoot, NOTEPAD));

/** "line:column" of a diagnostic's span, as the formatters print it. */
function at(d: Diagnostic): string {
  const { line, column } = lineColumn(d.span!.file.text, d.span!.start);
  return `${line}:${column}`;
}

/** The one diagnostic of bytes that delib must refuse. */
function refused(bytes: Uint8Array | string, path = "seance.yaml"): Diagnostic {
  const result = decodeSource(path, typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes);
  expect(result.value).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  const [d] = result.diagnostics;
  expect(d!.code).toBe("DLB1014");
  expect(d!.severity).toBe("error");
  return d!;
}

/** Everything a diagnostic says, in both languages. */
function allText(d: Diagnostic): string {
  return [english, french].flatMap((tr) => [tr.text(d.message), ...d.hints.map((h) => tr.text(h))]).join("\n");
}

/** French text with its non-breaking spaces as plain ones, to compare with what a test writes. */
function fr(text: Parameters<typeof french.text>[0]): string {
  return french.text(text).replace(/[\u00A0\u202F]/g, " ");
}

describe("a file saved by Notepad in Windows-1252 (the fixture, as a clerk types it)", () => {
  it("is real Windows-1252 with Windows line ends, and a valid session once read as such", () => {
    expect(notepadBytes.includes(Buffer.from("Fr\xE9d\xE9ric", "latin1"))).toBe(true);
    expect(notepadBytes.includes(Buffer.from("Frédéric", "utf8"))).toBe(false);
    expect(notepadBytes.includes(Buffer.from("\r\n"))).toBe(true);
    // What a `--encoding windows-1252` option would do: the same session, with its accents.
    const text = decodeWindows1252(notepadBytes);
    expect(text).toContain("first_name: Frédéric, last_name: ROUX");
    expect(text).toContain("l’année 2024-2025");
    expect(text).toContain("3,20 €");
    const checked = checkText({ path: NOTEPAD, text });
    expect(checked.diagnostics.map((d) => `${at(d)} ${d.code}`)).toEqual([]);
    expect(checked.outcome).toBeDefined();
  });

  it("is refused at its first byte that is not UTF-8, saying which byte, which word and how to re-save it", () => {
    const loaded = loadSourceSync(NOTEPAD, repoRoot);
    expect(loaded.value).toBeUndefined();
    const [d] = loaded.diagnostics;
    expect(d!.code).toBe("DLB1014");
    expect(`${d!.span!.file.path}:${at(d!)}`).toBe(`${NOTEPAD}:28:45`);
    expect(en(d!.message)).toBe(
      "this file is not in UTF-8 but seemingly in Windows-1252 (“ANSI” in Notepad): byte 0xE9 cannot be read as UTF-8, and reads « Frédéric » in Windows-1252",
    );
    expect(fr(d!.message)).toBe(
      "ce fichier n’est pas enregistré en UTF-8 mais, semble-t-il, en Windows-1252 (« ANSI » dans le Bloc-notes) : l’octet 0xE9 ne peut pas être lu en UTF-8 et se lit « Frédéric » en Windows-1252",
    );
    const hints = d!.hints.map(fr).join("\n");
    expect(hints).toContain("« Enregistrer sous » → Encodage « UTF-8 »");
    expect(hints).toContain("« Enregistrer avec l’encodage » → « UTF-8 »");
    expect(hints).toContain("delib ne convertit pas le fichier");
    expect(d!.hints.map(en).join("\n")).toContain("“Save As” → Encoding “UTF-8”");
    expect(allText(d!)).not.toContain("\uFFFD");
  });

  it("stops every command that reads it: nothing reaches the session, nothing is printed with U+FFFD", async () => {
    const set = await checkSessions([NOTEPAD], { cwd: repoRoot });
    expect(set.ok).toBe(false);
    expect(set.diagnostics.map((d) => `${d.code} ${at(d)}`)).toEqual(["DLB1014 28:45"]);
    expect(set.files[0]!.session).toBeUndefined();
    const shown = formatHuman(set.diagnostics, { tr: french });
    expect(shown).toContain(`${NOTEPAD}:28:45 - erreur DLB1014`);
    expect(shown).toContain("ce fichier n’est pas enregistré en UTF-8");
    // The line is quoted as Windows-1252 reads it, the ~ under the é.
    expect(shown).toContain("28   - { id: roux, civility: M., first_name: Frédéric, last_name: ROUX }");
    expect(shown).not.toContain("\uFFFD");
  });

  it("fails `delib validate` with the location, in French by default", async () => {
    const run = await runCli(["validate", NOTEPAD], { env: { DELIB_LANG: "fr" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${NOTEPAD}:28:45 - erreur DLB1014`);
    expect(run.stdout.replace(/[\u00A0\u202F]/g, " ")).toContain("« Frédéric »");
    expect(run.stdout).not.toContain("\uFFFD");
  });
});

describe("decodeWindows1252", () => {
  it("reads every byte as Windows-1252 does, 0x80 to 0x9F included (which Node 20 reads as Latin-1)", () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe("€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ");
    expect(decodeWindows1252(Buffer.from("Fr\xE9d\xE9ric, l\x92\x9Cuvre, \xAB\xA0oui\xA0\xBB", "latin1"))).toBe("Frédéric, l’œuvre, «\u00A0oui\u00A0»");
    expect(decodeWindows1252(Buffer.from("a\r\nb"))).toBe("a\r\nb");
  });
});

describe("bytes that are not UTF-8", () => {
  it("locates the first bad byte as an editor counts: lines by their ends, columns in characters", () => {
    // LF, CRLF and a lone CR each end one line; « É » (two bytes in UTF-8) is one column.
    const bytes = Buffer.concat([Buffer.from("a: 1\nb: 2\r\nc: 3\rnom: Émilie Fr", "utf8"), Buffer.from([0xe9]), Buffer.from("d\n")]);
    const d = refused(bytes);
    expect(at(d)).toBe("4:15");
    expect(en(d.message)).toContain("byte 0xE9");
  });

  it("passes over a U+FFFD that the file really holds (EF BF BD) to the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("a: \uFFFD\nb: \uFFFD x ", "utf8"), Buffer.from([0xe8]), Buffer.from("\n")]);
    const d = refused(bytes);
    expect(at(d)).toBe("2:8");
    expect(en(d.message)).toContain("byte 0xE8");
  });

  it("does not count a byte-order mark as a column", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("title: D", "latin1"), Buffer.from([0xe9]), Buffer.from("lib\r\n", "latin1")]);
    const d = refused(bytes);
    expect(at(d)).toBe("1:9");
    expect(en(d.message)).toContain("« Délib »");
  });

  it("names the Windows-1252 word around the byte, or the sign and the word after it", () => {
    expect(en(refused("title: Tarifs de l\x92ann\xE9e\n").message)).toContain("reads « l’année » in Windows-1252");
    expect(en(refused("title: \xAB\xA0Fr\xE9d\xE9ric\xA0\xBB\n").message)).toContain("reads « «\u00A0Frédéric » in Windows-1252");
    expect(en(refused("articles: 3,20 \x80\n").message)).toContain("byte 0x80 cannot be read as UTF-8, and reads « € »");
    expect(en(refused("t: \xC7a\n").message)).toContain("« Ça »");
  });

  it("gives the generic hint when the bytes are not plausibly Windows-1252", () => {
    // A binary file given by mistake: control characters.
    const binary = refused(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0xff, 0x00, 0x01, 0x9d]));
    expect(en(binary.message)).toBe("this file is not in UTF-8: byte 0xFF cannot be read as UTF-8 text");
    expect(binary.hints.map(en)[0]).toContain("from the program that wrote it");
    expect(fr(binary.hints[0]!)).toContain("« Enregistrer sous » → Encodage « UTF-8 »");
    // Undefined in Windows-1252 (0x81), or a file that mixes UTF-8 and another encoding.
    expect(en(refused("a: x\x81y\n").message)).not.toContain("Windows-1252");
    const mixed = refused(Buffer.concat([Buffer.from("a: Émilie\nb: Fr", "utf8"), Buffer.from([0xe9]), Buffer.from("d\n")]));
    expect(at(mixed)).toBe("2:6");
    expect(en(mixed.message)).not.toContain("Windows-1252");
    expect(allText(mixed)).not.toContain("Windows 1252");
  });

  it("says a UTF-16 file (Notepad's « Unicode ») is UTF-16", () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const text = Buffer.from("format: 1\n", "utf16le");
      if (bom[0] === 0xfe) text.swap16();
      const d = refused(Buffer.concat([Buffer.from(bom), text]));
      expect(at(d)).toBe("1:1");
      expect(en(d.message)).toBe("this file is in UTF-16 (“Unicode” in Notepad), not in UTF-8");
      expect(fr(d.hints[0]!)).toContain("« Enregistrer sous » → Encodage « UTF-8 »");
    }
  });

  it("explains itself in both languages, with no U+FFFD in what it says", () => {
    for (const bytes of ["x: \xE9\n", "\xFF\xFE", "\xFE\xFF", "x: \xC3(\n", "\x00\xFF"]) {
      const d = refused(bytes);
      for (const tr of [english, french]) {
        expect(tr.text(d.message).trim()).not.toBe("");
        for (const hint of d.hints) expect(tr.text(hint).trim()).not.toBe("");
      }
      expect(allText(d)).not.toContain("\uFFFD");
      expect(d.span!.end).toBeLessThanOrEqual(d.span!.file.text.length);
    }
  });
});

describe("UTF-8 as editors save it", () => {
  it("drops a byte-order mark, and positions stay those of the editor", () => {
    const loaded = decodeSource("seance.yaml", Buffer.from("\uFEFFtitle: \"Délib\" du conseil\n", "utf8"));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value!.text).toBe("title: \"Délib\" du conseil\n");
    const d = checkText(loaded.value!).diagnostics[0]!;
    expect(`${d.code} ${at(d)}`).toBe("DLB1002 1:16");
  });

  it("reads a valid session saved with a BOM and Windows line ends as the same session", () => {
    const text = decodeWindows1252(notepadBytes);
    const crlf = decodeSource("crlf.yaml", Buffer.from(`\uFEFF${text}`, "utf8"));
    const lf = decodeSource("lf.yaml", Buffer.from(text.replace(/\r\n/g, "\n"), "utf8"));
    const a = checkText(crlf.value!);
    const b = checkText(lf.value!);
    expect(a.diagnostics).toEqual([]);
    expect(a.session).toEqual(b.session);
  });
});

describe("files that cannot be read", () => {
  it("says a missing file is missing, in both languages", () => {
    const [d] = loadSourceSync("nowhere.yaml", repoRoot).diagnostics;
    expect(d!.code).toBe("DLB1001");
    expect(en(d!.message)).toBe("file `nowhere.yaml`: no such file");
    expect(french.text(d!.message)).toBe("fichier `nowhere.yaml`\u00A0: introuvable");
    expect(en(loadSourceSync(".", repoRoot).diagnostics[0]!.message)).toBe("file `.`: cannot be read");
  });
});

describe("paths with spaces and accents", () => {
  it("reads « séance du 12 mars.yaml » in a folder with spaces, by its path and through a pattern or its folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "delib-paths-"));
    const folder = join(root, "Conseil municipal", "séances 2024");
    mkdirSync(folder, { recursive: true });
    const name = "séance du 12 mars.yaml";
    writeFileSync(join(folder, name), decodeWindows1252(notepadBytes));
    const relative = `Conseil municipal/séances 2024/${name}`;

    const loaded = loadSourceSync(relative, root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value!.path).toBe(relative);
    expect(loaded.value!.text).toContain("Frédéric");

    for (const arg of [relative, join(folder, name), "Conseil municipal/séances 2024/*.yaml", "Conseil municipal/**/séance du *.yaml", "Conseil municipal", "Conseil municipal/séances 2024/"]) {
      const set = await checkSessions([arg], { cwd: root });
      expect(set.diagnostics.map((d) => en(d.message)), arg).toEqual([]);
      expect(set.files.map((f) => f.path.split("\\").join("/").replace(`${root.split("\\").join("/")}/`, "")), arg).toEqual([relative]);
      expect(set.files[0]!.session?.members.find((m) => m.id === "roux")?.first_name, arg).toBe("Frédéric");
    }
  });
});
