// Numbers and dates written out in French words, as official deliberations spell them.
//
// Convention (that of the reference deliberation, "le dix-huit mai deux mille vingt-et-un"):
// - below a hundred, tens and units are joined by hyphens, with "-et-" for 21, 31, 41, 51, 61
//   and 71 ("vingt-et-un", "soixante-et-onze") but not for 81 and 91 ("quatre-vingt-un",
//   "quatre-vingt-onze");
// - "cent", "mille", "million" are separated from their neighbours by spaces (the traditional
//   spelling, not the 1990 all-hyphens reform): "deux cent un", "mille neuf cent quatre-vingt-dix-neuf";
// - "vingt" (in quatre-vingts) and "cent" take an s when multiplied and ending the number
//   ("quatre-vingts", "deux cents") or when followed by the noun "million(s)"
//   ("deux cents millions"), never before "mille" ("quatre-vingt mille", "deux cent mille"),
//   which is an invariable adjective;
// - "mille" alone, never "un mille"; "un million", "deux millions";
// - in dates the first day of a month is "premier"; months are lower-case.

const UNITS = [
  "zéro",
  "un",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "onze",
  "douze",
  "treize",
  "quatorze",
  "quinze",
  "seize",
  "dix-sept",
  "dix-huit",
  "dix-neuf",
] as const;

/** Tens from 20 to 60, indexed by the tens digit. */
const TENS: Readonly<Record<number, string>> = {
  2: "vingt",
  3: "trente",
  4: "quarante",
  5: "cinquante",
  6: "soixante",
};

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

const MAX = 999_999_999;

function unit(n: number): string {
  const word = UNITS[n];
  if (word === undefined) throw new RangeError(`no unit word for ${n}`);
  return word;
}

/**
 * 1..99. `plural`: whether a bare "quatre-vingt" takes its s (the number ends here, or a noun
 * such as "millions" follows).
 */
function belowHundred(n: number, plural: boolean): string {
  if (n < 20) return unit(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens <= 6) {
    const base = TENS[tens] ?? "";
    if (units === 0) return base;
    if (units === 1) return `${base}-et-un`;
    return `${base}-${unit(units)}`;
  }
  if (tens === 7) return units === 1 ? "soixante-et-onze" : `soixante-${unit(10 + units)}`;
  if (tens === 8) return units === 0 ? (plural ? "quatre-vingts" : "quatre-vingt") : `quatre-vingt-${unit(units)}`;
  return `quatre-vingt-${unit(10 + units)}`;
}

/** 1..999, see `belowHundred` for `plural`. */
function belowThousand(n: number, plural: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest, plural);
  let head: string;
  if (hundreds === 1) head = "cent";
  else head = `${unit(hundreds)} ${rest === 0 && plural ? "cents" : "cent"}`;
  return rest === 0 ? head : `${head} ${belowHundred(rest, plural)}`;
}

/**
 * An integer from 0 to 999 999 999 in French words, e.g. 2021 -> "deux mille vingt-et-un",
 * 80 -> "quatre-vingts", 200 000 -> "deux cent mille". See the convention at the top of the file.
 * @throws RangeError for a non-integer or a number out of range (callers validate first).
 */
export function numberInFrenchWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX) {
    throw new RangeError(`expected an integer from 0 to ${MAX}, got ${n}`);
  }
  if (n === 0) return unit(0);
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions > 0) {
    // "million" is a noun: "deux cents millions", "quatre-vingts millions".
    parts.push(millions === 1 ? "un million" : `${belowThousand(millions, true)} millions`);
  }
  if (thousands > 0) {
    // "mille" is an adjective: "deux cent mille", "quatre-vingt mille".
    parts.push(thousands === 1 ? "mille" : `${belowThousand(thousands, false)} mille`);
  }
  if (rest > 0) parts.push(belowThousand(rest, true));
  return parts.join(" ");
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A calendar date `YYYY-MM-DD` in French words, e.g. "2021-05-18" -> "dix-huit mai deux mille
 * vingt-et-un", "2022-01-01" -> "premier janvier deux mille vingt-deux" (no article: the caller
 * writes "le"). Proleptic Gregorian calendar, years 0001 to 9999.
 * @throws RangeError for a string that is not a valid date in that form (callers validate first).
 */
export function dateInFrenchWords(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const monthName = MONTHS[month - 1];
  if (match === null || year < 1 || monthName === undefined || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`expected a valid date YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  }
  const dayWords = day === 1 ? "premier" : numberInFrenchWords(day);
  return `${dayWords} ${monthName} ${numberInFrenchWords(year)}`;
}
