/** A command line that cannot be carried out as written (exit 2). */
export class UsageError extends Error {}

/** A comma-separated list of allowed words, e.g. `--format html,pdf`. */
export function parseList<T extends string>(value: string, allowed: readonly T[], option: string): T[] {
  const words = value.split(",").map((f) => f.trim()).filter((f) => f !== "");
  for (const w of words) {
    if (!(allowed as readonly string[]).includes(w)) {
      throw new UsageError(`unknown value \`${w}\` in ${option}; use ${allowed.join(", ")} (comma-separated)`);
    }
  }
  if (words.length === 0) throw new UsageError(`${option} needs at least one of ${allowed.join(", ")}`);
  return [...new Set(words)] as T[];
}
