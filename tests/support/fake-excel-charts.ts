// Charts for the fake Excel host (Worksheet.charts: add, load items, delete; Chart name, title,
// setPosition) with Office.js proxy semantics: queued, applied at sync. Kept beside the fake host
// rather than inside it (owned by the Excel adapter tests) and installed onto it by `withCharts()`.
import { ClientObject, type FakeContext } from './fake-excel/context';
import { ERROR_CODES, FakeOfficeError, parseRect, rectAddress, type SheetState } from './fake-excel/state';
import { FakeWorksheet } from './fake-excel/worksheet';
import type { FakeRange } from './fake-excel/range';

export interface ChartState {
  name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  position: { start: string; end: string } | null;
}

const store = new WeakMap<SheetState, ChartState[]>();
export const chartsOf = (sheet: SheetState): ChartState[] => {
  let list = store.get(sheet);
  if (!list) store.set(sheet, (list = []));
  return list;
};

class FakeChart extends ClientObject {
  protected readonly readers: Record<string, () => unknown> = { name: () => this.state().name };
  readonly title: { text: string };
  constructor(context: FakeContext, private readonly sheet: () => SheetState, private readonly state: () => ChartState) {
    super(context);
    const queue = (f: (s: ChartState) => void) => context.queue(() => f(this.state()));
    this.title = { set text(v: string) { queue((s) => { s.title = v; }); }, get text(): string { throw new FakeOfficeError(ERROR_CODES.propertyNotLoaded, 'title.text is write-only in the fake host'); } };
  }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.context.queue(() => { this.state().name = v; }); }
  setPosition(start: string, end: string): void {
    parseRect(start);
    parseRect(end);
    this.context.queue(() => { this.state().position = { start, end }; });
  }
  delete(): void {
    this.context.queue(() => {
      const list = chartsOf(this.sheet());
      const i = list.indexOf(this.state());
      if (i < 0) throw new FakeOfficeError(ERROR_CODES.itemNotFound, 'The requested resource does not exist.');
      list.splice(i, 1);
    });
  }
}

class FakeChartCollection extends ClientObject {
  protected readonly readers: Record<string, () => unknown> = {};
  constructor(context: FakeContext, private readonly sheet: () => SheetState) { super(context); }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: ChartState | null = null;
    this.context.queue(() => {
      const { sheet, rect } = source.target();
      created = { name: `Chart ${chartsOf(sheet).length + 1}`, type, source: rectAddress(sheet.name, rect), seriesBy, title: '', position: null };
      chartsOf(this.sheet()).push(created);
    });
    return new FakeChart(this.context, this.sheet, () => {
      if (!created) throw new FakeOfficeError(ERROR_CODES.itemNotFound, 'The requested resource does not exist.');
      return created;
    });
  }
  override load(): this {
    this.context.queueLoad(() => {
      const items = chartsOf(this.sheet()).map((state) => {
        const chart = new FakeChart(this.context, this.sheet, () => state);
        chart.fulfilProps(['name']);
        return chart;
      });
      this.fulfilNow('items', items);
    });
    return this;
  }
  get items(): FakeChart[] { return this.prop('items'); }
}

const collections = new WeakMap<FakeWorksheet, FakeChartCollection>();

/** Adds Worksheet.charts and the chart enums to an installed fake host. */
export function withCharts(): void {
  if (!Object.getOwnPropertyDescriptor(FakeWorksheet.prototype, 'charts')) {
    Object.defineProperty(FakeWorksheet.prototype, 'charts', {
      // One collection per worksheet proxy, as Office.js keeps navigation properties.
      get(this: FakeWorksheet) {
        let c = collections.get(this);
        if (!c) collections.set(this, (c = new FakeChartCollection(this.context, () => this.sheet())));
        return c;
      },
    });
  }
  const excel = (globalThis as { Excel?: Record<string, unknown> }).Excel;
  if (!excel) throw new Error('withCharts: install the fake host first');
  excel.ChartType ??= { columnStacked: 'ColumnStacked', columnClustered: 'ColumnClustered', barStacked: 'BarStacked' };
  excel.ChartSeriesBy ??= { auto: 'Auto', columns: 'Columns', rows: 'Rows' };
}
