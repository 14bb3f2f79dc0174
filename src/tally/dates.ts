/** Days from `from` to `to` (YYYY-MM-DD), counted in UTC so no clock or time zone enters. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Clear days (jours francs) between a convocation and its sitting: the days strictly between
 * them, the day of sending and the day of the sitting excluded (CE 16 June 1997, Pfister).
 */
export function clearDays(sent: string, sitting: string): number {
  return daysBetween(sent, sitting) - 1;
}
