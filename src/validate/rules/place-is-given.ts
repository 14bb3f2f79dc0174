import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/** The extract says where the assembly met: a place, or videoconference. */
export function placeIsGiven({ session, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  if (s.place !== undefined || s.videoconference === true) return [];
  return [
    diagnostic({
      code: "DLB3014",
      message: msg("DLB3014"),
      span: locate(["session"], "key"),
      hints: [msg("DLB3014.hint")],
    }),
  ];
}
