// A checking thread of check-threads.ts: checks its slice of files, sends back the results.
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, withSummary, type FileOptions } from "./check-file.js";
import { toWire } from "./check-threads.js";

const { files, cwd, read } = workerData as { files: string[]; cwd: string; read: FileOptions[] };
parentPort!.postMessage(files.map((file, i) => toWire(withSummary(checkFile(file, cwd, read[i])))));
