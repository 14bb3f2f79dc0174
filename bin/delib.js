#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/main.js, compiled from src/ by `npm run build`
// (run automatically by `npm ci` through the `prepare` script).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv);
