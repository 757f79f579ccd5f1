// The fake Excel host: installs global `Excel` and `Office` objects that behave like Office.js for
// what src/office/excel uses, and lets a test inspect the workbook, count syncs, add a round-trip
// latency, put Excel in cell-edit mode for the next N syncs, and choose the requirement sets.

import { hostSupports, injectFailure } from '../fake-office';
import { PROFILES, type OfficeProfile, type ProfileName } from '../office-profiles';
import { FakeContext, type HostControl } from './context';
import { cellAt, ERROR_CODES, parseRect, peekCell, type CellState, type SheetState } from './state';
import { WorkbookState, FakeWorksheetCollection } from './worksheet';

export interface FakeExcelOptions {
  latencyMs?: number;
  /** The Office version to behave like (requirement sets, payload limit, AccessDenied from unprotect). */
  profile?: ProfileName | OfficeProfile;
  /** Overrides the profile's requirement sets. Default (no profile): ExcelApi 1.12. */
  requirementSets?: Record<string, string>;
}

/** Excel's documented bound: a range of more than five million cells reads back without values. */
export const CELL_READ_LIMIT = 5_000_000;

const EXCEL_ENUMS = {
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  ErrorCodes: ERROR_CODES,
  ConditionalFormatType: { containsText: 'ContainsText', cellValue: 'CellValue', custom: 'Custom' },
  ConditionalTextOperator: { contains: 'Contains', notContains: 'NotContains', beginsWith: 'BeginsWith', endsWith: 'EndsWith' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  PaperType: { a4: 'A4', letter: 'Letter' },
};

export class FakeExcelHost {
  readonly book = new WorkbookState();
  readonly control: HostControl;

  constructor(options: FakeExcelOptions = {}) {
    const profile = typeof options.profile === 'string' ? PROFILES[options.profile] : options.profile;
    this.control = {
      syncCount: 0, runCount: 0, latencyMs: options.latencyMs ?? 0, cellEditSyncs: 0, selection: { sheet: null, address: null },
      requirementSets: { ...(options.requirementSets ?? profile?.excel ?? { ExcelApi: '1.12', DialogApi: '1.2' }) },
      payloadLimitBytes: profile?.payloadLimitBytes ?? null,
      unprotectDenied: profile?.unprotectDenied ?? false,
      cellReadLimit: CELL_READ_LIMIT,
    };
  }

  /** Sync number `inSyncs` from now fails at operation `op` (an index or a name such as 'unprotect'). */
  failAt(op: number | string, code: string, inSyncs = 1): void {
    injectFailure(this.control, { op, code, inSyncs });
  }

  /** Sets globalThis.Excel and globalThis.Office; returns a function that removes them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { ...EXCEL_ENUMS, run: (batch: (context: unknown) => Promise<unknown>) => this.run(batch) };
    g.Office = {
      HostType: { Excel: 'Excel', Word: 'Word' },
      context: { host: 'Excel', requirements: { isSetSupported: (set: string, version = '1.1') => hostSupports(this.control, set, version) } },
    };
    return () => { g.Excel = before.Excel; g.Office = before.Office; };
  }

  async run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
    this.control.runCount += 1;
    const ctx = new FakeContext(this.control);
    const context = { workbook: { worksheets: new FakeWorksheetCollection(ctx, this.book) }, sync: () => ctx.sync() };
    const result = await batch(context);
    if (ctx.pendingWrites) await ctx.sync(); // Excel.run sends what the batch left queued
    return result;
  }

  /** Resets the counters (e.g. between the setup of a test and the action it measures). */
  resetCounts(): void {
    this.control.syncCount = 0;
    this.control.runCount = 0;
  }

  get syncCount(): number { return this.control.syncCount; }

  /** The next `n` syncs fail as Excel does while the user is typing in a cell. */
  enterCellEditMode(n: number): void {
    this.control.cellEditSyncs = n;
  }

  sheet(name: string): SheetState {
    const s = this.book.find(name);
    if (!s) throw new Error(`fake Excel: no sheet ${name}`);
    return s;
  }

  /** A cell's state for assertions ("B3" or "'Sheet'!B3" style addresses of the given sheet). */
  cell(sheetName: string, address: string): CellState {
    const { row, col } = parseRect(address);
    return peekCell(this.sheet(sheetName), row, col);
  }

  /** Sets a cell directly (setup of a test: a sheet made by someone else, a cell pasted). */
  setCell(sheetName: string, address: string, value: string | number | boolean, numberFormat?: string): void {
    const { row, col } = parseRect(address);
    const c = cellAt(this.sheet(sheetName), row, col);
    c.value = value;
    if (numberFormat) c.numberFormat = numberFormat;
  }

  /** The last range selected through the API. */
  get selection(): { sheet: string | null; address: string | null } {
    return { ...this.control.selection };
  }
}
