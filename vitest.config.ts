import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every scratch folder of the run lives under one temporary folder, removed at the end.
    // No build step: the tests run the source, the CLI in-process (test/support/run-cli.ts).
    // The few that spawn the real binary build an installation from the current source on
    // first use (test/support/installation.ts), never the repository's dist/; the second
    // setup takes the digest of that source once for the whole run.
    globalSetup: ["test/support/temp-root.ts", "test/support/installation-setup.ts"],
    // Browser and CLI tests start real processes (Chromium, git, a few node): give them room on 2 cores.
    testTimeout: 60_000,
    // delib speaks French by default; the tests read its English unless a test asks for French
    // (test/support/english.ts, test/cli/language.test.ts).
    env: { DELIB_LANG: "en" },
    hookTimeout: 60_000,
  },
});
