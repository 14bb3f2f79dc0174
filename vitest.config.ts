import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every scratch folder of the run lives under one temporary folder, removed at the end.
    globalSetup: ["test/support/temp-root.ts"],
    // Browser and CLI tests start real processes (Chromium, node): give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
