import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/** Each deliberation number is used once: it names the act and its files. */
export function motionNumbersAreUnique({ session, locate }: RuleContext): Diagnostic[] {
  const first = new Map<string, number>();
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, index) => {
    // File names are compared without case: 2021-A and 2021-a would overwrite each other.
    const key = motion.number.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    found.push(
      diagnostic({
        code: "DLB3008",
        message: `the deliberation number \`${motion.number}\` is used twice`,
        span: locate(["motions", index, "number"]),
        hints: ["give each deliberation its own number"],
        related: [{ span: locate(["motions", earlier, "number"]), message: "first used here" }],
      }),
    );
  });
  return found;
}
