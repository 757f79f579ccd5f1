// Vietnamese numbers as clerks type them and as reports print them: decimal comma, thousands dot.
// Source of truth: docs/domain.md §6 ("70,5%", "1.234"; users also type "70.5", "0,705", " 70 % ").
//
// Reading rules (the ambiguous cases, decided once here):
// - "decimal" style (rates, percentages): a single "," or "." is the decimal separator, so "70.5" and
//   "70,5" are both 70,5. A separator that occurs several times ("1.234.567") groups thousands.
// - "count" style (numerators, denominators): "." followed by exactly three digits groups thousands
//   ("1.234" = 1234, "1.234.567"), "," is the decimal comma ("1,5" = 1,5, which the caller then refuses
//   as a fractional count); "1.5" or "1.23" are decimals, not groups.
// - When both "." and "," appear, the last one is the decimal separator and the other groups
//   thousands ("1.234,5" Vietnamese, "1,234.5" as an English-locale Excel prints it).
// - Spaces (also no-break spaces) may group thousands: "1 234".
// - A leading "+", "-" or "−" is read, so that a negative is reported as negative, not as unreadable.
// - No exponent ("1e3"), no leading separator (",5"), no trailing separator ("70,").

import { tidy } from './text';

export type NumberStyle = 'decimal' | 'count';

/** What a typed number reads as. `decimal` is the value as a plain JS decimal literal ("-1234.5"). */
export type NumberReading =
  | { readonly kind: 'number'; readonly value: number; readonly decimal: string; readonly percentSign: boolean }
  | { readonly kind: 'empty' }
  | { readonly kind: 'notNumber' };

/**
 * Thousands groups: a first group of 1–3 digits not starting with 0, then groups of exactly 3 – one
 * pattern per separator, compiled once (building a RegExp per typed number was a visible share of
 * checking a report).
 */
const GROUPED: Readonly<Record<string, RegExp>> = {
  '.': /^[1-9]\d{0,2}(?:\.\d{3})+$/,
  ',': /^[1-9]\d{0,2}(?:,\d{3})+$/,
  '_': /^[1-9]\d{0,2}(?:_\d{3})+$/,
};

/**
 * Reads a number typed by a clerk (or a JS number that came from Excel). Never throws.
 * @example readNumber('70,5 %', 'decimal') // { kind: 'number', value: 70.5, decimal: '70.5', percentSign: true }
 * @example readNumber('1.234', 'count')    // value 1234
 * @example readNumber('1.234', 'decimal')  // value 1.234
 */
export function readNumber(input: unknown, style: NumberStyle): NumberReading {
  if (input === null || input === undefined) return { kind: 'empty' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { kind: 'notNumber' };
    return { kind: 'number', value: input === 0 ? 0 : input, decimal: plainDecimal(input), percentSign: false };
  }
  if (typeof input !== 'string') return { kind: 'notNumber' };
  let text = tidy(input);
  if (text === '') return { kind: 'empty' };
  let percentSign = false;
  if (text.endsWith('%')) {
    percentSign = true;
    text = text.slice(0, -1).trimEnd();
  }
  let sign = '';
  const signMatch = /^([+\-−])\s*/u.exec(text);
  if (signMatch) {
    sign = signMatch[1] === '+' ? '' : '-';
    text = text.slice(signMatch[0].length);
  }
  // "_" marks a space that groups thousands (a space before exactly three digits); any other space fails.
  if (text.includes('_')) return { kind: 'notNumber' };
  const body = splitSeparators(text.replace(/ (?=\d{3}(?:\D|$))/g, '_'), style);
  if (body === null) return { kind: 'notNumber' };
  const decimal = `${sign}${body.int}${body.frac ? `.${body.frac}` : ''}`;
  const value = Number(decimal);
  if (!Number.isFinite(value)) return { kind: 'notNumber' };
  return { kind: 'number', value: value === 0 ? 0 : value, decimal: value === 0 ? '0' : decimal, percentSign };
}

