// Dates and percentages that mean the same in every locale (docs/office-support.md, "Locale"):
// Excel turns what a clerk types into a value by the computer's regional settings – "03/04/2026"
// is 4 March on English (US) settings, and automatic percent entry decides whether "70" in a percent
// cell is 70 % or 7 000 %. The Excel adapter therefore makes date cells text (the date is read as
// typed, dd/mm/yyyy, or refused by the core), and echoes beside each date and percentage the value
// the add-in read – in the remarks column – so the clerk sees at once a figure read otherwise than meant.
import { cellToRaw, excelSerialToIso, isPercentFormat, type Cell, type FieldKey, type TemplateMapping } from '../../core/template';
import { officeSupport } from '../../text/office-support';

/** The fields whose reading depends on the locale. */
const ECHOED: readonly FieldKey[] = ['value', 'progress', 'completedOn'];

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What the add-in read from one cell, as the clerk would write it; null when blank or not locale-bound. */
function readAs(key: FieldKey, value: Cell, format: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'completedOn') return typeof value === 'number' ? dmy(excelSerialToIso(value)) : null;
  if (typeof value !== 'number' || !isPercentFormat(format)) return null;
  const raw = cellToRaw(value, format);
  return typeof raw === 'string' ? raw : null;
}

/**
 * The remarks with, for each row, the locale-bound values as read appended.
 * @example withEchoes(mapping, values, formats, remarks) // [{ row: 11, text: 'Đọc được: 70,5%' }, …]
 */
export function withEchoes(
  mapping: TemplateMapping, values: readonly (readonly Cell[])[], formats: readonly (readonly (string | null)[])[],
  remarks: readonly { row: number; text: string }[],
): { row: number; text: string }[] {
  const byRow = new Map(remarks.map((r) => [r.row, r.text]));
  return mapping.rows.map(({ row }) => {
    const echoes = ECHOED.flatMap((key) => {
      const col = mapping.columns[key];
      const read = col === undefined ? null : readAs(key, values[row]?.[col], formats[row]?.[col]);
      return read === null ? [] : [read];
    });
    const text = byRow.get(row) ?? '';
    return { row, text: echoes.length === 0 ? text : [text, officeSupport.readAs(echoes.join('; '))].filter(Boolean).join('\n') };
  });
}
