// The register's numbering pattern (`numbering.pattern` of delib.config.yaml), e.g. `{year}-{seq:02}`.

export interface NumberPattern {
  readonly text: string;
  /** Matches a whole number, capturing `year` (when the pattern has one) and `seq`. */
  readonly regex: RegExp;
  format(year: number, seq: number): string;
}

/** The pattern as a regular expression capturing the year and the sequence number. */
export function numberPattern(pattern: string): NumberPattern {
  let source = "";
  const parts: ((year: number, seq: number) => string)[] = [];
  for (const piece of pattern.split(/(\{[^}]+\})/).filter((p) => p !== "")) {
    const field = /^\{(year|seq)(?::0(\d))?\}$/.exec(piece);
    if (!field) {
      source += piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      parts.push(() => piece);
    } else if (field[1] === "year") {
      source += "(?<year>\\d{4})";
      parts.push((year) => String(year));
    } else {
      const width = Number(field[2] ?? 1);
      source += `(?<seq>\\d{${width},})`;
      parts.push((_, seq) => String(seq).padStart(width, "0"));
    }
  }
  return { text: pattern, regex: new RegExp(`^${source}$`), format: (year, seq) => parts.map((p) => p(year, seq)).join("") };
}

/** A number read through the pattern: its year (the sitting's when the pattern has none) and sequence. */
export interface ReadNumber {
  readonly year: number;
  readonly seq: number;
}

/** Reads `number` through the pattern; undefined when it does not follow it for a sitting of `year`. */
export function readNumber(pattern: NumberPattern, number: string, year: number): ReadNumber | undefined {
  const match = pattern.regex.exec(number);
  if (!match) return undefined;
  const own = match.groups!.year === undefined ? year : Number(match.groups!.year);
  if (own !== year) return undefined;
  // Sequences longer than 15 digits are not a register's; compare them safely all the same.
  const seq = Number(match.groups!.seq);
  return Number.isSafeInteger(seq) ? { year, seq } : undefined;
}