/** Splits "1.234,5" into integer digits and fraction digits; null when it is not a number. */
function splitSeparators(text: string, style: NumberStyle): { int: string; frac: string } | null {
  // "_" (a grouping space) may not mix with a "." or "," group.
  if (!/^\d[\d.,_]*$/.test(text) || /[.,_]$/.test(text)) return null;
  const dots = count(text, '.');
  const commas = count(text, ',');
  const spaces = count(text, '_');
  let decimalSep: string | null = null;
  let groupSep: string | null = spaces > 0 ? '_' : null;
  if (dots > 0 && commas > 0) {
    decimalSep = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    if (groupSep !== null) return null;
    groupSep = decimalSep === '.' ? ',' : '.';
    if (count(text, decimalSep) !== 1) return null;
  } else if (dots + commas > 0) {
    const sep = dots > 0 ? '.' : ',';
    const n = dots + commas;
    if (n > 1) {
      if (groupSep !== null) return null;
      groupSep = sep;
    } else if (style === 'count' && sep === '.' && groupSep === null && GROUPED['.'].test(text)) {
      groupSep = '.';
    } else {
      decimalSep = sep;
    }
  }
  const [intPart, frac = ''] = decimalSep === null ? [text] : text.split(decimalSep);
  if (intPart === '' || /[.,]/.test(frac) || frac.includes('_')) return null;
  if (groupSep === null) return /^\d+$/.test(intPart) ? { int: intPart, frac } : null;
  return GROUPED[groupSep].test(intPart) ? { int: intPart.split(groupSep).join(''), frac } : null;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at !== -1; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/**
 * Moves the decimal point of a plain decimal literal: used to read "0,705" as 70,5 % without the
 * rounding noise of 0.705 × 100 (= 70.49999999999999).
 * @example shiftDecimal('0.705', 2) === '70.5'
 */
export function shiftDecimal(decimal: string, places: number): string {
  const negative = decimal.startsWith('-');
  const [i, f = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = i + f;
  const point = i.length + places;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return negative && Number(out) !== 0 ? `-${out}` : out;
}

/** The shortest exact decimal literal of a finite number, never in exponent form. */
function plainDecimal(v: number): string {
  const s = String(Math.abs(v));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  const abs = m ? shiftDecimal(`${m[1]}.${m[2] ?? ''}`.replace(/\.$/, ''), Number(m[3])) : s;
  return v < 0 && abs !== '0' ? `-${abs}` : abs;
}

/** Rounds to at most `digits` fraction digits (dropping trailing zeros), or exactly when 'exact'. */
function roundedDecimal(v: number, digits: number | 'exact'): string {
  // Most figures are whole numbers: below 1e21 a whole number's String() is its plain digits, which
  // is what both paths below give for it (-0 reads "0" either way).
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  if (digits === 'exact') return plainDecimal(v);
  const fixed = Math.abs(v).toFixed(digits);
  const abs = /e/.test(fixed) ? plainDecimal(Math.abs(v)) : fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return v < 0 && Number(abs) !== 0 ? `-${abs}` : abs;
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A number the Vietnamese way: thousands dot, decimal comma.
 * @example formatNumber(1234.5) === '1.234,5'
 * @example formatNumber(2 / 3, 2) === '0,67'
 */
export function formatNumber(v: number, maxFractionDigits: number | 'exact' = 'exact'): string {
  if (!Number.isFinite(v)) return String(v);
  const s = roundedDecimal(v, maxFractionDigits);
  if (s.length < 4 && !s.includes('.')) return s; // nothing to group and no fraction: "0", "45", "-12", "999"
  const negative = s.startsWith('-');
  const [i, f] = (negative ? s.slice(1) : s).split('.');
  return `${negative ? '-' : ''}${groupThousands(i)}${f ? `,${f}` : ''}`;
}

/**
 * A percentage on the 0–100 scale, decimal comma, no thousands grouping (so that it reads back
 * unambiguously in a rate field). Two fraction digits by default; 'exact' for lossless output.
 * @example formatPercent(70.5) === '70,5%'
 * @example formatPercent(100 / 3) === '33,33%'
 */
export function formatPercent(v: number, maxFractionDigits: number | 'exact' = 2): string {
  if (!Number.isFinite(v)) return `${String(v)}%`;
  return `${roundedDecimal(v, maxFractionDigits).replace('.', ',')}%`;
}

/**
 * A count with the thousands dot; a non-integer is shown exactly rather than silently rounded.
 * @example formatCount(1234) === '1.234'
 */
export function formatCount(n: number): string {
  return formatNumber(n, 'exact');
}
