// The fake Excel host itself: Office.js proxy semantics, counted syncs, cell-edit mode, protection,
// requirement sets. The adapter tests are only as good as these rules.
import { FakeExcelHost } from '../../support/fake-excel';

type Ctx = { workbook: { worksheets: Excel.WorksheetCollection }; sync: () => Promise<void> };
let host: FakeExcelHost;
let uninstall: () => void;
const run = <T>(f: (c: Ctx) => Promise<T>) => Excel.run(f as unknown as (c: Excel.RequestContext) => Promise<T>);

beforeEach(() => {
  host = new FakeExcelHost({ requirementSets: { ExcelApi: '1.8' } });
  host.book.create('Sheet1');
  uninstall = host.install();
});
afterEach(() => uninstall());

describe('proxy semantics', () => {
  it('reading a property before load + sync throws PropertyNotLoaded', async () => {
    host.setCell('Sheet1', 'A1', 7);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('writes take effect at sync, in order, and a loaded value is a snapshot', async () => {
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [['a', 'b']];
      expect(host.cell('Sheet1', 'A1').value).toBe('');
      r.load('values');
      await ctx.sync();
      expect(host.cell('Sheet1', 'B1').value).toBe('b');
      r.values = [['c', 'd']];
      await ctx.sync();
      expect(r.values).toEqual([['a', 'b']]);
    });
  });

  it('counts syncs, and Excel.run sends writes left queued with one more', async () => {
    await run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    });
    expect(host.syncCount).toBe(2);
    expect(host.cell('Sheet1', 'A1').value).toBe(1);
  });

  it('null objects: isNullObject is known after the sync, not before', async () => {
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it('collections load their items with the asked properties', async () => {
    host.book.create('Other').visibility = 'VeryHidden';
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([['Sheet1', 'Visible'], ['Other', 'VeryHidden']]);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('a missing sheet fails the sync with ItemNotFound; the writes before it stay applied', async () => {
    await expect(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['kept']];
      ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [['x']];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(host.cell('Sheet1', 'A1').value).toBe('kept');
  });

  it('a string written through the API that reads as a number becomes one, unless the cell is Text', async () => {
    host.setCell('Sheet1', 'B1', '', '@');
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [['100%', '100%', '2026']];
      await ctx.sync();
    });
    expect([host.cell('Sheet1', 'A1'), host.cell('Sheet1', 'B1'), host.cell('Sheet1', 'C1')].map((c) => [c.value, c.numberFormat]))
      .toEqual([[1, '0%'], ['100%', '@'], [2026, 'General']]);
  });

  it('an array of the wrong size is refused, as Excel does', async () => {
    await expect(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('sheet names: 31 characters at most, no forbidden characters, no duplicates', async () => {
    for (const [name, code] of [['x'.repeat(32), 'InvalidArgument'], ['a/b', 'InvalidArgument'], ['sheet1', 'ItemAlreadyExists']]) {
      await expect(run(async (ctx) => { ctx.workbook.worksheets.add(name); await ctx.sync(); })).rejects.toMatchObject({ code });
    }
  });
});

describe('host behaviour', () => {
  it('in cell-edit mode a sync fails with nothing of its batch applied, for the next N syncs', async () => {
    host.enterCellEditMode(1);
    const write = () => run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    await expect(write()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(host.cell('Sheet1', 'A1').value).toBe('');
    await write();
    expect(host.cell('Sheet1', 'A1').value).toBe('x');
  });

  it('a protected sheet refuses writes to locked cells and formats, accepts values in unlocked cells', async () => {
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B2').format.protection.locked = false;
      s.protection.protect({ allowFormatColumns: true });
      await ctx.sync();
    });
    const attempt = (f: (s: Excel.Worksheet) => void) => run(async (ctx) => { f(ctx.workbook.worksheets.getItem('Sheet1')); await ctx.sync(); });
    await expect(attempt((s) => { s.getRange('A1').values = [[1]]; })).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((s) => { s.getRange('B2').format.fill.color = 'red'; })).rejects.toMatchObject({ code: 'AccessDenied' });
    await attempt((s) => { s.getRange('B2').values = [[2]]; s.getRange('B2').format.columnWidth = 50; });
    expect(host.cell('Sheet1', 'B2').value).toBe(2);
    await expect(attempt((s) => s.protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('pageLayout needs ExcelApi 1.9: an older host fails the sync with ApiNotFound', async () => {
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    await expect(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('a simulated round trip makes every sync wait', async () => {
    host.control.latencyMs = 30;
    const start = Date.now();
    await run(async (ctx) => { await ctx.sync(); await ctx.sync(); });
    expect(Date.now() - start).toBeGreaterThanOrEqual(55);
  });

  it('a very hidden sheet and the last visible sheet cannot be deleted', async () => {
    host.book.create('Map').visibility = 'VeryHidden';
    const del = (name: string) => run(async (ctx) => { ctx.workbook.worksheets.getItem(name).delete(); await ctx.sync(); });
    await expect(del('Map')).rejects.toMatchObject({ code: 'GeneralException' });
    await expect(del('Sheet1')).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
