// Takes the digest of delib's sources once, when the run starts, for test/support/installation.ts:
// every test process of the run then uses the same installation, even when a file is saved
// while the tests run (it is built from the files as they are when first needed). Nothing is
// built here: a run that spawns no binary never waits for a build.
import type { TestProject } from "vitest/node";
import { inputDigest } from "./installation-digest.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The digest of the inputs of the build, taken when the run started. */
    installationDigest: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide("installationDigest", inputDigest());
}
