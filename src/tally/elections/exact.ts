// Exact arithmetic for seat allocations: averages and remainders are fractions of integers,
// compared by cross-multiplying, never as floating-point numbers.

/** A non-negative fraction numerator / denominator (denominator > 0). */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** The fraction n / d. */
export function fraction(numerator: number, denominator: number): Fraction {
  return { numerator, denominator };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * A fraction as language-neutral parts for a printed step: its whole part and its first two
 * decimals (cut, not rounded), e.g. 123/4 → { whole: 30, hundredths: "75" }. The catalogue puts
 * the decimal mark of its language between them.
 */
export function decimalParts(value: Fraction): { whole: number; hundredths: string } {
  const whole = Math.floor(value.numerator / value.denominator);
  const hundredths = Math.floor(((value.numerator - whole * value.denominator) * 100) / value.denominator);
  return { whole, hundredths: String(hundredths).padStart(2, "0") };
}
