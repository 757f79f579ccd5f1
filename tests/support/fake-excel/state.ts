// The workbook a fake Excel host holds: sheets of cells with values, formats, protection, validation.
// Plain data, mutated only by queued operations at context.sync() (proxies.ts) or by a simulated
// clerk (typing.ts). Source of truth: the parts of the Excel JavaScript API the adapters use.
import { FakeOfficeError } from '../fake-office';

export interface ValidationState {
  readonly rule: { readonly list?: { readonly inCellDropDown: boolean; readonly source: string } } & Record<string, unknown>;
  prompt?: { readonly message?: string; readonly title?: string; readonly showPrompt?: boolean };
  errorAlert?: Record<string, unknown>;
}

export interface CellState {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  font: { bold: boolean; italic: boolean; size: number; name: string; color: string };
  wrap: boolean;
  hAlign: string;
  vAlign: string;
  locked: boolean;
  validation: ValidationState | null;
}

export interface ConditionalFormatState {
  readonly address: string;
  readonly type: string;
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SheetState {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly cells: Map<string, CellState>;
  readonly merges: string[];
  readonly columnWidths: Map<number, number>;
  /** Row index → height in points, or AUTOFIT_HEIGHT once autofitRows() fitted it to its text. */
  readonly rowHeights: Map<number, number>;
  protection: { protected: boolean; options: Record<string, unknown> | null };
  freezeRows: number;
  readonly pageLayout: Record<string, unknown>;
  readonly conditionalFormats: ConditionalFormatState[];
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** The height the fake records for a row fitted by autofitRows() (Excel computes it from the text). */
export const AUTOFIT_HEIGHT = -1;

/** Error codes of Excel.ErrorCodes that the fake raises. */
export const ERROR_CODES = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  generalException: 'GeneralException',
} as const;

/** Shaped like OfficeExtension.Error: `name` "RichApi.Error", a `code` from Excel.ErrorCodes. */
export { FakeOfficeError };

export const newCell = (): CellState => ({
  value: '', formula: null, numberFormat: 'General', fill: null,
  font: { bold: false, italic: false, size: 11, name: 'Calibri', color: '#000000' },
  wrap: false, hAlign: 'General', vAlign: 'Bottom', locked: true, validation: null,
});

const key = (row: number, col: number): string => `${row},${col}`;

/** The cell at (row, col), created on first write. */
export function cellAt(sheet: SheetState, row: number, col: number): CellState {
  let c = sheet.cells.get(key(row, col));
  if (!c) sheet.cells.set(key(row, col), (c = newCell()));
  return c;
}

/** A cell for reading: a blank default when never written (not stored). */
export const peekCell = (sheet: SheetState, row: number, col: number): CellState => sheet.cells.get(key(row, col)) ?? newCell();

export function cellsOf(rect: Rect): { row: number; col: number; r: number; c: number }[] {
  const out = [];
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) out.push({ row: rect.row + r, col: rect.col + c, r, c });
  return out;
}

const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "B3", "$A$1:C10", "Sheet!A1" → a rectangle; throws InvalidArgument as Excel does for a bad address. */
export function parseRect(address: string): Rect {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(part.trim());
  if (!m) throw new FakeOfficeError(ERROR_CODES.invalidArgument, `Bad address ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = colNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function rectAddress(sheetName: string, rect: Rect): string {
  const letter = (col: number): string => {
    let n = col + 1;
    let s = '';
    while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); }
    return s;
  };
  const a = `${letter(rect.col)}${rect.row + 1}`;
  const b = `${letter(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
  const quoted = /^[A-Za-z0-9_]+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${a === b ? a : `${a}:${b}`}`;
}

/** The bounding box of cells holding a value or a format other than the default; null when none. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  const blank = JSON.stringify(newCell());
  for (const [k, cell] of sheet.cells) {
    const used = valuesOnly ? cell.value !== '' : cell.value !== '' || JSON.stringify(cell) !== blank;
    if (!used) continue;
    const [r, c] = k.split(',').map(Number);
    r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

export const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;
