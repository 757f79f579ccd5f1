// The reports' rows as the packed JSON consolidation reads them (src/server/report-rows.ts): the
// compact form stored with each revision (migration 009) gives the very rows the canonical JSON
// gives, so does a revision stored without it, the migration fills it in for revisions already
// stored, and remembered rows follow every new revision. And end to end: the JSON answer, expanded,
// is the straightforward consolidation of the stored reports (tests/support/reference-consolidation.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue, ReportingForm } from '../../src/core/catalogue-types';
import { expandConsolidation } from '../../src/core/consolidation-sheet';
import type { SubmissionRequest } from '../../src/core/schemas';
import { canonicalContent, canonicalRows, validateSubmission } from '../../src/core/validate-submission';
import { formatIndicatorValue, type ParsedValue } from '../../src/core/values';
import { parsePeriod } from '../../src/core/periods';
import * as m009 from '../../src/server/db/migrations/009_revision_cells';
import { effectiveAssignments } from '../../src/server/effective-assignments';
import { provinceMarks } from '../../src/server/repositories/acceptance';
import { latestRows } from '../../src/server/repositories/submissions';
import { listUnits } from '../../src/server/repositories/units';
import { cellsOf, cellsOfRows, digestRows, forgetReportRows, latestIndicatorReports } from '../../src/server/report-rows';
import { referenceConsolidateIndicators } from '../support/reference-consolidation';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, testCatalogue } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { describeEachDatabase } from './support/databases';
import { communeReport } from './support/requests';
import { as, principal } from './support/test-auth';

const PERIOD = '2026-Q1';

describeEachDatabase('report rows', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
    await seedPeriod(t);
  });
  afterAll(async () => t.close());

  /** The digests as the canonical rows give them, by unit. */
  const fromRows = async () => new Map((await latestRows(t.db.kysely, PLAN_ID, PERIOD, 'indicators')).map((r) => [r.unitId, digestRows(r.content.rows)]));
  const digests = async () => new Map((await latestIndicatorReports(t.db.kysely, PLAN_ID, PERIOD)).map((r) => [r.unitId, r.rows]));

  it('the stored compact form gives the rows the canonical JSON gives', async () => {
    const stored = await t.db.kysely.selectFrom('revisions as r').innerJoin('revision_cells as c', 'c.revision_id', 'r.id').select(['r.rows', 'c.cells']).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const r of stored) expect(r.cells).toBe(cellsOfRows(r.rows));
    forgetReportRows();
    const expected = await fromRows();
    expect(await digests()).toEqual(expected);
    expect(await digests()).toEqual(expected); // remembered
  });

  it('reads a revision stored without the compact form from its rows', async () => {
    await t.db.kysely.deleteFrom('revision_cells').execute();
    forgetReportRows();
    expect(await digests()).toEqual(await fromRows());
  });

  it('the migration fills the compact form in for the revisions already stored, indicators only', async () => {
    await m009.down(t.db.kysely);
    await m009.up(t.db.kysely);
    const stored = await t.db.kysely
      .selectFrom('revisions as r').innerJoin('submissions as s', 's.id', 'r.submission_id').leftJoin('revision_cells as c', 'c.revision_id', 'r.id')
      .select(['s.kind', 'r.rows', 'c.cells']).execute();
    for (const r of stored) expect(r.cells).toBe(r.kind === 'indicators' ? cellsOfRows(r.rows) : null);
  });

  it('a new revision is read at once, whatever was remembered', async () => {
    await digests();
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', 'xa-dien-chau')), payload: communeReport('xa-dien-chau', true) });
    expect(res.statusCode).toBe(201);
    expect(await digests()).toEqual(await fromRows());
  });

  it('the JSON answer, expanded, is the straightforward consolidation of the stored reports', async () => {
    const period = parsePeriod(PERIOD);
    if (!period.ok) throw new Error(PERIOD);
    const units = await listUnits(t.db.kysely);
    const a = await effectiveAssignments(t.db.kysely, testCatalogue, units);
    const marks = await provinceMarks(t.db.kysely, PLAN_ID, PERIOD, 'indicators');
    const stored = (await latestRows(t.db.kysely, PLAN_ID, PERIOD, 'indicators')).map((r) => ({ ...r, provinceState: marks.get(r.unitId)?.provinceState ?? null }));
    const reference = referenceConsolidateIndicators(testCatalogue, units, a, stored, period.value);
    for (const cold of [true, false]) {
      if (cold) forgetReportRows();
      const res = await t.app.inject({ method: 'GET', url: `/api/consolidation?planId=${PLAN_ID}&period=${PERIOD}&kind=indicators`, headers: as(principal('consolidator', null)) });
      expect(res.statusCode).toBe(200);
      const { planId: _p, period: _q, generatedAt: _g, kind, ...rest } = expandConsolidation(res.json());
      expect([kind, rest]).toEqual(['indicators', reference]);
    }
    expect(reference.units.map((u) => u.unitId)).toContain(SKHCN);
  });
});

describe('the compact form computed before the canonical text is written', () => {
  // store-submission.ts takes it from the canonical content (cellsOf) rather than parsing the text it
  // has just written: for every indicator of the real plan, every reporting form, with and without a
  // value and a note, it is the text's own compact form.
  const plan = JSON.parse(fs.readFileSync(path.join(__dirname, '../../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
  const samples = (form: ReportingForm): ParsedValue[] => {
    switch (form.kind) {
      case 'rate': return [{ kind: 'rate', percent: 0 }, { kind: 'rate', percent: 70.5 }, { kind: 'rate', percent: 100 }];
      case 'yesNo': return [{ kind: 'yesNo', yes: true }, { kind: 'yesNo', yes: false }];
      case 'countPair': return [{ kind: 'countPair', numerator: 1200, denominator: 1500 }, { kind: 'countPair', numerator: 0, denominator: 3 }];
      case 'status': return [{ kind: 'status', status: 'done', evidence: 'Quyết định số 12/QĐ-UBND' }, { kind: 'status', status: 'inProgress' }];
      case 'applied': return [{ kind: 'applied', applied: true, description: 'Ứng dụng "một cửa"' }, { kind: 'applied', applied: false }];
    }
  };
  it.each(plan.indicators.map((i) => [i.id, i] as const))('%s', (_id, indicator) => {
    const rows = [
      ...samples(indicator.form).map((v, n) => ({ id: indicator.id, ...formatIndicatorValue(v), ...(n % 2 ? { note: 'Ghi chú\u0301 – "trích dẫn"' } : {}) })),
      { id: indicator.id, value: '', note: 'chưa có số liệu' },
    ];
    let compared = 0;
    for (const row of rows) {
      const period = indicator.yearlyOnly ? '2026-Y' : '2026-Q1';
      const checked = validateSubmission(plan, { clientSubmissionId: 'c', planId: plan.planId, unitId: 'so-khcn', period, kind: 'indicators', rows: [row] } as SubmissionRequest);
      if (!checked.ok) continue; // a blank alone is refused: nothing to store
      const content = canonicalContent(checked.value);
      expect(content.kind).toBe('indicators');
      if (content.kind !== 'indicators') return;
      expect(cellsOf(content.rows)).toBe(cellsOfRows(canonicalRows(checked.value)));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(samples(indicator.form).length);
  });
});
