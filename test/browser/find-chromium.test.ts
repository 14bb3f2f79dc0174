import { chmod, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserNotFound,
  findChromium,
  installPlaces,
  type FindChromiumOptions,
} from "../../src/browser/find-chromium.js";
import { en, french } from "../support/english.js";

/** A fake file system: only the listed paths are executables. */
function executables(...paths: string[]): (p: string) => boolean {
  const set = new Set(paths);
  return (p) => set.has(p);
}

/** findChromium, with what was tried as an English reader reads it. */
function find(options: FindChromiumOptions): { path: string; source: string } | { tried: string[] } {
  const result = findChromium(options);
  return "tried" in result ? { tried: result.tried.map(en) } : result;
}

/** Every path findChromium checks, in order, on a machine where none is a browser. */
function checked(options: Omit<FindChromiumOptions, "isExecutable">): string[] {
  const seen: string[] = [];
  findChromium({ ...options, isExecutable: (p) => (seen.push(p), false) });
  return seen;
}

const PATH = "/fake/a:/fake/b";
const linux = "linux" as const;

describe("findChromium on Linux", () => {
  it("prefers the --chromium flag over everything else", () => {
    const result = find({
      flag: "/opt/my-chrome",
      env: { DELIB_CHROMIUM: "/opt/delib", PATH },
      isExecutable: executables("/opt/my-chrome", "/opt/delib", "/fake/a/chromium"),
      platform: linux,
    });
    expect(result).toEqual({ path: "/opt/my-chrome", source: "--chromium" });
  });

  it("stops at a wrong --chromium flag instead of falling back", () => {
    const result = find({
      flag: "/x",
      env: { DELIB_CHROMIUM: "/opt/delib", PATH },
      isExecutable: executables("/opt/delib", "/fake/a/chromium"),
      platform: linux,
    });
    expect(result).toEqual({ tried: ["--chromium /x (not an executable file)"] });
  });

  it("looks a bare --chromium name up on PATH", () => {
    const isExecutable = executables("/fake/b/google-chrome");
    expect(find({ flag: "google-chrome", env: { PATH }, isExecutable, platform: linux })).toEqual({
      path: "/fake/b/google-chrome",
      source: "--chromium",
    });
    expect(find({ flag: "chrome-beta", env: { PATH }, isExecutable, platform: linux })).toEqual({
      tried: ["--chromium chrome-beta (not found on PATH)"],
    });
  });

  it("reads the environment variables in order", () => {
    const isExecutable = executables("/e/delib", "/e/puppeteer", "/e/chrome", "/fake/a/chromium");
    const env = { DELIB_CHROMIUM: "/e/delib", PUPPETEER_EXECUTABLE_PATH: "/e/puppeteer", CHROME_PATH: "/e/chrome", PATH };
    expect(find({ env, isExecutable, platform: linux })).toEqual({ path: "/e/delib", source: "DELIB_CHROMIUM" });
    expect(find({ env: { ...env, DELIB_CHROMIUM: undefined }, isExecutable, platform: linux })).toEqual({
      path: "/e/puppeteer",
      source: "PUPPETEER_EXECUTABLE_PATH",
    });
    expect(
      find({ env: { ...env, DELIB_CHROMIUM: "", PUPPETEER_EXECUTABLE_PATH: undefined }, isExecutable, platform: linux }),
    ).toEqual({ path: "/e/chrome", source: "CHROME_PATH" });
  });

  it("records a wrong environment variable and keeps searching", () => {
    const result = find({
      env: { DELIB_CHROMIUM: "/x", CHROME_PATH: "/y", PATH },
      isExecutable: executables("/fake/b/chromium-browser"),
      platform: linux,
    });
    expect(result).toEqual({ path: "/fake/b/chromium-browser", source: "PATH" });

    const none = find({ env: { DELIB_CHROMIUM: "/x", CHROME_PATH: "/y", PATH }, isExecutable: executables(), platform: linux });
    expect(none).toEqual({
      tried: [
        "DELIB_CHROMIUM=/x (not an executable file)",
        "CHROME_PATH=/y (not an executable file)",
        "no chromium, chromium-browser, google-chrome-stable, google-chrome, microsoft-edge-stable or microsoft-edge on PATH",
      ],
    });
  });

  it("searches every PATH directory for a name before trying the next name", () => {
    const result = find({
      env: { PATH },
      isExecutable: executables("/fake/a/google-chrome", "/fake/b/chromium", "/fake/a/chromium-browser"),
      platform: linux,
    });
    expect(result).toEqual({ path: "/fake/b/chromium", source: "PATH" });
  });

  it("has no install places: Debian's /usr/bin/chromium is found on PATH, first of the names", () => {
    expect(installPlaces("linux", { HOME: "/home/clerk" })).toEqual([]);
    expect(checked({ env: { PATH: "/only", HOME: "/home/clerk" }, platform: linux })).toEqual([
      "/only/chromium",
      "/only/chromium-browser",
      "/only/google-chrome-stable",
      "/only/google-chrome",
      "/only/microsoft-edge-stable",
      "/only/microsoft-edge",
    ]);
    const debian = find({ env: { PATH: "/usr/local/bin:/usr/bin:/bin" }, isExecutable: executables("/usr/bin/chromium", "/usr/bin/google-chrome"), platform: linux });
    expect(debian).toEqual({ path: "/usr/bin/chromium", source: "PATH" });
  });

  it("splits PATH on `:` and reads a `;` as part of a folder's name", () => {
    expect(checked({ env: { PATH: "/a;/b:/c" }, platform: linux }).slice(0, 2)).toEqual(["/a;/b/chromium", "/c/chromium"]);
  });

  it("says so when PATH is empty", () => {
    expect(find({ env: {}, isExecutable: executables("/usr/bin/chromium"), platform: linux })).toEqual({
      tried: ["no chromium, chromium-browser, google-chrome-stable, google-chrome, microsoft-edge-stable or microsoft-edge on PATH (PATH is empty)"],
    });
  });

  describe("with the real file system", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "delib-find-chromium-"));
      await mkdir(path.join(dir, "bin"));
      await mkdir(path.join(dir, "bin", "chromium")); // a directory is not an executable
      await writeFile(path.join(dir, "bin", "google-chrome"), "#!/bin/sh\n");
      await chmod(path.join(dir, "bin", "google-chrome"), 0o755);
      await writeFile(path.join(dir, "chrome.txt"), "not a program\n");
      await chmod(path.join(dir, "chrome.txt"), 0o644);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("skips directories and files without the execute bit", () => {
      const chromeTxt = path.join(dir, "chrome.txt");
      const result = find({ env: { DELIB_CHROMIUM: chromeTxt, PATH: path.join(dir, "bin") } });
      expect(result).toEqual({ path: path.join(dir, "bin", "google-chrome"), source: "PATH" });
      // Root may execute any file with an x bit, but never one without.
      expect(find({ flag: chromeTxt, env: {} })).toEqual({
        tried: [`--chromium ${chromeTxt} (not an executable file)`],
      });
    });
  });
});

