// Stacks blocks down a sheet with a blank line between sections, so both renderers get absolute
// coordinates and never compute a layout of their own.

import type { CellFill, SheetBlock, SheetCell } from './types';

export const TEXT = '@';
export const COUNT = '0';
/** Percentages are stored on the 0–100 scale (as the JSON has them) and shown with one decimal. */
export const PERCENT = '0.0';

export class Stack {
  row = 0;
  readonly blocks: SheetBlock[] = [];
  readonly fills: CellFill[] = [];

  /** Places a block at the next free row (column `col`) and returns it. */
  add(id: string, style: SheetBlock['style'], values: readonly (readonly SheetCell[])[], numberFormats: readonly string[], headerRows = 0, col = 0): SheetBlock {
    const width = Math.max(...values.map((r) => r.length));
    const block: SheetBlock = {
      id, style, row: this.row, col, headerRows,
      values: values.map((r) => (r.length === width ? r : [...r, ...Array<SheetCell>(width - r.length).fill(null)])),
      numberFormats: Array.from({ length: width }, (_, i) => numberFormats[i] ?? TEXT),
    };
    this.blocks.push(block);
    this.row += values.length;
    return block;
  }

  /** A caption line ("1. Số liệu toàn tỉnh …"), after a blank line. */
  caption(id: string, text: string): void {
    this.row += 1;
    this.add(id, 'caption', [[text]], [TEXT]);
  }

  get width(): number {
    return Math.max(0, ...this.blocks.map((b) => b.col + Math.max(...b.values.map((r) => r.length))));
  }
}

/** "2026-03-25T03:00:00.000Z" → "25/03/2026 10:00" (Vietnam time, UTC+7, no daylight saving). */
export function vietnamTime(iso: string | null): string {
  if (!iso) return '';
  const t = new Date(Date.parse(iso) + 7 * 3_600_000);
  if (Number.isNaN(t.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}
