// The order of a sitting: its deliberations as taken, and the items without a vote placed
// among them by `before` / `after` (issue 11: the procès-verbal follows the agenda).
import type { AgendaItem, Motion, Session } from "./session.js";

export type AgendaEntry =
  | { readonly kind: "motion"; readonly index: number; readonly motion: Motion }
  | { readonly kind: "item"; readonly index: number; readonly item: AgendaItem };

/**
 * Every point of the sitting in order. An item `before` a deliberation comes just before it,
 * one `after` just after it, in the file's order among those placed at the same point; an item
 * placed nowhere, or at a number the file does not have (reported by the rules), comes last.
 */
export function agendaOrder(session: Pick<Session, "motions" | "items">): AgendaEntry[] {
  const items = (session.items ?? []).map((item, index) => ({ kind: "item" as const, index, item }));
  const numbers = new Set(session.motions.map((m) => m.number));
  const placed = (item: AgendaItem) => (item.before !== undefined && numbers.has(item.before)) || (item.after !== undefined && numbers.has(item.after));
  const entries: AgendaEntry[] = [];
  session.motions.forEach((motion, index) => {
    entries.push(...items.filter((e) => e.item.before === motion.number && placed(e.item)));
    entries.push({ kind: "motion", index, motion });
    entries.push(...items.filter((e) => e.item.before === undefined && e.item.after === motion.number));
  });
  entries.push(...items.filter((e) => !placed(e.item)));
  return entries;
}
