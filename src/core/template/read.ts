// Reads a report sheet's cells back into the rows of schemas.ts (IndicatorRow / TaskRow).
// Source of truth: what Excel leaves in Range.values for what a clerk typed (tests/office/excel/
// number-cases.test.ts holds the table) and the number formats of types.ts.
//
// The number-format rule (decided once here; Excel and the reader agree through it):
// - Rate and progress cells are formatted as percent ("0.0%") and hold fractions, as Excel does:
//   "70%", "70" and "70,5" typed in such a cell leave 0.7 / 0.7 / 0.705. A number read from a cell
//   whose format has an unquoted "%" is therefore handed to the core as the text the clerk saw,
//   exactly ("70,5%"), so the core reads it as a percentage and never as a fraction.
// - A number from any other format is handed over as the number it is (70.5 is 70,5 %; 0.7 in a plain
//   cell goes through the core's fraction rule and comes back with the readAsFraction warning).
// - A string (text typed in a text cell, "70,5%" on an English-locale Excel, NFD words) is handed to
//   the core parser as it is: decimal comma, thousands dot, NFC folding all live there.
// - A count cell that was given a percent (typed "50%") becomes "50%", which the core refuses as a count.
// - A date cell holds an Excel serial day (1900 date system); it becomes an ISO date.

import { formatNumber, formatPercent, readNumber, shiftDecimal } from '../numbers';
import { tidy } from '../text';
import type { IndicatorRow, TaskRow } from '../schemas';
import type { FieldKey, TemplateMapping } from './types';

export type Cell = string | number | boolean | null | undefined;

/** True when an Excel format code scales by 100: a "%" outside quotes and brackets. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

const isDateFormat = (format: string | null | undefined): boolean =>
  !!format && /[dy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !isPercentFormat(format);

/**
 * An Excel serial day (1900 date system, as every current Excel uses) as an ISO date.
 * @example excelSerialToIso(46095) === '2026-03-14'
 */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** "14/03/2026" or "14-3-2026" or an ISO date → ISO; anything else is returned tidied (the core refuses it). */
function dateText(text: string): string {
  const t = tidy(text);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t;
}

/**
 * One cell as the core should read it, per the number-format rule above.
 * @example cellToRaw(0.705, '0.0%') === '70,5%'
 * @example cellToRaw(70.5, 'General') === 70.5
 * @example cellToRaw('  ', 'General') === null
 */
export function cellToRaw(value: Cell, format: string | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string') return tidy(value) === '' ? null : value;
  if (isPercentFormat(format)) {
    const reading = readNumber(value, 'decimal');
    return reading.kind === 'number' ? formatPercent(Number(shiftDecimal(reading.decimal, 2)), 'exact') : String(value);
  }
  return value;
}

const textOf = (raw: string | number | null): string | null => (raw === null ? null : typeof raw === 'string' ? raw : formatNumber(raw));

/** A rate-like value for TaskRow.progress: a number only within 0–100 (the schema's bounds), text otherwise. */
const progressOf = (raw: string | number | null): string | number | null =>
  typeof raw === 'number' && (raw < 0 || raw > 100) ? formatNumber(raw) : raw;

export type SheetRows = { readonly kind: 'indicators'; readonly rows: IndicatorRow[] } | { readonly kind: 'tasks'; readonly rows: TaskRow[] };

/**
 * The submission rows of a sheet, by the mapping's row → id map. `values` and `numberFormats` are
 * the sheet's cells from A1 (as a used range read from A1 gives them); missing cells read as blank.
 * @example readSheetRows(mapping, usedRange.values, usedRange.numberFormat)
 * // { kind: 'indicators', rows: [{ id: 'ct-01', value: '70,5%', note: null }, …] }
 */
export function readSheetRows(
  mapping: Pick<TemplateMapping, 'kind' | 'columns' | 'rows'>,
  values: readonly (readonly Cell[])[],
  numberFormats: readonly (readonly (string | null)[])[],
): SheetRows {
  const read = (row: number, key: FieldKey): string | number | null => {
    const col = mapping.columns[key];
    if (col === undefined) return null;
    const value = values[row]?.[col];
    const format = numberFormats[row]?.[col];
    if (key === 'completedOn') {
      if (typeof value === 'number' && (isDateFormat(format) || !isPercentFormat(format))) return excelSerialToIso(value);
      return typeof value === 'string' && tidy(value) !== '' ? dateText(value) : null;
    }
    return cellToRaw(value, format);
  };
  if (mapping.kind === 'indicators') {
    return {
      kind: 'indicators',
      rows: mapping.rows.map(({ row, id }) => ({
        id, value: read(row, 'value'), numerator: read(row, 'numerator'), denominator: read(row, 'denominator'), note: textOf(read(row, 'note')),
      })),
    };
  }
  return {
    kind: 'tasks',
    rows: mapping.rows.map(({ row, id }) => ({
      id,
      status: textOf(read(row, 'status')) ?? '',
      progress: progressOf(read(row, 'progress')),
      result: textOf(read(row, 'result')),
      obstacles: textOf(read(row, 'obstacles')),
      proposal: textOf(read(row, 'proposal')),
      completedOn: read(row, 'completedOn') as string | null,
    })),
  };
}
