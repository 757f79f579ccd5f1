// The unit directory in the database: the plan's agencies, and communes from the administrator's CSV
// (dry run first, nothing written when a line is bad, every change audited).
import type { Db } from '../../src/server/db/connect';
import { listAudit } from '../../src/server/repositories/audit';
import { getUnit, importUnitsCsv, listUnits, syncCatalogueUnits } from '../../src/server/repositories/units';
import { COMMUNES_CSV, SKHCN, testCatalogue } from './support/catalogue';
import { describeEachDatabase } from './support/databases';

const now = '2026-01-05T02:00:00.000Z';

describeEachDatabase('units repository', (database) => {
  let db: Db & { drop(): Promise<void> };
  beforeEach(async () => {
    db = await database.create();
    await syncCatalogueUnits(db.kysely, testCatalogue, now);
  });
  afterEach(async () => db.drop());

  it('loads the plan’s agencies, idempotently', async () => {
    await syncCatalogueUnits(db.kysely, testCatalogue, now);
    const units = await listUnits(db.kysely);
    expect(units.map((u) => u.id)).toEqual(['so-khoa-hoc-va-cong-nghe', 'so-noi-vu', 'so-y-te']);
    expect(await getUnit(db.kysely, SKHCN)).toEqual({ id: SKHCN, name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh', 'he-thong-chinh-tri'], level: 'province' });
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const result = await importUnitsCsv(db.kysely, COMMUNES_CSV, { userId: 'admin-1', now, dryRun: true });
    expect(result).toEqual({
      ok: true, added: 3, updated: 0, unchanged: 0, dryRun: true,
      changes: [
        { id: 'phuong-vinh-hung', name: 'Phường Vinh Hưng', change: 'add' },
        { id: 'phuong-truong-vinh', name: 'Phường Trường Vinh', change: 'add' },
        { id: 'xa-dien-chau', name: 'Xã Diễn Châu', change: 'add' },
      ],
    });
    expect(await listUnits(db.kysely)).toHaveLength(3);
  });

  it('imports communes with an audit record, then reports them unchanged', async () => {
    expect(await importUnitsCsv(db.kysely, COMMUNES_CSV, { userId: 'admin-1', now })).toMatchObject({ ok: true, added: 3 });
    expect(await getUnit(db.kysely, 'xa-dien-chau')).toMatchObject({ name: 'Xã Diễn Châu', level: 'commune', classes: ['cap-xa'] });
    expect(await importUnitsCsv(db.kysely, COMMUNES_CSV, { userId: 'admin-1', now })).toMatchObject({ ok: true, added: 0, unchanged: 3 });
    const renamed = COMMUNES_CSV.replace('Xã Diễn Châu', 'Xã Diễn Châu mới');
    expect(await importUnitsCsv(db.kysely, renamed, { userId: 'admin-1', now })).toMatchObject({
      ok: true, updated: 1, unchanged: 2, changes: [{ id: 'xa-dien-chau', name: 'Xã Diễn Châu mới', change: 'update' }],
    });
    const audit = await listAudit(db.kysely, { entity: 'unit', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['units.import', 'units.import']);
    expect(audit[0]).toMatchObject({ userId: 'admin-1', before: [expect.objectContaining({ name: 'Xã Diễn Châu' })], after: [expect.objectContaining({ name: 'Xã Diễn Châu mới' })] });
  });

  it('writes nothing when any line is bad, and says which', async () => {
    const bad = `${COMMUNES_CSV}\nXa Sai,,xã,cap-xa`;
    const result = await importUnitsCsv(db.kysely, bad, { userId: 'admin-1', now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.message).join(' ')).toMatch(/Dòng 5/);
    expect(await listUnits(db.kysely)).toHaveLength(3);
  });
});
