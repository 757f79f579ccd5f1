// The rows of a read-back sheet that are still empty: an indicator with no value (nor numerator and
// denominator), a task with no status and nothing written. An upload's preview lists them so the
// clerk sees what is left to fill before sending (an empty row is "no data yet", not an error).
import type { SheetRows } from './read';

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * @example blankRowIds({ kind: 'indicators', rows: [{ id: 'ct-01', value: null }, { id: 'ct-02', value: '70%' }] }) // ['ct-01']
 */
export function blankRowIds(sheet: SheetRows): string[] {
  if (sheet.kind === 'indicators') {
    return sheet.rows.filter((r) => blank(r.value) && blank(r.numerator) && blank(r.denominator)).map((r) => r.id);
  }
  return sheet.rows
    .filter((r) => blank(r.status) && blank(r.progress) && blank(r.result) && blank(r.obstacles) && blank(r.proposal) && blank(r.completedOn))
    .map((r) => r.id);
}
