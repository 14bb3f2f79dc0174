import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/** The extract says where the assembly met: a place, or videoconference. */
export function placeIsGiven({ session, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  if (s.place !== undefined || s.videoconference === true) return [];
  return [
    diagnostic({
      code: "DLB3014",
      message: "the sitting has no place",
      span: locate(["session"], "key"),
      hints: ["add `place: à la salle du conseil` (as it reads after « s'est réuni »), or `videoconference: true`"],
    }),
  ];
}
