// The date a document says it was made, for its metadata: never the clock.

/**
 * The date a PDF says it was made: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else
 * the given day at midnight UTC (the sitting's). Never the clock, so rebuilds give the same bytes.
 */
export function pdfDocumentDate(day: string, env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${day}T00:00:00Z`);
}
