// The appendix tables in every layout a plan reaches us in, read into one shape (Table):
// - one cell per line, each ending with " |" (the 2026 plan's web page; table.ts);
// - one row per line with " | " between cells, with or without outer pipes;
// - markdown tables (a "|---|" separator line under the header);
// - one row per line with tabs between cells (a Word table copied as text);
// - a .docx's real cells, which docx.ts renders as one row per line before they reach here.
// A table is recognised by its header row, never by its position: see docs/catalogue.md.
import { lineLabel, readTable, tidyCell, type Table, type TableRow } from './table';

/** Does this row name the columns an appendix needs? (indicator or task header) */
export type HeaderTest = (cells: readonly string[]) => boolean;

export type LayoutName = 'cellPerLine' | 'rowPerLine';

export interface RegionReading {
  readonly table: Table;
  readonly layout: LayoutName;
  /** False when no row of the region names the appendix's columns. */
  readonly headerFound: boolean;
  /** 1-based line of the header row (0 when none). */
  readonly headerLine: number;
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/u;

/**
 * Cells of a line written one row per line ("1 | Tỷ lệ … | ≥ 70%", "| 1 | … |"), or null when the
 * line is not such a row: a row has at least two cells. "\|" is a pipe inside a cell, "<br>" a break.
 * `outer`: whether the table writes outer pipes (as its header does); without them a leading or
 * trailing "|" is an empty first or last cell. Unknown (null): outer pipes are taken off.
 * @example splitPipeRow('| 1 | Tỷ lệ phủ sóng 5G | ≥ 70% |') // ['1', 'Tỷ lệ phủ sóng 5G', '≥ 70%']
 */
export function splitPipeRow(line: string, outer: boolean | null = null): string[] | null {
  let s = line.trim();
  if (!s.includes('|') || SEPARATOR.test(s)) return null;
  if (outer !== false) {
    if (s.startsWith('|')) s = s.slice(1);
    if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  }
  const cells = s.split(/(?<!\\)\|/u).map((c) => tidyCell(c.replace(/\\\|/gu, '|').replace(/<br\s*\/?>/giu, ' ')));
  return cells.length >= 2 ? cells : null;
}

/**
 * Cells of a line with tabs between them (a Word or spreadsheet table pasted as text), or null.
 * @example splitTabRow('1\tTỷ lệ phủ sóng 5G\t≥ 70%') // ['1', 'Tỷ lệ phủ sóng 5G', '≥ 70%']
 */
export function splitTabRow(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map(tidyCell);
  return cells.length >= 2 ? cells : null;
}

/** A row of column numbers under the header ("1 | 2 | 3 | 4" or "(1) | (2) | …"), which some plans print. */
const isColumnNumbers = (cells: readonly string[]): boolean =>
  cells.every((c, i) => c.replace(/[()]/gu, '') === String(i + 1));

/**
 * Reads lines [from, to) as one appendix table in whichever layout they are written. A line with
 * " | " between cells that names the appendix's columns starts a row-per-line table; otherwise the
 * region is read one cell per line. Rows with fewer cells than the header are padded with empty
 * cells (a missing cell is recorded as missing); a row with more non-empty cells is not a row of
 * this table and goes to `unread`, as does every line that is not a row.
 */
export function readRegion(
  lines: readonly string[],
  from: number,
  to: number,
  isHeader: HeaderTest,
  where: (line: number) => string = lineLabel,
): RegionReading {
  let headerAt = -1;
  let tabs = false;
  for (let i = from; i < to && headerAt < 0; i++) {
    for (const [split, isTab] of [[splitPipeRow, false], [splitTabRow, true]] as const) {
      const cells = split(lines[i]);
      if (cells && isHeader(cells)) {
        headerAt = i;
        tabs = isTab;
        break;
      }
    }
  }
  if (headerAt < 0) {
    const t = readTable(lines, from, to, where);
    const rows = t.rows.length > 0 && isColumnNumbers(t.rows[0].cells) ? t.rows.slice(1) : t.rows;
    const headerFound = isHeader(t.header);
    return { table: { ...t, rows }, layout: 'cellPerLine', headerFound, headerLine: headerFound ? firstCellLine(lines, from, to) : 0 };
  }

  const preamble = lines.slice(from, headerAt).map((l) => l.trim()).filter((l) => l !== '');
  const header = (tabs ? splitTabRow(lines[headerAt]) : splitPipeRow(lines[headerAt])) ?? [];
  const outer = lines[headerAt].trim().startsWith('|');
  const split = (line: string): string[] | null => (tabs ? splitTabRow(line) : splitPipeRow(line, outer));
  const width = header.length;
  const rows: TableRow[] = [];
  const unread: string[] = [];
  for (let i = headerAt + 1; i < to; i++) {
    const raw = lines[i].trim();
    if (raw === '' || SEPARATOR.test(raw)) continue;
    const cells = split(tabs ? lines[i] : raw);
    if (!cells) {
      unread.push(raw);
      continue;
    }
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > width) {
      unread.push(cells.filter((c) => c !== '').join(' | '));
      continue;
    }
    if (rows.length === 0 && isColumnNumbers(cells)) continue;
    // A table split over pages or parts repeats its header row: not a row of the plan.
    if (cells.length === width && cells.every((c, k) => c === header[k])) continue;
    while (cells.length < width) cells.push('');
    rows.push({ line: i + 1, where: where(i + 1), cells });
  }
  return { table: { preamble, header, rows, unread }, layout: 'rowPerLine', headerFound: true, headerLine: headerAt + 1 };
}

/** The line of the first cell of a one-cell-per-line table: the header's first cell. */
function firstCellLine(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim() === '|') return i + 2;
  return from + 1;
}
