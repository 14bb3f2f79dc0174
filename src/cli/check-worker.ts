// A worker thread of `checkMany`: checks its slice of files and sends back the results.
import { parentPort, workerData } from "node:worker_threads";
import { checkFileSync } from "../compile.js";
import { toWire } from "./check-many.js";

const { files } = workerData as { files: string[] };
const results = [];
for (const file of files) results.push(toWire(checkFileSync(file)));
parentPort!.postMessage(results);
