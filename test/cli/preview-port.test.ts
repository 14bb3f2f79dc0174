// `delib preview` on a port another program holds: the machine's problem, not the command line's
// (exit 3, not 2), said in the reader's language with what to do.
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
let holder: Server;
let port: number;

beforeEach(async () => {
  holder = createServer();
  await new Promise<void>((ready) => holder.listen(0, "127.0.0.1", () => ready()));
  port = (holder.address() as { port: number }).port;
});

afterEach(async () => {
  await new Promise<void>((closed) => holder.close(() => closed()));
});

describe("delib preview on a port already taken", () => {
  it("exits 3 and says, in English, that the port is taken and to use --port", async () => {
    const run = await runCli(["preview", example, "--port", String(port)]);
    expect(run.code).toBe(ExitCode.Environment);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `error: port ${port} of 127.0.0.1 is already taken (by another preview or another program); choose another with --port, or --port 0 for any free port\n`,
    );
  });

  it("says it in French to a French reader", async () => {
    const run = await runCli(["preview", example, "--port", String(port)], { env: { DELIB_LANG: "fr" } });
    expect(run.code).toBe(ExitCode.Environment);
    expect(run.stderr).toBe(
      `erreur : le port ${port} de 127.0.0.1 est déjà pris (par un autre aperçu ou un autre programme) : en choisir un autre avec --port, ou --port 0 pour n’importe quel port libre\n`,
    );
  });

  it("still exits 2 for a port that is not a port", async () => {
    const run = await runCli(["preview", example, "--port", "70000"]);
    expect(run.code).toBe(ExitCode.Usage);
  });
});
