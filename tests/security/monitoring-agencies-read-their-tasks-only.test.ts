// Attack 9 (issue 13, point 7): a monitoring agency (cơ quan theo dõi, tổng hợp) that may read a
// unit's task report read every row of it – the tasks it monitors and all the others – through the
// JSON, the .docx and its revisions. Now it reads the rows of the tasks it monitors and an extract
// of them, worded as such, with no verification code and nothing that binds an approval; a monitor
// of no task of the unit is refused as any outsider, so it does not learn the report exists.
// Table-driven over the real plan's monitor → task assignments (seeds/), on every database.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Catalogue } from '../../src/core/catalogue-types';
import type { Principal } from '../../src/server/auth/principal';
import { effectiveAssignments } from '../../src/server/effective-assignments';
import { defaultSeedsDir, loadCatalogues } from '../../src/server/catalogues';
import { listUnits } from '../../src/server/repositories/units';
import { convertToPdf, renderPng, requireSoffice } from '../support/office-pdf';
import { testApp, type TestApp } from '../server/support/app';
import { describeEachDatabase } from '../server/support/databases';
import { as, principal } from '../server/support/test-auth';

const PLAN = 'nghe-an-1174-2026';
const CATALOGUE: Catalogue = loadCatalogues(defaultSeedsDir).get(PLAN)!;
const PERIOD = '2026-Q1';
const nameOf = (unitId: string): string => CATALOGUE.units.find((u) => u.id === unitId)!.name;
/** Every row says whose and which task it is, so a leaked row is found by its words. */
const resultOf = (unitId: string, taskId: string, revision: number) => `Kết quả ${taskId} của ${unitId} lần ${revision}`;
const proposalOf = (unitId: string, taskId: string) => `Đề xuất ${taskId} của ${unitId}`;

const withGrants = (userId: string, grants: Principal['grants']): Principal => ({ ...principal('consolidator', null, userId), grants });
const monitorOf = (m: string) => principal('consolidator', m, `theo-doi-${m}`);

/** The text of a .docx (every w:t in order) and whether it carries the binding properties. */
async function docxText(file: Buffer): Promise<{ text: string; bound: boolean }> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const props = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)].map((m) => m[1] ?? ' ').join('').normalize('NFC').replace(/\s+/g, ' ');
  return { text, bound: props.includes('cds.contentHash') };
}