describe("findChromium on Windows", () => {
  const win32 = "win32" as const;
  const env = {
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    ProgramFiles: "C:\\Program Files",
    ProgramW6432: "C:\\Program Files",
    LOCALAPPDATA: "C:\\Users\\clerk\\AppData\\Local",
    Path: "C:\\Windows\\system32;\"C:\\Tools\\bin\";;C:\\Scoop\\shims",
    PATHEXT: ".COM;.EXE;.BAT;.CMD;.VBS",
  };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  const chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
  const places = [
    edge,
    "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
    chrome,
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Users\\clerk\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Users\\clerk\\AppData\\Local\\Chromium\\Application\\chrome.exe",
  ];

  it("tries Edge, then Chrome, then Chromium at their install places, each path once", () => {
    expect(installPlaces(win32, env)).toEqual(places);
    // A 32-bit Node sees the 64-bit folder only as ProgramW6432.
    expect(installPlaces(win32, { ...env, ProgramFiles: "C:\\Program Files (x86)" })).toEqual([
      edge,
      "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
      chrome,
      "C:\\Users\\clerk\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Users\\clerk\\AppData\\Local\\Chromium\\Application\\chrome.exe",
    ]);
    // A folder whose variable is unset is left out.
    expect(installPlaces(win32, { LOCALAPPDATA: "C:\\Users\\clerk\\AppData\\Local" })).toEqual(places.slice(4));
  });

  it("finds the Edge every Windows has, before a Chrome", () => {
    expect(find({ env, isExecutable: executables(chrome, edge), platform: win32 })).toEqual({ path: edge, source: "install-place" });
    expect(find({ env, isExecutable: executables(chrome), platform: win32 })).toEqual({ path: chrome, source: "install-place" });
  });

  it("keeps the flag and the variables first", () => {
    const mine = "D:\\Portable\\chrome.exe";
    expect(find({ flag: mine, env, isExecutable: executables(mine, edge), platform: win32 })).toEqual({ path: mine, source: "--chromium" });
    expect(find({ env: { ...env, CHROME_PATH: mine }, isExecutable: executables(mine, edge), platform: win32 })).toEqual({ path: mine, source: "CHROME_PATH" });
    // A Windows environment's names ignore case.
    expect(find({ env: { ...env, delib_chromium: mine }, isExecutable: executables(mine, edge), platform: win32 })).toEqual({ path: mine, source: "DELIB_CHROMIUM" });
  });

  it("checks the install places, then each name on PATH with PATHEXT's runnable extensions, split on `;`", () => {
    const seen = checked({ env, platform: win32 });
    expect(seen.slice(0, places.length)).toEqual(places);
    expect(seen.slice(places.length, places.length + 7)).toEqual([
      "C:\\Windows\\system32\\chromium.com",
      "C:\\Windows\\system32\\chromium.exe",
      "C:\\Tools\\bin\\chromium.com",
      "C:\\Tools\\bin\\chromium.exe",
      "C:\\Scoop\\shims\\chromium.com",
      "C:\\Scoop\\shims\\chromium.exe",
      "C:\\Windows\\system32\\chromium-browser.com",
    ]);
    // The Windows names of the executables come last; .BAT, .CMD and .VBS cannot be spawned.
    expect(seen.slice(-2)).toEqual(["C:\\Scoop\\shims\\msedge.com", "C:\\Scoop\\shims\\msedge.exe"]);
    expect(seen.filter((p) => !/\.(com|exe)$/.test(p))).toEqual([]);
    expect(seen).toHaveLength(places.length + 8 * 3 * 2);
  });

  it("finds chrome.exe on PATH, and a bare name or a path without extension as Windows would", () => {
    const shim = "C:\\Scoop\\shims\\chrome.exe";
    expect(find({ env, isExecutable: executables(shim), platform: win32 })).toEqual({ path: shim, source: "PATH" });
    expect(find({ flag: "chrome", env, isExecutable: executables(shim), platform: win32 })).toEqual({ path: shim, source: "--chromium" });
    expect(find({ flag: "chrome.exe", env, isExecutable: executables(shim), platform: win32 })).toEqual({ path: shim, source: "--chromium" });
    expect(find({ flag: "C:/Scoop/shims/chrome", env: {}, isExecutable: executables("C:/Scoop/shims/chrome.exe"), platform: win32 })).toEqual({
      path: "C:/Scoop/shims/chrome.exe",
      source: "--chromium",
    });
    expect(find({ flag: "C:\\Nope\\msedge.exe", env, isExecutable: executables(edge), platform: win32 })).toEqual({
      tried: ["--chromium C:\\Nope\\msedge.exe (not an executable file)"],
    });
  });

  it("lists the install places and the names when nothing is found", () => {
    const result = find({ env: { ...env, DELIB_CHROMIUM: "C:\\x.exe" }, isExecutable: executables(), platform: win32 });
    expect(result).toEqual({
      tried: [
        "DELIB_CHROMIUM=C:\\x.exe (not an executable file)",
        `no browser at the usual places: ${places.slice(0, -1).join(", ")} and ${places.at(-1)}`,
        "no chromium, chromium-browser, google-chrome-stable, google-chrome, microsoft-edge-stable, microsoft-edge, chrome or msedge on PATH",
      ],
    });
  });
});

