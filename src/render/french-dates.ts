import type { Catalogue } from "./catalogue.js";

/** « 18 mai 2021 », « 1er juin 2021 »: a date in figures, for mentions and tables. */
export function dateInFrench(isoDate: string, t: Catalogue): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const months = t.t("months").split(",");
  return `${day === 1 ? t.t("date.first") : String(day)} ${months[month - 1]} ${year}`;
}
