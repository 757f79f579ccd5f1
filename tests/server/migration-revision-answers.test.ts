// Migration 010: a revision's answer is built from its stored columns instead of being stored beside
// them. Down puts the stored answers back as the server used to store them – what it had answered –
// and up takes the warnings out of them again and drops them; a retry after the
// migration gets the same bytes as the first answer. On every database.
import * as m010 from '../../src/server/db/migrations/010_revision_answers';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));

/** Reports of every kind of answer: full, with warnings, late, late with warnings, a correction (with a warning). */
const REPORTS: Array<[Record<string, unknown>, string]> = [
  [{ period: '2026-Q1' }, '2026-03-10T03:00:00.000Z'],
  [{ period: '2026-H1', rows: [{ id: 'ct-01', value: '72,5%' }] }, '2026-06-10T03:00:00.000Z'],
  [{ period: '2026-9M' }, '2026-10-20T03:00:00.000Z'],
  [{ period: '2026-Y', rows: [{ id: 'ct-16', numerator: '45', denominator: '1.200' }] }, '2027-01-20T03:00:00.000Z'],
  [{ period: '2026-Y', rows: [{ id: 'ct-01', value: '90%' }, { id: 'ct-11', value: 'Hoàn thành' }] }, '2027-01-21T03:00:00.000Z'],
];

describeEachDatabase('migration 010 (revision answers)', (database) => {
  let t: TestApp;
  const sent: Array<{ body: Record<string, unknown>; answer: string; revisionOf: string }> = [];
  beforeAll(async () => {
    t = await testApp(database);
    for (const [overrides, now] of REPORTS) {
      t.setNow(now);
      const body = indicatorReport(overrides);
      const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: body });
      if (res.statusCode !== 201) throw new Error(res.body);
      sent.push({ body, answer: res.body, revisionOf: body.clientSubmissionId as string });
    }
  });
  afterAll(async () => t.close());

  const stored = () => t.db.kysely.selectFrom('revisions').selectAll().orderBy('id').execute();

  it('the reports cover answers with and without warnings, on time and late, first and corrected', () => {
    const answers = sent.map((s) => JSON.parse(s.answer) as { late: boolean; revision: number; warnings?: unknown[] });
    expect(answers.map((a) => [a.late, a.warnings !== undefined, a.revision])).toEqual([
      [false, false, 1], [false, true, 1], [true, false, 1], [true, true, 1], [true, true, 2],
    ]);
  });

  it('down stores each revision\'s answer again, as the server answered it; up moves the warnings back and drops them', async () => {
    const before = await stored();
    await m010.down(t.db.kysely);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table as it was before migration 010
    const old = (await (t.db.kysely as any).selectFrom('revisions').selectAll().orderBy('id').execute()) as Array<{ client_submission_id: string; response: string; warnings?: unknown }>;
    expect(old.every((r) => !('warnings' in r))).toBe(true);
    // The object answered (the HTTP bytes follow the contract's key order, the stored text did not).
    for (const s of sent) expect(JSON.parse(old.find((r) => r.client_submission_id === s.revisionOf)?.response ?? 'null')).toEqual(JSON.parse(s.answer));

    await m010.up(t.db.kysely);
    expect(await stored()).toEqual(before);
  });

  it('up reads warnings only from the top of a stored answer, not from a text inside it', async () => {
    await m010.down(t.db.kysely);
    // An older answer whose evaluation shows a clerk's text that looks like the key.
    const first = sent[0];
    const answer = JSON.parse(first.answer) as { evaluations: Array<{ display: string }> };
    answer.evaluations[0].display = 'ghi chú "warnings":[1]';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table as it was before migration 010
    await (t.db.kysely as any).updateTable('revisions').set({ response: JSON.stringify(answer) }).where('client_submission_id', '=', first.revisionOf).execute();
    await m010.up(t.db.kysely);
    const rows = await stored();
    expect(rows.find((r) => r.client_submission_id === first.revisionOf)?.warnings).toBeNull();
    expect(rows.filter((r) => r.warnings !== null)).toHaveLength(sent.filter((s) => s.answer.includes('"warnings":')).length);
  });

  it('after the migration a retry of every report gets the very bytes of its first answer', async () => {
    await m010.down(t.db.kysely);
    await m010.up(t.db.kysely);
    for (const [i, s] of sent.entries()) {
      t.setNow(REPORTS[i][1]);
      const again = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: s.body });
      expect([again.statusCode, again.body]).toEqual([200, s.answer]);
    }
  });
});