describeEachDatabase('monitoring agencies read the tasks they monitor, and nothing else', (database) => {
  let t: TestApp;
  /** unit → its tasks; (monitor, unit) → the tasks the monitor monitors among them. */
  let tasksOf: Map<string, string[]>;
  let monitored: (m: string, u: string) => string[];
  let monitors: string[];
  let indicatorsOf: (u: string) => string[];
  /** unit → its task report's id and the hashes of its two revisions. */
  const reports = new Map<string, { id: string; hashes: string[] }>();

  beforeAll(async () => {
    t = await testApp(database, { catalogue: CATALOGUE });
    const a = await effectiveAssignments(t.db.kysely, CATALOGUE, await listUnits(t.db.kysely));
    tasksOf = new Map();
    for (const [taskId, units] of a.taskUnits) for (const u of units) tasksOf.set(u, [...(tasksOf.get(u) ?? []), taskId]);
    // The unit's quarterly indicators entered as a rate (a value every such row takes).
    indicatorsOf = (u) => [...a.indicatorUnits].filter(([id, units]) => units.includes(u)
      && CATALOGUE.indicators.some((i) => i.id === id && i.form.kind === 'rate' && !i.yearlyOnly)).map(([id]) => id);
    monitors = [...new Set([...a.taskMonitors.values()].flat())].sort();
    monitored = (m, u) => (tasksOf.get(u) ?? []).filter((id) => (a.taskMonitors.get(id) ?? []).includes(m)).sort();
    // Every unit that leads a task reports every task it leads, twice (two revisions).
    for (const [unitId, taskIds] of tasksOf) {
      const hashes: string[] = [];
      let id = '';
      for (const revision of [1, 2]) {
        const rows = taskIds.map((taskId) => ({
          id: taskId, status: 'Đang triển khai (đúng tiến độ)', progress: 50,
          result: resultOf(unitId, taskId, revision), proposal: proposalOf(unitId, taskId),
        }));
        const res = await t.app.inject({
          method: 'POST', url: '/api/submissions', headers: as(principal('reporter', unitId)),
          payload: { clientSubmissionId: randomUUID(), planId: PLAN, unitId, period: PERIOD, kind: 'tasks', rows },
        });
        expect(res.statusCode).toBe(201);
        id = res.json().id;
        hashes.push(res.json().contentHash);
      }
      reports.set(unitId, { id, hashes });
    }
  }, 120_000);
  afterAll(async () => t.close());

  const get = (url: string, who: Principal) => t.app.inject({ method: 'GET', url, headers: as(who) });
  const refusal = (res: { statusCode: number; json: () => Record<string, unknown> }) => {
    const { requestId: _ignored, ...rest } = res.json();
    return { status: res.statusCode, ...rest };
  };
  /** What anyone without a right to the report gets: the answer a monitor of none of its tasks must get too. */
  const outsiderAnswer = async (unitId: string) => {
    const outsider = principal('approver', [...tasksOf.keys()].find((u) => u !== unitId)!, 'nguoi-ngoai');
    return refusal(await get(`/api/submissions/${reports.get(unitId)!.id}`, outsider));
  };

  /** Real (monitor, unit) pairs, the monitor not the unit itself, by how many of the unit's tasks it monitors. */
  const pairs = () => monitors.flatMap((m) => [...tasksOf.keys()].filter((u) => u !== m).map((u) => ({ m, u, tasks: monitored(m, u) })));
  const pairWith = (count: (n: number) => boolean) => {
    const found = pairs().find((p) => count(p.tasks.length));
    if (!found) throw new Error('the plan has no such monitor → unit pair');
    return found;
  };

  it('every monitoring agency of the plan reads, of every unit’s task report, exactly the rows of the tasks it monitors', async () => {
    let extracts = 0;
    let refused = 0;
    for (const m of monitors) {
      const list = (await get(`/api/submissions?planId=${PLAN}&period=${PERIOD}`, monitorOf(m))).json().submissions as { id: string }[];
      for (const [u, report] of reports) {
        const want = monitored(m, u);
        const res = await get(`/api/submissions/${report.id}`, monitorOf(m));
        if (want.length === 0) {
          expect(refusal(res)).toEqual(await outsiderAnswer(u));
          expect(list.map((s) => s.id)).not.toContain(report.id);
          refused += 1;
          continue;
        }
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(list.map((s) => s.id)).toContain(report.id);
        expect(body.extract).toEqual({ monitorUnitIds: [m], taskIds: want });
        // Every revision: only the monitored rows and their evaluations, under the revision's own hash.
        expect(body.revisions.map((r: { contentHash: string }) => r.contentHash)).toEqual(report.hashes);
        for (const r of body.revisions) {
          expect(r.content.rows.map((x: { id: string }) => x.id).sort()).toEqual(want);
          for (const e of r.evaluations) expect(want).toContain(e.id);
        }
        extracts += 1;
      }
    }
    // The plan gives both cases many times over; a catalogue change that empties either would make this test vacuous.
    expect(extracts).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);

  it.each([
    ['one task', (n: number) => n === 1],
    ['two tasks', (n: number) => n === 2],
    ['many tasks', (n: number) => n >= 5],
  ])('a monitor of %s of a unit gets an extract .docx of those rows: titled as such, no signature, code or binding', async (_what, count) => {
    const { m, u, tasks } = pairWith(count);
    const report = reports.get(u)!;
    for (const revision of [1, 2]) {
      const res = await get(`/api/submissions/${report.id}/report.docx?revision=${revision}&date=2026-03-20`, monitorOf(m));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`trich-bao-cao-${PERIOD}-${u}-lan-${revision}.docx`);
      const { text, bound } = await docxText(res.rawPayload);
      expect(text).toContain('TRÍCH BÁO CÁO');
      expect(text).toContain(`các nhiệm vụ do ${nameOf(m)} theo dõi, tổng hợp`);
      expect(text).toContain(`Tổng số nhiệm vụ trong bản trích: ${tasks.length};`);
      for (const taskId of tasksOf.get(u)!) {
        const shown = tasks.includes(taskId);
        expect([taskId, text.includes(resultOf(u, taskId, revision))]).toEqual([taskId, shown]);
        expect([taskId, text.includes(proposalOf(u, taskId))]).toEqual([taskId, shown]);
      }
      expect(text).not.toContain('Mã xác thực');
      expect(text).not.toContain('Nơi nhận');
      expect(bound).toBe(false);
    }
  });

  it('the extract opens in LibreOffice and reads as an extract', async () => {
    if (!requireSoffice('the monitor’s extract')) return;
    const { m, u } = pairWith((n) => n >= 5);
    const res = await get(`/api/submissions/${reports.get(u)!.id}/report.docx?date=2026-03-20`, monitorOf(m));
    const pdf = convertToPdf(res.rawPayload, 'trich.docx');
    const bare = pdf.text.replace(/\s+/g, '');
    expect(bare).toContain('TRÍCHBÁOCÁO');
    expect(bare).toContain('Bảntríchnàychỉgồmcácnhiệmvụdo'.normalize('NFC'));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    // REPORT_PNG_DIR=… keeps the pages as PNG for a person to look at.
    if (process.env.REPORT_PNG_DIR) mkdirSync(process.env.REPORT_PNG_DIR, { recursive: true });
    if (process.env.REPORT_PNG_DIR) renderPng(pdf.pdf, join(process.env.REPORT_PNG_DIR, 'trich-bao-cao'));
  }, 120_000);

  it.each([
    ['a monitor who is also a member of the unit', (m: string, u: string) => withGrants('theo-doi-va-bao-cao', [{ role: 'consolidator', unitId: m }, { role: 'reporter', unitId: u }])],
    ['a monitor who is also the unit’s approver', (m: string, u: string) => withGrants('theo-doi-va-phe-duyet', [{ role: 'consolidator', unitId: m }, { role: 'approver', unitId: u }])],
    ['a province-wide consolidator', () => principal('consolidator', null)],
    ['an administrator', () => principal('admin', null)],
  ])('%s reads the whole report, with its verification code', async (_who, who) => {
    // A monitor of some but not all of the unit's tasks: the whole report is more than its extract.
    const { m, u } = pairs().find((p) => p.tasks.length >= 1 && p.tasks.length < tasksOf.get(p.u)!.length)!;
    const principalOf = who(m, u);
    const report = reports.get(u)!;
    const body = (await get(`/api/submissions/${report.id}`, principalOf)).json();
    expect(body.extract).toBeUndefined();
    expect(body.revisions.at(-1).content.rows.map((x: { id: string }) => x.id).sort()).toEqual([...tasksOf.get(u)!].sort());
    const res = await get(`/api/submissions/${report.id}/report.docx?date=2026-03-20`, principalOf);
    const { text, bound } = await docxText(res.rawPayload);
    expect(text).toMatch(/^\S.* BÁO CÁO /);
    expect(text).not.toContain('TRÍCH BÁO CÁO');
    for (const taskId of tasksOf.get(u)!) expect(text).toContain(resultOf(u, taskId, 2));
    expect(text).toContain('Mã xác thực');
    expect(bound).toBe(true);
    // The code Word prints for the same document is theirs to ask for too.
    expect((await get(`/api/submissions/${report.id}/verification?date=2026-03-20`, principalOf)).statusCode).toBe(200);
  });

  it('a monitoring agency gets no verification code for any extract it reads (a code vouches for the whole report)', async () => {
    for (const { m, u } of pairs().filter((p) => p.tasks.length > 0)) {
      const res = await get(`/api/submissions/${reports.get(u)!.id}/verification?date=2026-03-20`, monitorOf(m));
      expect([m, u, res.statusCode]).toEqual([m, u, 403]);
      expect(res.json().message).toMatch(/trích/);
    }
  });

  it('a monitor of no task of a unit is refused its report, .docx and revisions as any outsider is', async () => {
    const none = pairs().filter((p) => p.tasks.length === 0);
    expect(none.length).toBeGreaterThan(0);
    for (const { m, u } of none) {
      const id = reports.get(u)!.id;
      const outsider = await outsiderAnswer(u);
      expect(refusal(await get(`/api/submissions/${id}`, monitorOf(m)))).toEqual(outsider);
      expect(refusal(await get(`/api/submissions/${id}/report.docx`, monitorOf(m)))).toEqual(outsider);
      expect(refusal(await get(`/api/submissions/${id}/report.docx?revision=1`, monitorOf(m)))).toEqual(outsider);
    }
  }, 60_000);

  it('a monitor reads no indicator report, even of a unit whose tasks it monitors', async () => {
    const { m, u } = pairs().find((p) => p.tasks.length >= 1 && indicatorsOf(p.u).length > 0)!;
    const sent = await t.app.inject({
      method: 'POST', url: '/api/submissions', headers: as(principal('reporter', u)),
      payload: { clientSubmissionId: randomUUID(), planId: PLAN, unitId: u, period: PERIOD, kind: 'indicators', rows: [{ id: indicatorsOf(u)[0], value: '50%' }] },
    });
    expect(sent.statusCode).toBe(201);
    const outsider = await outsiderAnswer(u);
    expect(refusal(await get(`/api/submissions/${sent.json().id}`, monitorOf(m)))).toEqual(outsider);
    expect(refusal(await get(`/api/submissions/${sent.json().id}/report.docx`, monitorOf(m)))).toEqual(outsider);
  });

  it('an extract hides the comments of decisions, which speak of the whole report', async () => {
    const { m, u } = pairWith((n) => n >= 1);
    const report = reports.get(u)!;
    const comment = `Nhiệm vụ khác của ${u}: đề nghị bổ sung`;
    const back = await t.app.inject({
      method: 'POST', url: `/api/submissions/${report.id}/return`, headers: as(principal('approver', u)), payload: { comment },
    });
    expect(back.statusCode).toBe(200);
    const extract = (await get(`/api/submissions/${report.id}`, monitorOf(m))).json();
    expect(extract.decisions.map((d: { action: string; comment: string | null }) => [d.action, d.comment])).toEqual([['return', null]]);
    const whole = (await get(`/api/submissions/${report.id}`, principal('approver', u))).json();
    expect(whole.decisions.at(-1).comment).toBe(comment);
  });
});
