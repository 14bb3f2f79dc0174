import { msg, type Message } from "../diagnostics/message.js";

/**
 * A command line that cannot be carried out as written (exit 2). It carries a message of the
 * catalogues, shown in the reader's language by `main`.
 */
export class UsageError extends Error {
  constructor(readonly text: Message) {
    super(text.id);
  }
}

/** A comma-separated list of allowed words, e.g. `--format html,pdf`. */
export function parseList<T extends string>(value: string, allowed: readonly T[], option: string): T[] {
  const words = value.split(",").map((f) => f.trim()).filter((f) => f !== "");
  for (const w of words) {
    if (!(allowed as readonly string[]).includes(w)) {
      throw new UsageError(msg("cli.usage.list.unknown_value", { value: w, option, allowed: allowed.join(", ") }));
    }
  }
  if (words.length === 0) throw new UsageError(msg("cli.usage.list.empty", { option, allowed: allowed.join(", ") }));
  return [...new Set(words)] as T[];
}
