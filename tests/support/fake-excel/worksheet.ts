// Worksheet and workbook proxies of the fake host: the sheets collection (getItem, getItemOrNullObject,
// add, items), visibility, protection, freeze panes, page layout (only with ExcelApi 1.9) and ranges.

import { payloadBytes, type Requirement } from '../fake-office';
import { ClientObject, type FakeContext } from './context';
import { API } from './api-sets';
import { FakeRange } from './range';
import {
  ERROR_CODES, FakeOfficeError, FORBIDDEN_SHEET_CHARS, parseRect, rectAddress, usedRect,
  type SheetState,
} from './state';

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  private nextId = 1;
  find(name: string): SheetState | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  create(name: string): SheetState {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name)) {
      throw new FakeOfficeError(ERROR_CODES.invalidArgument, `Invalid sheet name: ${name}`);
    }
    if (this.find(name)) throw new FakeOfficeError(ERROR_CODES.itemAlreadyExists, `A sheet named ${name} already exists.`);
    const sheet: SheetState = {
      id: `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, '0')}}`, name, visibility: 'Visible',
      cells: new Map(), merges: [], columnWidths: new Map(), rowHeights: new Map(),
      protection: { protected: false, options: null }, freezeRows: 0, pageLayout: {}, conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }
}

type Resolve = () => SheetState | null;

export class FakeWorksheet extends ClientObject {
  readonly protection: { protected: boolean; protect: (o?: Record<string, unknown>, p?: string) => void; unprotect: (p?: string) => void; load: (a?: string) => unknown };
  readonly freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  protected readonly readers: Record<string, () => unknown> = {
    name: () => this.sheet().name,
    id: () => this.sheet().id,
    visibility: () => this.sheet().visibility,
    position: () => this.book.sheets.indexOf(this.sheet()),
  };

  constructor(context: FakeContext, private readonly book: WorkbookState, private readonly resolve: Resolve, nullable = false, requires: readonly Requirement[] = []) {
    super(context);
    this.requires = requires;
    if (nullable) context.queueLoad(() => this.fulfilNow('isNullObject', this.resolve() === null), { requires });
    const protection = new FakeProtection(context, () => this.sheet());
    this.protection = protection;
    const panes = { requires: [API.freezePanes] };
    this.freezePanes = {
      freezeRows: (n: number) => context.queue(() => { this.sheet().freezeRows = n; }, panes),
      unfreeze: () => context.queue(() => { this.sheet().freezeRows = 0; }, panes),
    };
  }

