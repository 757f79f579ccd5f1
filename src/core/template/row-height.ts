// How tall a report row must be for its wrapped text to show. Excel fits a row of wrapped text by
// itself when text is typed or written through Office.js, but a file keeps the row heights it carries:
// LibreOffice (and Excel) open an .xlsx without fitting its rows again, so a sheet printed from the
// downloaded template would show its long indicator texts over one another. The .xlsx renderer writes
// these heights; the estimate errs on the tall side (an empty line beats a cut one).
import type { SheetRow, TemplateSpec } from './types';

/** Characters of the 12 pt body font per character of column width (the default font's unit). */
const CHARS_PER_WIDTH = 1;

/** Lines a text takes in a column `width` characters wide, wrapping at spaces. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  return text.split('\n').reduce((lines, paragraph) => {
    let count = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (used > 0 && used + 1 + length > perLine) { count += 1; used = 0; }
      used += (used > 0 ? 1 : 0) + length;
      while (used > perLine) { count += 1; used -= perLine; } // a word longer than the line breaks inside
    }
    return lines + count;
  }, 0);
}

/**
 * The height in points of a header or item row: its tallest wrapped cell, at 1.3 × the font size a line.
 * @example rowHeight(spec, spec.rows.find((r) => r.kind === 'item')!) // 47 for a three-line indicator
 */
export function rowHeight(spec: TemplateSpec, row: SheetRow | 'header'): number {
  const texts = row === 'header' ? spec.columns.map((c) => c.header) : row.kind === 'item' ? row.cells : [];
  const lines = spec.columns.reduce((most, column, i) => {
    const text = texts[i];
    if (!column.wrap || typeof text !== 'string' || text === '') return most;
    return Math.max(most, wrappedLines(text, column.width));
  }, 1);
  return linesHeight(lines, spec.font.size);
}

/**
 * Points for `lines` lines of a `size` pt font: 1.3 × the size a line (LibreOffice's Liberation Serif
 * and Excel's Times New Roman take about 1.15) plus the cell's padding.
 * @example linesHeight(3, 12) === 51
 */
export const linesHeight = (lines: number, size: number): number => Math.ceil(lines * size * 1.3 + 4);
