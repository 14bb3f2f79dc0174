#!/usr/bin/env node
// Thin launcher. The CLI is compiled from src/ by `npm run build` (run by `npm ci` through the
// `prepare` script) and bundled into dist/bundle/ for a fast start (scripts/bundle.mjs).
import { main } from "../dist/bundle/main.js";

process.exitCode = await main(process.argv);