  get isNullObject(): boolean { return this.prop('isNullObject'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.context.queue(() => {
      const s = this.sheet();
      const other = this.book.find(v);
      if (other && other !== s) throw new FakeOfficeError(ERROR_CODES.itemAlreadyExists, `A sheet named ${v} already exists.`);
      if (v.length === 0 || v.length > 31 || FORBIDDEN_SHEET_CHARS.test(v)) throw new FakeOfficeError(ERROR_CODES.invalidArgument, `Invalid sheet name: ${v}`);
      // Merges and conditional formats belong to the sheet: their addresses follow the new name.
      const rename = (address: string) => rectAddress(v, parseRect(address));
      s.merges.splice(0, s.merges.length, ...s.merges.map(rename));
      s.conditionalFormats.forEach((f) => Object.assign(f, { address: rename(f.address) }));
      s.name = v;
    });
  }
  get id(): string { return this.prop('id'); }
  get position(): number { return this.prop('position'); }
  get visibility(): string { return this.prop('visibility'); }
  set visibility(v: string) { this.context.queue(() => { this.sheet().visibility = v as SheetState['visibility']; }); }

  /** ExcelApi 1.9: a host without it fails the sync with ApiNotFound, as Office.js does. */
  get pageLayout(): Record<string, unknown> {
    const set = (k: string, v: unknown) => this.context.queue(() => {
      this.sheet().pageLayout[k] = structuredClone(v);
    }, { requires: [API.pageLayout], name: 'pageLayout' });
    // headersFooters.defaultForAllPages.centerFooter = … is kept as pageLayout.footers.centerFooter.
    const footers = new Proxy({}, {
      set: (_t, k, v) => {
        this.context.queue(() => {
          const layout = this.sheet().pageLayout;
          layout.footers = { ...(layout.footers as Record<string, unknown> | undefined), [String(k)]: v };
        }, { requires: [API.pageLayout], name: 'headersFooters' });
        return true;
      },
    });
    return new Proxy({}, {
      set: (_t, k, v) => { set(String(k), v); return true; },
      get: (_t, k) => (k === 'setPrintTitleRows' ? (address: string) => set('printTitleRows', address)
        : k === 'setPrintArea' ? (address: string) => set('printArea', address)
        : k === 'headersFooters' ? { defaultForAllPages: footers } : undefined),
    });
  }

  /** ExcelApi 1.9: manual page breaks, kept in pageLayout.pageBreaks as the rows they go above. */
  get horizontalPageBreaks(): { add(range: string): void; removePageBreaks(): void } {
    const edit = (f: (rows: number[]) => number[]) => this.context.queue(() => {
      const layout = this.sheet().pageLayout;
      layout.pageBreaks = f((layout.pageBreaks as number[] | undefined) ?? []);
    }, { requires: [API.pageLayout], name: 'horizontalPageBreaks' });
    return {
      add: (range: string) => edit((rows) => [...rows, parseRect(range).row]),
      removePageBreaks: () => edit(() => []),
    };
  }

  getRange(address = 'A1'): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), rect: parseRect(address) }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), rect: { row, col, rows, cols } }), false, [API.getRangeByIndexes]);
  }
  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const rect = usedRect(this.sheet(), valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }; // Excel: A1 of an empty sheet
      return { sheet: this.sheet(), rect };
    }, false, valuesOnly ? [API.usedRangeValuesOnly] : []);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      const rect = sheet && usedRect(sheet, valuesOnly);
      return sheet && rect ? { sheet, rect } : null;
    }, true, [API.nullObjects]);
  }
  delete(): void {
    this.context.queue(() => {
      const s = this.sheet();
      // By design in Excel (OfficeDev/office-js#365): a very hidden sheet must be made hidden first.
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError(ERROR_CODES.generalException, 'There was an internal error while processing the request.');
      if (s.visibility === 'Visible' && this.book.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError(ERROR_CODES.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      this.book.sheets.splice(this.book.sheets.indexOf(s), 1);
    }, { name: 'delete' });
  }
  activate(): void {
    this.context.queue(() => void this.sheet());
  }

  sheet(): SheetState {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError(ERROR_CODES.itemNotFound, 'The requested resource does not exist.');
    return s;
  }
}

class FakeProtection extends ClientObject {
  protected readonly readers: Record<string, () => unknown> = { protected: () => this.sheet().protection.protected };
  constructor(context: FakeContext, private readonly sheet: () => SheetState) {
    super(context);
    this.requires = [API.protection];
  }
  get protected(): boolean { return this.prop('protected'); }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.queueWrite(() => {
      const s = this.sheet();
      if (s.protection.protected) throw new FakeOfficeError(ERROR_CODES.invalidOperation, 'The worksheet is already protected.');
      s.protection = { protected: true, options: { ...(options ?? {}), ...(password ? { password } : {}) } };
    }, { name: 'protect' });
  }
  /** A password-protected sheet refuses without its password; current builds refuse anyway (issue 6784). */
  unprotect(password?: string): void {
    this.queueWrite(() => {
      const s = this.sheet();
      const expected = s.protection.options?.password;
      if (this.context.host.unprotectDenied && s.protection.protected) throw new FakeOfficeError(ERROR_CODES.accessDenied, 'Access denied.');
      if (expected !== undefined && expected !== password) throw new FakeOfficeError(ERROR_CODES.accessDenied, 'The password is incorrect.');
      s.protection = { protected: false, options: null };
    }, { name: 'unprotect' });
  }
}

export class FakeWorksheetCollection extends ClientObject {
  protected readonly readers: Record<string, () => unknown> = {};
  constructor(context: FakeContext, private readonly book: WorkbookState) { super(context); }

  /** load('items/name, items/visibility') or load('name, visibility'): the items with those properties. */
  override load(arg?: string | string[]): this {
    const props = (Array.isArray(arg) ? arg : (arg ?? 'name').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter(Boolean);
    this.context.queueLoad(() => {
      const items = this.book.sheets.map((s) => new FakeWorksheet(this.context, this.book, () => this.book.sheets.find((x) => x.id === s.id) ?? null));
      for (const w of items) w.fulfilProps(props);
      this.fulfilNow('items', items);
    });
    return this;
  }
  get items(): FakeWorksheet[] { return this.prop('items'); }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.book, () => this.book.find(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.book, () => this.book.find(name), true, [API.nullObjects]);
  }
  add(name: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.context.queue(() => { created = this.book.create(name); }, { name: 'add', bytes: payloadBytes(name) });
    return new FakeWorksheet(this.context, this.book, () => created);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.book, () => this.book.sheets[0] ?? null);
  }
}
