// Support for the clerk's end-to-end test: a production build of the add-in (the server's CSP
// forbids eval, which development builds use), a database with a commune's reporter, the real
// server started as a child process on loopback serving that build, and the fake Excel host bundled
// for the browser (esbuild, a dependency of tsx) to be injected before the taskpane boots.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../src/server/auth/passwords';
import { defaultSeedsDir, loadCatalogues } from '../../src/server/catalogues';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { importUnitsCsv, syncCatalogueUnits } from '../../src/server/repositories/units';
import { createUser, grant } from '../../src/server/repositories/users';
import { ROOT } from './browser';
import { cachedBuild } from './build-cache';

export const CLERK = { username: 'cb.truongvinh', password: 'Mat-khau-dai-2026!', unitId: 'phuong-truong-vinh', displayName: 'Trần Thị Lan' };
/** The head of the same commune, who returns a report. */
export const HEAD = { username: 'ld.truongvinh', password: 'Mat-khau-lanh-dao-2026!', unitId: CLERK.unitId, displayName: 'Nguyễn Văn Hùng' };

/** A province-wide consolidator (the plan's consolidating body), who sends an approved report back. */
export const PROVINCE = { username: 'th.tinh', password: 'Mat-khau-tong-hop-2026!', unitId: null, displayName: 'Lê Văn Tổng' };

/** `npm run build`'s production bundle, from the build cache shared by the browser suites. */
export function buildProductionAddin(): { dir: string; remove: () => void } {
  return { dir: cachedBuild(ROOT, 'production'), remove: () => undefined };
}

/** A SQLite data directory with the plan's units, the sample communes, a commune's clerk (reporter) and head (approver), and a province consolidator. */
export async function prepareClerkData(): Promise<{ dataDir: string; remove: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cds-clerk-data-'));
  const db = connect({ sqliteFile: join(dataDir, 'reporting.sqlite') });
  try {
    await migrateToLatest(db);
    const now = new Date().toISOString();
    for (const catalogue of loadCatalogues(defaultSeedsDir).catalogues.values()) await syncCatalogueUnits(db.kysely, catalogue, now);
    const csv = readFileSync(join(ROOT, 'seeds', 'sample-communes.csv'), 'utf8');
    const imported = await importUnitsCsv(db.kysely, csv, { userId: null, now });
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    for (const [who, role] of [[CLERK, 'reporter'], [HEAD, 'approver'], [PROVINCE, 'consolidator']] as const) {
      const user = await createUser(db.kysely, { username: who.username, displayName: who.displayName, passwordHash: await hashPassword(who.password) }, 'test');
      if (!user.ok) throw new Error(user.message);
      const granted = await grant(db.kysely, user.value.id, role, who.unitId, 'test');
      if (!granted.ok) throw new Error(granted.message);
    }
  } finally {
    await db.close();
  }
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * The fake Excel host as a browser script: installs window.Excel and window.Office (host Excel,
 * a partition key; `latencyMs` per sync, as Office's round trips take) and exposes window.__fakeExcel to type into cells and inspect the workbook.
 */
export async function fakeExcelScript({ latencyMs = 0 }: { latencyMs?: number } = {}): Promise<string> {
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  const entry = `
    import { FakeExcelHost, typeInto } from './fake-excel';
    const host = new FakeExcelHost({ latencyMs: ${Number(latencyMs)} });
    host.book.create('Sheet1');
    host.install();
    const office = (globalThis as any).Office;
    office.onReady = () => Promise.resolve({ host: 'Excel', platform: 'PC' });
    office.context.partitionKey = 'e2e-partition';
    (globalThis as any).__fakeExcel = {
      host,
      type: (sheet: string, address: string, text: string) => typeInto(host, sheet, address, text),
      selection: () => host.selection,
      value: (sheet: string, address: string) => host.cell(sheet, address).value,
      cellEditMode: (n: number) => host.enterCellEditMode(n),
      sheetNames: () => host.book.sheets.map((s) => s.name),
      /** Everything the workbook holds (every sheet, hidden ones too: names, values, formulas), as text. */
      dump: () => JSON.stringify(host.book.sheets.map((s) => ({
        name: s.name, visibility: s.visibility, cells: [...s.cells.values()].map((c) => [c.value, c.formula]),
      }))),
    };`
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: __dirname, loader: 'ts', sourcefile: 'fake-excel-browser.ts' },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome110',
  });
  return out.outputFiles[0].text;
}
