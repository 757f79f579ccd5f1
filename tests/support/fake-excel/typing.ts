// A clerk typing into a cell, as Excel turns the text into a cell value. The cases the fake models
// (checked against Excel's documented behaviour; the locale decides the separators):
// - a number in the locale's own style ("70,5" on vi-VN, "70.5" on en-US) → a number; with thousands
//   groups ("1.234" on vi-VN) → 1234 and, in a General cell, the format "#,##0";
// - a number with "%" ("70%", "70,5%" on vi-VN) → the fraction (0.7, 0.705) and, in a General cell,
//   the format "0%" / "0.00%";
// - a number without "%" in a percent-formatted cell: Excel's automatic percent entry – 1 and above
//   are divided by 100 ("70" → 0.7), below 1 kept as typed ("0,705" → 0.705), both show as percent;
//   with automatic percent entry turned off, every number is kept as typed ("70" → 70, 7 000 %);
// - a date "14/03/2026" on vi-VN (day first) → the serial day, format "dd/mm/yyyy" in a General cell;
// - text in a Text ("@") cell, the other locale's style ("70.5%" on vi-VN → text, as "70,5%" on
//   en-US), text with spaces around or inside (" 70 % "), words in NFC or NFD → the string as typed;
// - a locked cell of a protected sheet refuses the entry; a drop-down cell refuses a word not in its
//   list (Excel compares case-insensitively but code unit by code unit, so an NFD "Có" is refused when
//   typed – pasting bypasses validation: { paste: true }).

import type { FakeExcelHost } from './host';
import { cellAt, parseRect } from './state';

export type Locale = 'vi-VN' | 'en-US';

export interface TypeOptions {
  readonly locale?: Locale;
  /**
   * Excel's "Enable automatic percent entry" (on by default): a number of 1 or more typed into a
   * percent cell is divided by 100. Off, every number is stored as typed ("70" → 7 000 %).
   */
  readonly autoPercent?: boolean;
  /** Pasted text bypasses data validation, as in Excel. */
  readonly paste?: boolean;
}

export type Typed =
  | { readonly accepted: true; readonly value: string | number; readonly numberFormat: string }
  | { readonly accepted: false; readonly reason: 'locked' | 'validation' };

const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  'vi-VN': { decimal: ',', group: '.' },
  'en-US': { decimal: '.', group: ',' },
};

const isPercent = (format: string): boolean => /%/.test(format.replace(/"[^"]*"/g, ''));
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readLocaleNumber(text: string, locale: Locale): { value: number; percent: boolean; grouped: boolean; fraction: boolean } | null {
  const { decimal, group } = SEPARATORS[locale];
  const re = new RegExp(`^(-?)(\\d{1,3}(?:${esc(group)}\\d{3})+|\\d+)(?:${esc(decimal)}(\\d+))?(%?)$`);
  const m = re.exec(text);
  if (!m) return null;
  const value = Number(`${m[1]}${m[2].split(group).join('')}.${m[3] ?? '0'}`);
  return { value, percent: m[4] === '%', grouped: m[2].includes(group), fraction: m[3] !== undefined };
}

function readLocaleDate(text: string, locale: Locale): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const [day, month] = locale === 'vi-VN' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  const ms = Date.UTC(Number(m[3]), month - 1, day);
  if (new Date(ms).getUTCDate() !== day || month < 1 || month > 12) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Types `text` into a cell the way Excel stores it (see the cases above). Does not go through a
 * request context: the clerk types between two actions of the add-in.
 * @example typeInto(host, 'PL01 2026-Q1', 'E10', '70%') // { accepted: true, value: 0.7, numberFormat: '0%' }
 */
export function typeInto(host: FakeExcelHost, sheetName: string, address: string, text: string, options: TypeOptions = {}): Typed {
  const locale = options.locale ?? 'vi-VN';
  const sheet = host.sheet(sheetName);
  const { row, col } = parseRect(address);
  const cell = cellAt(sheet, row, col);
  if (sheet.protection.protected && cell.locked) return { accepted: false, reason: 'locked' };
  const list = cell.validation?.rule.list?.source.split(',').map((s) => s.trim());
  if (list && !options.paste && text !== '' && !list.some((w) => w.toLowerCase() === text.toLowerCase())) {
    return { accepted: false, reason: 'validation' };
  }
  const store = (value: string | number, numberFormat = cell.numberFormat): Typed => {
    cell.value = value;
    cell.formula = null;
    cell.numberFormat = numberFormat;
    return { accepted: true, value, numberFormat };
  };
  if (cell.numberFormat === '@') return store(text);
  const general = cell.numberFormat === 'General';
  const n = readLocaleNumber(text, locale);
  if (n) {
    if (n.percent) return store(n.value / 100, general ? (n.fraction ? '0.00%' : '0%') : cell.numberFormat);
    if (isPercent(cell.numberFormat)) return store(Math.abs(n.value) >= 1 && options.autoPercent !== false ? n.value / 100 : n.value);
    return store(n.value, general && n.grouped ? '#,##0' : cell.numberFormat);
  }
  const serial = readLocaleDate(text, locale);
  if (serial !== null) return store(serial, general ? 'dd/mm/yyyy' : cell.numberFormat);
  return store(text);
}
