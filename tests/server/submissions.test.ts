// Submitting, retrying, correcting and signing off reports (docs/domain.md §5), on every database.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { communeReport, indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));
const admin = as(principal('admin', null));

describeEachDatabase('submissions', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  const post = (body: unknown, headers = clerk) => t.app.inject({ method: 'POST', url: '/api/submissions', headers, payload: body as object });
  const count = async (table: 'revisions' | 'submissions' | 'audit' | 'decisions') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stores a report as revision 1 and answers with the server’s own evaluation', async () => {
    const res = await post(indicatorReport());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ revision: 1, status: 'submitted', late: false, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The value against the target, and what the Q1 report prints: progress towards the year's target.
    expect(body.evaluations).toEqual([
      { id: 'ct-01', evaluation: 'exceeded', display: '72,5%', assessment: 'Đã đạt mục tiêu năm' },
      { id: 'ct-11', evaluation: 'notMet', display: 'Đang triển khai', assessment: 'Chưa đạt mục tiêu năm' },
      { id: 'ct-16', evaluation: 'notMet', display: expect.stringContaining('45/1.200'), assessment: 'Đạt 3,75% mục tiêu năm' },
    ]);
    expect(await count('revisions')).toBe(1);
    expect(await count('audit')).toBe(2); // the communes import and this submission
  });

  it('gives the rows it creates time-ordered ids (UUID version 7): a correction\'s revision after the first', async () => {
    const first = await post(indicatorReport());
    const second = await post(indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }] }));
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.json().id).toMatch(v7);
    const revisions = await t.db.kysely.selectFrom('revisions').select(['id', 'revision']).orderBy('revision').execute();
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    for (const r of revisions) expect(r.id).toMatch(v7);
    expect(revisions[0].id < revisions[1].id || revisions[0].id.slice(0, 13) === revisions[1].id.slice(0, 13)).toBe(true);
  });

  it.each([
    ['rows: []', []],
    ['only blank rows', [{ id: 'ct-01' }, { id: 'ct-16', numerator: '', denominator: null }, { id: 'ct-11', note: 'chưa có' }]],
  ])('refuses an empty report (%s) with 422, in Vietnamese, storing nothing', async (_, rows) => {
    const res = await post(indicatorReport({ rows }));
    expect(res.statusCode).toBe(422);
    expect(res.json().issues.map((i: { code: string }) => i.code)).toEqual(['submission.empty']);
    expect(res.json().issues[0].message).toMatch(/không thể nộp báo cáo trống/u);
    expect(await count('revisions')).toBe(0);
  });

  it('refuses a period the plan’s reporting scheme does not ask for (Quý II: 6 tháng stands for it)', async () => {
    const res = await post(indicatorReport({ period: '2026-Q2' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().issues.map((i: { code: string }) => i.code)).toEqual(['period.notInScheme']);
    expect(await count('revisions')).toBe(0);
  });

  it('takes a report with some assigned rows blank, and says how many (a warning each)', async () => {
    const res = await post(indicatorReport({ rows: [{ id: 'ct-01', value: '72,5%' }] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings.map((w: { code: string; rowId: string }) => [w.code, w.rowId])).toEqual([['row.blank', 'ct-11'], ['row.blank', 'ct-16']]);
    expect(res.json().warnings[0].message).toMatch(/2\/3 dòng được giao còn trống/u);
  });

  // The answer is built again from the stored revision (repositories/submissions.ts submissionAnswer):
  // a retry must get the very bytes of the first answer, whatever the report carried.
  const RETRIED: Array<[string, Record<string, unknown>, string | null]> = [
    ['a full report', {}, null],
    ['a report with blank rows (warnings)', { rows: [{ id: 'ct-01', value: '72,5%' }] }, null],
    ['a late report', {}, '2026-03-20T17:00:00.000Z'],
    ['a late report with warnings', { rows: [{ id: 'ct-16', numerator: '45', denominator: '1.200' }] }, '2026-04-02T03:00:00.000Z'],
  ];

  it.each(RETRIED)('answers a retry of %s with 200 and the same bytes, storing nothing new', async (_name, overrides, now) => {
    if (now) t.setNow(now);
    const report = indicatorReport(overrides);
    const first = await post(report);
    expect(first.statusCode).toBe(201);
    const again = await post(report);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await count('revisions')).toBe(1);
  });

  it.each(RETRIED)('answers %s sent again under a new client id, while it waits, with that revision\'s answer', async (_name, overrides, now) => {
    if (now) t.setNow(now);
    const first = await post(indicatorReport(overrides));
    const copy = await post(indicatorReport(overrides)); // a new clientSubmissionId, the same content
    expect(copy.statusCode).toBe(200);
    expect(copy.body).toBe(first.body);
    expect(await count('revisions')).toBe(1);
  });

  it('answers a retry of a correction with the correction\'s answer, not the first revision\'s', async () => {
    await post(indicatorReport());
    const correction = indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }] });
    const second = await post(correction);
    expect(second.json()).toMatchObject({ revision: 2, warnings: [expect.objectContaining({ code: 'row.blank' }), expect.anything()] });
    const again = await post(correction);
    expect([again.statusCode, again.body]).toEqual([200, second.body]);
  });

  it('stores a revision\'s warnings beside its evaluations and no second copy of its answer', async () => {
    await post(indicatorReport());
    await post(indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }] }));
    const stored = await t.db.kysely.selectFrom('revisions').selectAll().orderBy('revision').execute();
    expect(Object.keys(stored[0]).sort()).toEqual(['client_submission_id', 'content_hash', 'evaluations', 'id', 'late', 'revision', 'rows', 'submission_id', 'submitted_at', 'submitted_by', 'warnings']);
    expect(stored[0].warnings).toBeNull();
    expect((JSON.parse(stored[1].warnings!) as Array<{ code: string; rowId: string }>).map((w) => [w.code, w.rowId])).toEqual([['row.blank', 'ct-11'], ['row.blank', 'ct-16']]);
  });

  it('treats "72,5%" and 72.5 as the same content', async () => {
    const report = indicatorReport();
    await post(report);
    const same = await post({ ...report, rows: [{ id: 'ct-16', numerator: 45, denominator: 1200 }, ...report.rows.slice(0, 2).map((r) => (r.id === 'ct-01' ? { id: 'ct-01', value: 72.5 } : r))] });
    expect(same.statusCode).toBe(200);
  });

  it('refuses the same client id with different content (409) and stores nothing', async () => {
    const report = indicatorReport();
    await post(report);
    const other = await post({ ...report, rows: [{ id: 'ct-01', value: '50%' }] });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toBe('conflict');
    expect(await count('revisions')).toBe(1);
  });

  it('lists every invalid value with 422 (row, field, code, Vietnamese message) and stores nothing', async () => {
    const res = await post(indicatorReport({ rows: [{ id: 'ct-01', value: 'bảy mươi' }, { id: 'ct-16', numerator: '50', denominator: '40' }] }));
    expect(res.statusCode).toBe(422);
    const issues = res.json().issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rowId: 'ct-01', field: 'value', code: 'value.notNumber', message: expect.any(String) }),
        expect.objectContaining({ rowId: 'ct-16', code: 'value.numeratorAboveDenominator' }),
      ]),
    );
    expect(await count('submissions')).toBe(0);
    expect(await count('revisions')).toBe(0);
  });

  it('refuses rows not assigned to the unit with 422', async () => {
    const res = await post(indicatorReport({ rows: [{ id: 'ct-05', value: 'Có' }] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ rowId: 'ct-05', code: 'row.notAssigned' })]);
    expect(await count('revisions')).toBe(0);
  });

  it('refuses unknown fields with 400', async () => {
    const res = await post({ ...indicatorReport(), extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(await count('revisions')).toBe(0);
  });

  it('refuses a clerk writing for another unit with 403', async () => {
    const res = await post(indicatorReport({ unitId: SYT }));
    expect(res.statusCode).toBe(403);
    expect(await count('revisions')).toBe(0);
  });

  it('marks a report after the deadline as late', async () => {
    t.setNow('2026-03-20T17:00:00.000Z'); // 00:00 on 21/03 in Vietnam; the Q1 deadline is 20/03
    const res = await post(indicatorReport());
    expect(res.json().late).toBe(true);
  });

  it('stores one revision for 20 concurrent retries of one submission', async () => {
    const report = indicatorReport();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(report)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await count('revisions')).toBe(1);
  });

  it('numbers concurrent different reports of one unit 1…n without gaps', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(indicatorReport({ rows: [{ id: 'ct-01', value: `${60 + i}%` }] }))));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    expect(answers.map((a) => a.json().revision).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('approves the latest revision bound to its hash, then locks the unit’s period (423)', async () => {
    const first = (await post(indicatorReport())).json();
    const stale = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: head, payload: { contentHash: 'a'.repeat(64) } });
    expect(stale.statusCode).toBe(409);
    const approved = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: head, payload: { contentHash: first.contentHash, comment: 'Đồng ý' } });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', revision: 1 });

    const after = await post(indicatorReport());
    expect(after.statusCode).toBe(423);
    expect(after.json().message).toMatch(/đã được phê duyệt/);
    expect(await count('revisions')).toBe(1);

    const again = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: head, payload: { contentHash: first.contentHash } });
    expect(again.statusCode).toBe(409);
  });

  it('a revision submitted after the approver read the report makes the approval fail (409)', async () => {
    const first = (await post(indicatorReport())).json();
    const second = (await post(indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }] }))).json();
    expect(second.revision).toBe(2);
    const res = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: head, payload: { contentHash: first.contentHash } });
    expect(res.statusCode).toBe(409);
  });

  it('returns a report with a comment; the unit corrects it with a new revision', async () => {
    const first = (await post(indicatorReport())).json();
    const returned = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/return`, headers: head, payload: { comment: 'Bổ sung minh chứng' } });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');
    const noComment = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/return`, headers: head, payload: {} });
    expect(noComment.statusCode).toBe(400);

    const corrected = await post(indicatorReport({ rows: [{ id: 'ct-11', value: 'Hoàn thành', note: 'Quyết định số 12/QĐ-UBND' }] }));
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({ id: first.id, revision: 2, status: 'submitted' });

    const detail = (await t.app.inject({ method: 'GET', url: `/api/submissions/${first.id}`, headers: clerk })).json();
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(detail.decisions).toEqual([expect.objectContaining({ action: 'return', revision: 1, comment: 'Bổ sung minh chứng' })]);
    expect(detail.status).toBe('submitted');
  });

  it('a clerk cannot approve, and an approver of another unit cannot either', async () => {
    const first = (await post(indicatorReport())).json();
    for (const who of [clerk, as(principal('approver', SYT))]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: who, payload: { contentHash: first.contentHash } });
      expect(res.statusCode).toBe(403);
    }
    expect(await count('decisions')).toBe(0);
  });

  it('lists only what the caller may see', async () => {
    await post(indicatorReport());
    await post(communeReport('xa-dien-chau', true), as(principal('reporter', 'xa-dien-chau')));
    const list = async (headers: Record<string, string>, query = '') =>
      (await t.app.inject({ method: 'GET', url: `/api/submissions${query}`, headers })).json().submissions.map((s: { unitId: string }) => s.unitId).sort();
    expect(await list(clerk)).toEqual([SKHCN]);
    expect(await list(admin)).toEqual([SKHCN, 'xa-dien-chau']);
    expect(await list(admin, '?unitId=xa-dien-chau&period=2026-Q1&kind=indicators')).toEqual(['xa-dien-chau']);
    const other = await t.app.inject({ method: 'GET', url: '/api/submissions', headers: as(principal('reporter', SYT)) });
    expect(other.json().submissions).toEqual([]);
  });

  it('filters the list by plan, period, unit and kind', async () => {
    const { taskReport } = await import('./support/requests');
    await post(indicatorReport());
    await post(indicatorReport({ period: '2026-H1' }));
    await post(taskReport(SKHCN));
    const ids = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/submissions?${query}`, headers: admin })).json().submissions.map((s: { period: string; kind: string }) => `${s.period}/${s.kind}`).sort();
    expect(await ids(`planId=${PLAN_ID}`)).toEqual(['2026-H1/indicators', '2026-Q1/indicators', '2026-Q1/tasks']);
    expect(await ids('planId=ke-hoach-khac')).toEqual([]);
    expect(await ids('period=2026-H1')).toEqual(['2026-H1/indicators']);
    expect(await ids('kind=tasks')).toEqual(['2026-Q1/tasks']);
    expect(await ids(`unitId=${SKHCN}&period=2026-Q1&kind=indicators`)).toEqual(['2026-Q1/indicators']);
    expect(await ids(`unitId=${SYT}`)).toEqual([]);
  });

  it('shows a monitoring agency the task reports of the tasks it monitors, not indicator reports', async () => {
    const { taskReport } = await import('./support/requests');
    const tasks = (await post(taskReport(SKHCN))).json();
    const indicators = (await post(indicatorReport())).json();
    const monitor = as(principal('consolidator', 'so-noi-vu')); // Sở Nội vụ monitors task 1
    expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${tasks.id}`, headers: monitor })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${indicators.id}`, headers: monitor })).statusCode).toBe(403);
    const list = (await t.app.inject({ method: 'GET', url: '/api/submissions', headers: monitor })).json().submissions;
    expect(list.map((s: { id: string }) => s.id)).toEqual([tasks.id]);
  });

  it('pages the audit trail backwards from the newest record', async () => {
    for (let i = 0; i < 3; i++) await post(indicatorReport({ rows: [{ id: 'ct-01', value: `${60 + i}%` }] }));
    const first = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: admin })).json();
    expect(first.records).toHaveLength(2);
    const rest = (await t.app.inject({ method: 'GET', url: `/api/audit?limit=2&beforeId=${first.nextBeforeId}`, headers: admin })).json();
    expect(rest.records.map((r: { id: number }) => r.id).every((id: number) => id < first.nextBeforeId)).toBe(true);
    expect(rest.records).toHaveLength(2); // the third submission and the communes import
  });

  it('records every write in the audit trail with before and after', async () => {
    const first = (await post(indicatorReport())).json();
    await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: head, payload: { contentHash: first.contentHash } });
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?entity=submission', headers: admin });
    expect(audit.statusCode).toBe(200);
    const [approve, create] = audit.json().records;
    expect(approve).toMatchObject({ action: 'submission.approve', userId: `approver-${SKHCN}`, entityId: first.id, before: { status: 'submitted' }, after: { status: 'approved', contentHash: first.contentHash } });
    expect(create).toMatchObject({ action: 'submission.create', userId: `reporter-${SKHCN}`, before: null, after: { revision: 1 } });
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: clerk })).statusCode).toBe(403);
  });
});
