import { chmod, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserNotFound, findChromium } from "../../src/browser/find-chromium.js";

/** A fake file system: only the listed paths are executables. */
function executables(...paths: string[]): (p: string) => boolean {
  const set = new Set(paths);
  return (p) => set.has(p);
}

const PATH = ["/fake/a", "/fake/b"].join(path.delimiter);

describe("findChromium", () => {
  it("prefers the --chromium flag over everything else", () => {
    const result = findChromium({
      flag: "/opt/my-chrome",
      env: { DELIB_CHROMIUM: "/opt/delib", PATH },
      isExecutable: executables("/opt/my-chrome", "/opt/delib", "/fake/a/chromium"),
    });
    expect(result).toEqual({ path: "/opt/my-chrome", source: "--chromium" });
  });

  it("stops at a wrong --chromium flag instead of falling back", () => {
    const result = findChromium({
      flag: "/x",
      env: { DELIB_CHROMIUM: "/opt/delib", PATH },
      isExecutable: executables("/opt/delib", "/fake/a/chromium"),
    });
    expect(result).toEqual({ tried: ["--chromium /x (not an executable file)"] });
  });

  it("looks a bare --chromium name up on PATH", () => {
    const isExecutable = executables("/fake/b/google-chrome");
    expect(findChromium({ flag: "google-chrome", env: { PATH }, isExecutable })).toEqual({
      path: "/fake/b/google-chrome",
      source: "--chromium",
    });
    expect(findChromium({ flag: "chrome-beta", env: { PATH }, isExecutable })).toEqual({
      tried: ["--chromium chrome-beta (not found on PATH)"],
    });
  });

  it("reads the environment variables in order", () => {
    const isExecutable = executables("/e/delib", "/e/puppeteer", "/e/chrome", "/fake/a/chromium");
    const env = { DELIB_CHROMIUM: "/e/delib", PUPPETEER_EXECUTABLE_PATH: "/e/puppeteer", CHROME_PATH: "/e/chrome", PATH };
    expect(findChromium({ env, isExecutable })).toEqual({ path: "/e/delib", source: "DELIB_CHROMIUM" });
    expect(findChromium({ env: { ...env, DELIB_CHROMIUM: undefined }, isExecutable })).toEqual({
      path: "/e/puppeteer",
      source: "PUPPETEER_EXECUTABLE_PATH",
    });
    expect(
      findChromium({ env: { ...env, DELIB_CHROMIUM: "", PUPPETEER_EXECUTABLE_PATH: undefined }, isExecutable }),
    ).toEqual({ path: "/e/chrome", source: "CHROME_PATH" });
  });

  it("records a wrong environment variable and keeps searching", () => {
    const result = findChromium({
      env: { DELIB_CHROMIUM: "/x", CHROME_PATH: "/y", PATH },
      isExecutable: executables("/fake/b/chromium-browser"),
    });
    expect(result).toEqual({ path: "/fake/b/chromium-browser", source: "chromium-browser on PATH" });

    const none = findChromium({ env: { DELIB_CHROMIUM: "/x", CHROME_PATH: "/y", PATH }, isExecutable: executables() });
    expect(none).toEqual({
      tried: [
        "DELIB_CHROMIUM=/x (not an executable file)",
        "CHROME_PATH=/y (not an executable file)",
        "chromium, chromium-browser, google-chrome-stable, google-chrome on PATH (none found)",
      ],
    });
  });

  it("searches every PATH directory for a name before trying the next name", () => {
    const result = findChromium({
      env: { PATH },
      isExecutable: executables("/fake/a/google-chrome", "/fake/b/chromium", "/fake/a/chromium-browser"),
    });
    expect(result).toEqual({ path: "/fake/b/chromium", source: "chromium on PATH" });
  });

  it("checks the names in the stated order", () => {
    const seen: string[] = [];
    findChromium({ env: { PATH: "/only" }, isExecutable: (p) => (seen.push(p), false) });
    expect(seen).toEqual([
      "/only/chromium",
      "/only/chromium-browser",
      "/only/google-chrome-stable",
      "/only/google-chrome",
    ]);
  });

  it("says so when PATH is empty", () => {
    expect(findChromium({ env: {}, isExecutable: executables("/usr/bin/chromium") })).toEqual({
      tried: ["chromium, chromium-browser, google-chrome-stable, google-chrome on PATH (PATH is empty)"],
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
      const result = findChromium({ env: { DELIB_CHROMIUM: chromeTxt, PATH: path.join(dir, "bin") } });
      expect(result).toEqual({ path: path.join(dir, "bin", "google-chrome"), source: "google-chrome on PATH" });
      // Root may execute any file with an x bit, but never one without.
      expect(findChromium({ flag: chromeTxt, env: {} })).toEqual({
        tried: [`--chromium ${chromeTxt} (not an executable file)`],
      });
    });
  });
});

describe("browserNotFound", () => {
  it("says what was tried, how to install a browser, and that the HTML was written", () => {
    const d = browserNotFound(["DELIB_CHROMIUM=/x (not an executable file)", "chromium on PATH (none found)"]);
    expect(d.code).toBe("DLB4001");
    expect(d.severity).toBe("error");
    expect(d.message).toBe("no Chromium or Chrome browser found to print the PDF");
    expect(d.span).toBeUndefined();
    expect(d.related).toEqual([]);
    expect(d.hints).toEqual([
      "tried: DELIB_CHROMIUM=/x (not an executable file); chromium on PATH (none found)",
      "install one: sudo apt-get install chromium (Debian/Ubuntu), or point DELIB_CHROMIUM at a Chrome or Chromium executable",
      "the HTML was still written; only the PDF is missing",
    ]);
  });
});
