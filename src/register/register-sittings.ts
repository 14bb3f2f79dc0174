// Which sittings a year's register holds, and in what order (CGCT L2121-23: deliberations are
// entered by date order). Pure.
import type { Config } from "../config/load-config.js";
import { compareNumbers, compareSittings } from "../model/deliberation-number.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import { actLinks, type ActLinks } from "../validate/set-rules/act-links.js";
import { summarize } from "../validate/set-rules/session-summary.js";

/** One sitting of the register: its file, its computed outcome, its motions in register order. */
export interface Sitting {
  readonly path: string;
  readonly outcome: Outcome;
  /** The register's configuration (its templates and images). */
  readonly config: Config;
  /** ISO date of the sitting. */
  readonly date: string;
  /** Its deliberations by order number (R2121-9: an order number within the sitting). */
  readonly motions: readonly MotionOutcome[];
  /** The links between the acts of the register (withdrawn, replaced, corrected), both ways. */
  readonly links: ActLinks;
}

/**
 * The sittings dated in `year`, by date (then time, then file), each motion by number. The links
 * between acts are those the check found over the register (`CheckedFile.links`) when given,
 * else those between the files given, of every year.
 */
export function sittingsOfYear(checked: readonly { path: string; outcome: Outcome; config: Config; links?: ActLinks }[], year: string): Sitting[] {
  let read: ActLinks | undefined;
  const allLinks = () => (read ??= actLinks(checked.map((c) => summarize(c.path, c.outcome.session)), checked.some((c) => c.config.path !== undefined)));
  return checked
    .filter((c) => c.outcome.session.session.date.startsWith(`${year}-`))
    .map((c) => ({
      path: c.path,
      outcome: c.outcome,
      config: c.config,
      date: c.outcome.session.session.date,
      motions: [...c.outcome.motions].sort((a, b) => compareNumbers(a.motion.number, b.motion.number)),
      links: c.links ?? allLinks(),
    }))
    .sort((a, b) => compareSittings({ ...a, time: a.outcome.session.session.time }, { ...b, time: b.outcome.session.session.time }));
}
