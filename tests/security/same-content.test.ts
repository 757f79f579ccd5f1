// Attack 11: the same report sent again under a new client id (two copies of a workbook, send
// pressed twice) must not make identical revisions: identical content to the latest revision that
// still waits for its approver is that revision (200), on every database, also when sent at once.
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { indicatorReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));

describeEachDatabase('the same content under a new id', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  const send = (body: object) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: body });
  const revisions = async () => Number((await t.db.kysely.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async () => Number((await t.db.kysely.selectFrom('audit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('answers the latest revision (200) and writes nothing, however the rows are spelled or ordered', async () => {
    const first = await send(indicatorReport());
    expect(first.statusCode).toBe(201);
    const before = { revisions: await revisions(), audits: await audits() };
    const same = indicatorReport().rows;
    for (const rows of [same, [...same].reverse(), same.map((r) => ({ ...r }))]) {
      const again = await send(indicatorReport({ clientSubmissionId: randomUUID(), rows }));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
    }
    expect({ revisions: await revisions(), audits: await audits() }).toEqual(before);
  });

  it('ten copies sent at once make one revision', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => send(indicatorReport({ clientSubmissionId: randomUUID() }))));
    expect(replies.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([...Array(9).fill(200), 201]);
    expect(new Set(replies.map((r) => r.json().revision))).toEqual(new Set([1]));
    expect(await revisions()).toBe(1);
  });

  it('other content is a new revision, and going back to earlier content is one too', async () => {
    const base = indicatorReport().rows;
    const changed = [{ ...base[0], value: '80%' }, ...base.slice(1)];
    expect((await send(indicatorReport({ rows: base }))).json().revision).toBe(1);
    expect((await send(indicatorReport({ rows: changed }))).json().revision).toBe(2);
    const back = await send(indicatorReport({ rows: base }));
    expect([back.statusCode, back.json().revision]).toEqual([201, 3]);
  });

  it('after a return, sending the same content again is a resubmission (a new revision)', async () => {
    const first = (await send(indicatorReport())).json();
    const returned = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/return`, headers: head, payload: { comment: 'Bổ sung số liệu' } });
    expect(returned.statusCode).toBe(200);
    const again = await send(indicatorReport());
    expect([again.statusCode, again.json().revision]).toEqual([201, 2]);
  });
});
