// Range proxies of the fake host: values, formulas and number formats as 2-D arrays, formats,
// merge, data validation, conditional formats, cell protection (locked) and select. Writes are
// queued; at sync they are refused on a protected sheet unless the protection allows them, as in Excel.

import { payloadBytes, type OpMeta, type Requirement } from '../fake-office';
import { ClientObject, type FakeContext } from './context';
import { API } from './api-sets';
import {
  AUTOFIT_HEIGHT, cellAt, cellsOf, ERROR_CODES, FakeOfficeError, peekCell, rectAddress,
  type CellState, type Rect, type SheetState,
} from './state';

export type Locate = () => { sheet: SheetState; rect: Rect } | null;
type Scalar = string | number | boolean;

/** Excel's reading of a string written through the API (invariant style: "70", "0.5", "100%"). */
function apiValue(cell: CellState, x: Scalar): Pick<CellState, 'value' | 'numberFormat'> {
  const m = typeof x === 'string' && cell.numberFormat !== '@' ? /^(-?\d+(?:\.\d+)?)(%?)$/.exec(x) : null;
  if (!m) return { value: x, numberFormat: cell.numberFormat };
  if (!m[2]) return { value: Number(m[1]), numberFormat: cell.numberFormat };
  return { value: Number(m[1]) / 100, numberFormat: cell.numberFormat === 'General' ? '0%' : cell.numberFormat };
}
/** What a cell shows (Range.text): a percent-formatted number as "70%", "70,5%" in Vietnamese style. */
function shown(c: CellState): string {
  if (typeof c.value !== 'number') return String(c.value);
  const pct = /%/.test(c.numberFormat.replace(/"[^"]*"/g, ''));
  if (!pct) return String(c.value);
  const decimals = (/0\.(0+)%/.exec(c.numberFormat)?.[1].length) ?? 0;
  return `${(c.value * 100).toFixed(decimals)}%`;
}
type WriteKind = 'value' | 'format' | 'column' | 'row' | 'structure';

const ALLOW: Record<Exclude<WriteKind, 'value' | 'structure'>, string> = {
  format: 'allowFormatCells', column: 'allowFormatColumns', row: 'allowFormatRows',
};

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;
  protected readonly readers: Record<string, () => unknown> = {
    values: () => this.grid((c) => c.value),
    formulas: () => this.grid((c) => c.formula ?? c.value),
    numberFormat: () => this.grid((c) => c.numberFormat),
    text: () => this.grid((c) => shown(c)),
    address: () => rectAddress(this.target().sheet.name, this.target().rect),
    rowIndex: () => this.target().rect.row,
    columnIndex: () => this.target().rect.col,
    rowCount: () => this.target().rect.rows,
    columnCount: () => this.target().rect.cols,
  };

  constructor(context: FakeContext, private readonly locate: Locate, nullable = false, requires: readonly Requirement[] = []) {
    super(context);
    this.requires = requires;
    this.format = new FakeRangeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
    this.conditionalFormats = new FakeConditionalFormats(this);
    if (nullable) context.queueLoad(() => this.fulfilNow('isNullObject', this.locate() === null), { requires });
  }

  get isNullObject(): boolean { return this.prop('isNullObject'); }
  get values(): Scalar[][] { return this.prop('values'); }
  /** Like Excel, a string that reads as a number is stored as one unless the cell is Text ("@"). */
  set values(v: Scalar[][]) { this.write('value', v, (cell, x) => { Object.assign(cell, apiValue(cell, x)); cell.formula = null; }); }
  get formulas(): Scalar[][] { return this.prop('formulas'); }
  set formulas(v: Scalar[][]) {
    this.write('value', v, (cell, x) => {
      const formula = typeof x === 'string' && x.startsWith('=');
      cell.formula = formula ? x : null;
      cell.value = formula ? '' : x; // the fake does not calculate
    });
  }
  get numberFormat(): string[][] { return this.prop('numberFormat'); }
  set numberFormat(v: string[][]) { this.write('format', v, (cell, x) => { cell.numberFormat = String(x); }); }
  get text(): string[][] { return this.prop('text'); }
  get address(): string { return this.prop('address'); }
  get rowIndex(): number { return this.prop('rowIndex'); }
  get columnIndex(): number { return this.prop('columnIndex'); }
  get rowCount(): number { return this.prop('rowCount'); }
  get columnCount(): number { return this.prop('columnCount'); }

  merge(across = false): void {
    this.apply('structure', (sheet, rect) => {
      if (across) for (let r = 0; r < rect.rows; r++) sheet.merges.push(rectAddress(sheet.name, { ...rect, row: rect.row + r, rows: 1 }));
      else sheet.merges.push(rectAddress(sheet.name, rect));
    }, { requires: [API.format12] });
  }

  select(): void {
    this.context.queue(() => {
      const { sheet, rect } = this.target();
      this.context.host.selection = { sheet: sheet.name, address: rectAddress(sheet.name, rect) };
    }, { requires: this.requires });
  }

  clear(): void {
    this.apply('structure', (sheet, rect) => { for (const p of cellsOf(rect)) sheet.cells.delete(`${p.row},${p.col}`); });
  }

  /** The located sheet and rectangle; ItemNotFound when the range does not exist (e.g. a null object). */
  target(): { sheet: SheetState; rect: Rect } {
    const t = this.locate();
    if (!t) throw new FakeOfficeError(ERROR_CODES.itemNotFound, 'The requested resource does not exist.');
    return t;
  }

  /** Null above the host's cell limit, as Excel's values are above five million cells. */
  private grid<T>(read: (c: CellState) => T): T[][] | null {
    const { sheet, rect } = this.target();
    if (rect.rows * rect.cols > this.context.host.cellReadLimit) return null;
    return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => read(peekCell(sheet, rect.row + r, rect.col + c))));
  }

  /** Queues an action on the target, checked against the sheet's protection at sync. */
  apply(kind: WriteKind, action: (sheet: SheetState, rect: Rect) => void, meta: OpMeta = {}): void {
    this.context.queue(() => {
      const { sheet, rect } = this.target();
      if (sheet.protection.protected) {
        const options = sheet.protection.options ?? {};
        const allowed = kind === 'value' ? cellsOf(rect).every((p) => !peekCell(sheet, p.row, p.col).locked)
          : kind === 'structure' ? false : options[ALLOW[kind]] === true;
        if (!allowed) throw new FakeOfficeError(ERROR_CODES.accessDenied, 'The cell or chart you are trying to change is protected.');
      }
      action(sheet, rect);
    }, { ...meta, requires: [...this.requires, ...(meta.requires ?? [])] });
  }

  /** A 2-D array matching the range, or one scalar for every cell (Office.js accepts both). */
  private write(kind: WriteKind, v: unknown, set: (cell: CellState, x: Scalar) => void): void {
    const snapshot = structuredClone(v);
    this.apply(kind, (sheet, rect) => {
      const grid = Array.isArray(snapshot) ? (snapshot as Scalar[][]) : null;
      if (grid && (grid.length !== rect.rows || grid.some((row) => !Array.isArray(row) || row.length !== rect.cols))) {
        throw new FakeOfficeError(ERROR_CODES.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols}).`);
      }
      for (const p of cellsOf(rect)) set(cellAt(sheet, p.row, p.col), grid ? grid[p.r][p.c] : (snapshot as Scalar));
    }, { bytes: payloadBytes(snapshot) });
  }
}

class FakeFont {
  constructor(private readonly range: FakeRange) {}
  private set<K extends keyof CellState['font']>(k: K, v: CellState['font'][K]): void {
    this.range.apply('format', (sheet, rect) => { for (const p of cellsOf(rect)) cellAt(sheet, p.row, p.col).font[k] = v; });
  }
  set bold(v: boolean) { this.set('bold', v); }
  set italic(v: boolean) { this.set('italic', v); }
  set size(v: number) { this.set('size', v); }
  set name(v: string) { this.set('name', v); }
  set color(v: string) { this.set('color', v); }
}

export class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: { color: string; clear: () => void };
  readonly protection: { locked: boolean };
  constructor(private readonly range: FakeRange) {
    this.font = new FakeFont(range);
    const each = (kind: WriteKind, f: (c: CellState) => void) => this.each(kind, f);
    this.fill = {
      set color(v: string) { each('format', (c) => { c.fill = v; }); },
      get color(): string { throw new FakeOfficeError(ERROR_CODES.propertyNotLoaded, 'fill.color is write-only in the fake host'); },
      clear: () => each('format', (c) => { c.fill = null; }),
    };
    const each12 = (kind: WriteKind, f: (c: CellState) => void) => this.each(kind, f, [API.format12]);
    this.protection = {
      set locked(v: boolean) { each12('structure', (c) => { c.locked = v; }); },
      get locked(): boolean { throw new FakeOfficeError(ERROR_CODES.propertyNotLoaded, 'protection.locked is write-only in the fake host'); },
    };
  }
  private each(kind: WriteKind, f: (c: CellState) => void, requires: readonly Requirement[] = []): void {
    this.range.apply(kind, (sheet, rect) => cellsOf(rect).forEach((p) => f(cellAt(sheet, p.row, p.col))), { requires });
  }
  set wrapText(v: boolean) { this.each('format', (c) => { c.wrap = v; }); }
  set horizontalAlignment(v: string) { this.each('format', (c) => { c.hAlign = v; }); }
  set verticalAlignment(v: string) { this.each('format', (c) => { c.vAlign = v; }); }
  set columnWidth(v: number) {
    this.range.apply('column', (sheet, rect) => { for (let c = 0; c < rect.cols; c++) sheet.columnWidths.set(rect.col + c, v); }, { requires: [API.format12] });
  }
  set rowHeight(v: number) {
    this.range.apply('row', (sheet, rect) => { for (let r = 0; r < rect.rows; r++) sheet.rowHeights.set(rect.row + r, v); }, { requires: [API.format12] });
  }
  /** Excel fits the rows to their wrapped text; the fake records the fit as AUTOFIT_HEIGHT. */
  autofitRows(): void {
    this.range.apply('row', (sheet, rect) => { for (let r = 0; r < rect.rows; r++) sheet.rowHeights.set(rect.row + r, AUTOFIT_HEIGHT); }, { requires: [API.format12] });
  }
}

const DV = { requires: [API.dataValidation] };
const CF = { requires: [API.conditionalFormats] };

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}
  set rule(rule: Record<string, unknown>) {
    const copy = structuredClone(rule);
    this.range.apply('structure', (sheet, rect) => {
      const cells = cellsOf(rect).map((p) => cellAt(sheet, p.row, p.col));
      // Excel refuses a second rule on a range that has one: clear() first.
      if (cells.some((c) => c.validation)) throw new FakeOfficeError(ERROR_CODES.invalidOperation, 'The range already has a data validation rule.');
      for (const c of cells) c.validation = { rule: copy };
    }, DV);
  }
  /** A prompt needs no rule: Excel shows it over "any value" validation. */
  set prompt(p: Record<string, unknown>) {
    this.range.apply('structure', (sheet, rect) => cellsOf(rect).forEach((q) => {
      const cell = cellAt(sheet, q.row, q.col);
      cell.validation = { ...(cell.validation ?? { rule: {} }), prompt: { ...p } };
    }), DV);
  }
  set errorAlert(p: Record<string, unknown>) {
    this.range.apply('structure', (sheet, rect) => cellsOf(rect).forEach((q) => { const v = cellAt(sheet, q.row, q.col).validation; if (v) v.errorAlert = { ...p }; }), DV);
  }
  clear(): void {
    this.range.apply('structure', (sheet, rect) => cellsOf(rect).forEach((p) => { cellAt(sheet, p.row, p.col).validation = null; }), DV);
  }
}

class FakeConditionalFormats {
  constructor(private readonly range: FakeRange) {}
  add(type: string) {
    const state = { address: '', type, rule: null as Record<string, unknown> | null, fill: null as string | null, fontColor: null as string | null };
    this.range.apply('structure', (sheet, rect) => sheet.conditionalFormats.push(Object.assign(state, { address: rectAddress(sheet.name, rect) })), CF);
    const format = { fill: { set color(v: string) { state.fill = v; } }, font: { set color(v: string) { state.fontColor = v; } } };
    const rule = { set rule(r: Record<string, unknown>) { state.rule = { ...r }; }, format };
    return { type, textComparison: rule, cellValue: rule, custom: rule };
  }
  clearAll(): void {
    this.range.apply('structure', (sheet) => { sheet.conditionalFormats.length = 0; }, CF);
  }
}
