// The file names of a sitting's documents, without extension: each extract is named after its
// deliberation's number, the procès-verbal and the list after the sitting's date. The renderer
// names its files with these; the checks across files make sure no two can be the same.

/** The procès-verbal's file name: « proces-verbal-2021-05-18 ». */
export function minutesFileName(date: string): string {
  return `proces-verbal-${date}`;
}

/** The list of deliberations' file name: « liste-des-deliberations-2021-05-18 ». */
export function listFileName(date: string): string {
  return `liste-des-deliberations-${date}`;
}
