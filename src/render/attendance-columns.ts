// The words and columns of the attendance table, one vocabulary for every document: the
// extract's table, the procès-verbal's lists. A body sets its headings and where a member who
// gave a proxy is ticked (delib.config.yaml `attendance:`); the figures stay the count's.
import type { DocumentSettings } from "../config/load-config.js";
import type { SeatLine } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";

/** The exclusive columns a seat is ticked in: where its holder was for this motion. */
export type PlaceColumn = "present" | "absent" | "excused" | "withdrawn";

export const placeColumns: readonly PlaceColumn[] = ["present", "absent", "excused", "withdrawn"];

export type AttendanceSettings = NonNullable<DocumentSettings["attendance"]>;

/** A heading of the table: the body's word, else the catalogue's. */
export function columnLabel(key: PlaceColumn | "voting" | "proxy", settings: AttendanceSettings | undefined, t: Catalogue): string {
  return settings?.labels?.[key] ?? t.t(`attendance.${key}`);
}

/** Where a member who gave a proxy is ticked: « excusé » or « absent ayant donné pouvoir ». */
export function representedColumn(settings: AttendanceSettings | undefined): "excused" | "absent" {
  return settings?.represented ?? "excused";
}

/**
 * The column a seat is ticked in. A member in the room who takes no part in this vote
 * (withdrawn, personally interested, excluded) is « retiré », not absent; a member represented
 * goes where the body's vocabulary puts them; everyone else where the count put them.
 */
export function placeOf(line: SeatLine, settings: AttendanceSettings | undefined): PlaceColumn {
  if (line.column === "absent" && (line.note === "withdrawn" || line.note === "interested" || line.note === "excluded")) return "withdrawn";
  if (line.column !== "present" && (line.proxyHolder !== undefined || line.lapsedProxyHolder !== undefined)) return representedColumn(settings);
  return line.column;
}

/** The columns shown: the three of every table, and « retirés » when a seat is ticked there. */
export function shownColumns(lines: readonly SeatLine[], settings: AttendanceSettings | undefined): PlaceColumn[] {
  const withdrawn = lines.some((l) => placeOf(l, settings) === "withdrawn");
  return placeColumns.filter((c) => c !== "withdrawn" || withdrawn);
}
