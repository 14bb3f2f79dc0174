// The password prompt of `delib sign` when the terminal's input closes or fails before Enter:
// it once waited for ever with the terminal left in raw mode (no echo). Now the prompt ends with
// no password (`sign` then says DLB4061) and the terminal is restored. A fake standard input
// stands for the terminal; the real one is exercised in password-prompt.test.ts.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { readHidden, type HiddenInput } from "../../src/cli/sign-command.js";

class FakeTerminal extends EventEmitter {
  raw = false;
  paused = true;
  setRawMode(mode: boolean) {
    this.raw = mode;
    return this;
  }
  resume() {
    this.paused = false;
    return this;
  }
  pause() {
    this.paused = true;
    return this;
  }
}

/** readHidden's answer, or "pending" when it has none 200 ms after `act`. */
async function answer(act: (terminal: FakeTerminal) => void): Promise<{ value: string | undefined | "pending"; terminal: FakeTerminal; shown: string }> {
  const terminal = new FakeTerminal();
  let shown = "";
  const reading = readHidden("Password: ", { stderr: (text: string) => (shown += text) }, terminal as unknown as HiddenInput);
  expect(terminal.raw).toBe(true);
  act(terminal);
  const value = await Promise.race([reading, new Promise<"pending">((done) => setTimeout(() => done("pending"), 200))]);
  return { value, terminal, shown };
}

describe("readHidden when the terminal's input ends", () => {
  it("gives no password when the input closes before Enter, and restores the terminal", async () => {
    const { value, terminal } = await answer((t) => {
      t.emit("data", Buffer.from("sec"));
      t.emit("end");
    });
    expect(value).toBeUndefined();
    expect(terminal.raw).toBe(false);
    expect(terminal.paused).toBe(true);
    expect(terminal.listenerCount("data")).toBe(0);
  });

  it("gives no password when the input fails, and restores the terminal", async () => {
    const { value, terminal } = await answer((t) => t.emit("error", new Error("EIO")));
    expect(value).toBeUndefined();
    expect(terminal.raw).toBe(false);
    expect(terminal.listenerCount("error")).toBe(0);
  });

  it("still gives the line typed before Enter, without showing it", async () => {
    const { value, terminal, shown } = await answer((t) => t.emit("data", Buffer.from("secret\r")));
    expect(value).toBe("secret");
    expect(shown).toBe("Password: \n");
    expect(terminal.raw).toBe(false);
  });
});
