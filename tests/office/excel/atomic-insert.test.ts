// "Chèn Phụ lục" on every Office version's host profile, and with a failure injected at every
// operation of its write batch: the insert completes, or the workbook is as it was before (no
// half-made sheet, no temporary sheet, an old sheet kept unless the swap had begun), and the next
// attempt works. Excel 2019 volume-licensed (ExcelApi 1.7) is told to use the web app instead.
import { mappingSheetName, type TemplateSpec } from '../../../src/core/template';
import { excelReports } from '../../../src/office/excel';
import { FakeExcelHost, PROFILES, typeInto } from '../../support/fake-excel';
import { addressOf, catalogue, spec } from './helpers';

const all = new Set(catalogue.indicators.map((i) => i.id));
const s: TemplateSpec = spec('indicators', 'so-khcn', '2026-Q1', all);

function hostFor(profile: keyof typeof PROFILES): { host: FakeExcelHost; uninstall: () => void } {
  const host = new FakeExcelHost({ profile });
  host.book.create('Sheet1');
  return { host, uninstall: host.install() };
}
const names = (host: FakeExcelHost) => host.book.sheets.map((x) => `${x.name}:${x.visibility}`);

describe.each(Object.values(PROFILES))('inserting on $label', (profile) => {
  it('completes with page layout where supported, or changes nothing and names the web app', async () => {
    const { host, uninstall } = hostFor(profile.name);
    try {
      const r = await excelReports.insertTemplate(s);
      const canRun = Number(profile.excel.ExcelApi.split('.')[1]) >= 8;
      if (canRun) {
        expect(r).toMatchObject({ ok: true, value: { pageLayoutApplied: true } });
        expect(names(host)).toEqual(['Sheet1:Visible', `${s.sheetName}:Visible`, `${mappingSheetName(s.sheetName)}:VeryHidden`]);
        expect(host.sheet(s.sheetName).protection.protected).toBe(true);
      } else {
        expect(r).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/trên trình duyệt: mở \//) } });
        expect(names(host)).toEqual(['Sheet1:Visible']);
      }
    } finally {
      uninstall();
    }
  });
});

describe('a failure at any operation of the write batch', () => {
  // The write batch is sync 2 (sync 1 reads the names): its operations, counted once.
  let ops = 0;
  beforeAll(async () => {
    const { host, uninstall } = hostFor('microsoft-365');
    await excelReports.insertTemplate(s);
    uninstall();
    ops = host.control.opsPerSync![1];
    expect(ops).toBeGreaterThan(50);
  });

  it('leaves the workbook as it was, then the next attempt completes (every operation)', async () => {
    for (let op = 0; op < ops; op++) {
      const { host, uninstall } = hostFor('microsoft-365');
      try {
        host.failAt(op, 'GeneralException', 2);
        const r = await excelReports.insertTemplate(s);
        expect({ op, ok: r.ok, sheets: names(host) }).toEqual({ op, ok: false, sheets: ['Sheet1:Visible'] });
        expect((await excelReports.insertTemplate(s)).ok).toBe(true);
        expect(names(host)).toEqual(['Sheet1:Visible', `${s.sheetName}:Visible`, `${mappingSheetName(s.sheetName)}:VeryHidden`]);
      } finally {
        uninstall();
      }
    }
  });

  it('keeps the old sheet and what the clerk typed when an overwrite fails before the swap (every operation)', async () => {
    const cell = addressOf(s, 'ct-05', 'value');
    for (let op = 0; op < ops; op++) {
      const { host, uninstall } = hostFor('microsoft-365');
      try {
        await excelReports.insertTemplate(s);
        typeInto(host, s.sheetName, cell, 'Có');
        const before = names(host);
        host.failAt(op, 'GeneralException', 2);
        const r = await excelReports.insertTemplate(s, { overwrite: true });
        expect(r.ok).toBe(false);
        expect(names(host).some((n) => n.startsWith('~'))).toBe(false);
        const found = await excelReports.findReportSheets();
        const kept = names(host).join() === before.join();
        if (kept) expect(host.cell(s.sheetName, cell).value).toBe('Có');
        else expect(found.ok && found.value).toEqual([]); // the swap had begun: the old sheet was going anyway, nothing half-made
        expect((await excelReports.insertTemplate(s, { overwrite: true })).ok).toBe(true);
        expect(host.cell(s.sheetName, cell).value).toBe('');
      } finally {
        uninstall();
      }
    }
  });

  it('keeps a complete sheet, with a note, when only the print setup fails', async () => {
    const { host, uninstall } = hostFor('microsoft-365');
    try {
      host.failAt('pageLayout', 'GeneralException', 3);
      const r = await excelReports.insertTemplate(s);
      expect(r).toMatchObject({ ok: true, value: { pageLayoutApplied: false, notes: [expect.stringMatching(/Bố trí trang/)] } });
      expect(host.sheet(s.sheetName).protection.protected).toBe(true);
    } finally {
      uninstall();
    }
  });
});