describe("findChromium on macOS", () => {
  const darwin = "darwin" as const;
  const places = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Users/clerk/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Users/clerk/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Users/clerk/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ];

  it("tries Chrome, Chromium and Edge in /Applications, then in ~/Applications, then PATH", () => {
    expect(installPlaces(darwin, { HOME: "/Users/clerk" })).toEqual(places);
    expect(installPlaces(darwin, {})).toEqual(places.slice(0, 3));
    const seen = checked({ env: { HOME: "/Users/clerk", PATH: "/opt/homebrew/bin:/usr/bin" }, platform: darwin });
    expect(seen.slice(0, 6)).toEqual(places);
    expect(seen.slice(6, 8)).toEqual(["/opt/homebrew/bin/chromium", "/usr/bin/chromium"]);
    expect(seen).toHaveLength(6 + 6 * 2);
  });

  it("prefers an installed application to a browser on PATH", () => {
    const isExecutable = executables("/opt/homebrew/bin/chromium", places[2]!, places[3]!);
    expect(find({ env: { HOME: "/Users/clerk", PATH: "/opt/homebrew/bin" }, isExecutable, platform: darwin })).toEqual({
      path: places[2],
      source: "install-place",
    });
  });
});

describe("browserNotFound", () => {
  const tried = findChromium({ env: { DELIB_CHROMIUM: "/x", PATH: "/usr/bin" }, isExecutable: executables(), platform: "linux" });
  if (!("tried" in tried)) throw new Error("expected nothing found");

  it("says what was tried, how to install a browser, and that the HTML was written", () => {
    const d = browserNotFound(tried.tried, "linux");
    expect(d.code).toBe("DLB4001");
    expect(d.severity).toBe("error");
    expect(en(d.message)).toBe("no Chromium, Chrome or Edge browser found to print the PDF");
    expect(d.span).toBeUndefined();
    expect(d.related).toEqual([]);
    expect(d.hints.map(en)).toEqual([
      "tried: DELIB_CHROMIUM=/x (not an executable file); no chromium, chromium-browser, google-chrome-stable, google-chrome, microsoft-edge-stable or microsoft-edge on PATH",
      "install one: sudo apt-get install chromium (Debian/Ubuntu), or point --chromium or DELIB_CHROMIUM at a Chrome or Chromium executable",
      "the HTML was still written; only the PDF is missing",
    ]);
    // src/cli/register-command.ts leaves this hint out by its id.
    expect(d.hints.at(-1)).toEqual({ id: "browser.html_written" });
  });

  it("tells each platform how to get a browser, in French too", () => {
    expect(en(browserNotFound(tried.tried, "win32").hints[1]!)).toBe(
      'Microsoft Edge is normally installed with Windows: if it is missing, install Google Chrome, or name the browser with --chromium "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"',
    );
    expect(en(browserNotFound(tried.tried, "darwin").hints[1]!)).toMatch(/^install Google Chrome/);
    const d = browserNotFound(tried.tried, "linux");
    expect(french.text(d.message)).toBe("aucun navigateur Chromium, Chrome ou Edge trouvé pour imprimer le PDF");
    expect(d.hints.map((h) => french.text(h))).toEqual([
      "ce qui a été essayé : DELIB_CHROMIUM=/x (ce n’est pas un fichier exécutable) ; aucun programme chromium, chromium-browser, google-chrome-stable, google-chrome, microsoft-edge-stable ou microsoft-edge dans le PATH",
      "en installer un : `sudo apt-get install chromium` (Debian, Ubuntu), ou indiquer un exécutable de Chrome ou de Chromium avec --chromium ou DELIB_CHROMIUM",
      "le HTML a bien été écrit ; seul le PDF manque",
    ]);
    expect(french.text(browserNotFound(tried.tried, "win32").hints[1]!)).toMatch(/^Microsoft Edge est normalement installé avec Windows/);
  });
});
