/** A fraction "2/3" as [numerator, denominator]. The schema guarantees the form. */
export function parseFraction(text: string): [number, number] {
  const [num, den] = text.split("/").map(Number) as [number, number];
  return [num, den];
}

/** floor(n × fraction) + 1 when strict (a majority), else ceil(n × fraction); exact in integers. */
export function threshold(n: number, fraction: string, strict: boolean): number {
  const [num, den] = parseFraction(fraction);
  return strict ? Math.floor((n * num) / den) + 1 : Math.ceil((n * num) / den);
}
