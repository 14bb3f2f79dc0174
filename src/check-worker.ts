// A checking thread of check-threads.ts: checks its slice of files, sends back the results.
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, withSummary } from "./check-file.js";
import { toWire } from "./check-threads.js";

const { files, cwd } = workerData as { files: string[]; cwd: string };
parentPort!.postMessage(files.map((file) => toWire(withSummary(checkFile(file, cwd)))));
