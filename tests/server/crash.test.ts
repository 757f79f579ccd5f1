// A crash test: the server as a child process takes 500 submissions from 20 concurrent clients and is
// killed with SIGKILL midway; after a restart every submission that got a 2xx is present and intact
// (same revision, same content hash, a retry answers 200 with the same body), revisions have no
// gaps, each has its audit record – and a SIGTERM then stops the server cleanly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../../src/core/catalogue-types';
import { dropTarget, openTarget, prepareTarget, signIn, startServer, uniqueName, type Target } from '../../bench/child-server';
import { reportMaker } from '../../bench/reports';
import { describeEachDatabase, postgresUrl } from './support/databases';

const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const PERIODS = ['2026-Q1', '2026-H1', '2026-9M', '2026-Y'];
const TOTAL = 500;
const CLIENTS = 20;
const KILL_AFTER = 200;

type Sent = { body: ReturnType<ReturnType<typeof reportMaker>['make']>; response: { id: string; revision: number; contentHash: string } };

describeEachDatabase('crash (kill -9 midway)', (database) => {
  let target: Target;
  beforeAll(() => {
    target = database.kind === 'sqlite'
      ? { kind: 'sqlite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crash-')) }
      : { kind: 'postgres', url: postgresUrl as string, schema: uniqueName('crash') };
  });
  afterAll(async () => {
    if (target.kind === 'sqlite') fs.rmSync(target.dataDir, { recursive: true, force: true });
    else await dropTarget(target);
  });

  it('keeps every acknowledged submission intact', async () => {
    await prepareTarget(target);
    const maker = reportMaker(catalogue, catalogue.units);
    const requests = Array.from({ length: TOTAL }, (_, n) => {
      const kind = n % 3 === 2 ? 'tasks' : 'indicators';
      const units = kind === 'tasks' ? maker.taskUnits : maker.indicatorUnits;
      return maker.make(units[n % units.length], PERIODS[Math.floor(n / units.length) % PERIODS.length], kind, n);
    });

    const server = await startServer(target);
    const token = await signIn(server.url);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const acked: Sent[] = [];
    const refused: string[] = [];
    let next = 0;
    let killed: Promise<void> | null = null;
    const client = async () => {
      while (next < TOTAL) {
        const body = requests[next++];
        try {
          const res = await fetch(`${server.url}/api/submissions`, { method: 'POST', headers, body: JSON.stringify(body) });
          const text = await res.text();
          // 201 a new revision; 200 the same content as the revision waiting for approval (that revision):
          // both are the server saying it holds this report.
          if (res.status === 201 || res.status === 200) acked.push({ body, response: JSON.parse(text) });
          else refused.push(`${res.status} ${text}`);
        } catch {
          // The connection died with the server: this submission was never acknowledged.
        }
        if (acked.length >= KILL_AFTER && !killed) killed = server.kill9();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await killed;
    expect(refused).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(TOTAL); // the kill did land midway

    const again = await startServer(target);
    const token2 = await signIn(again.url);
    const auth = { authorization: `Bearer ${token2}` };
    for (const { body, response } of acked) {
      const detail = await (await fetch(`${again.url}/api/submissions/${response.id}`, { headers: auth })).json();
      // By its number: a report answered 200 (the same content as the waiting revision) was stored under the first id.
      const revision = detail.revisions.find((r: { revision: number }) => r.revision === response.revision);
      expect(revision).toMatchObject({ revision: response.revision, contentHash: response.contentHash });
      expect(body.clientSubmissionId).toBeDefined();
    }
    for (const { body, response } of acked.slice(0, 25)) {
      const retry = await fetch(`${again.url}/api/submissions`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(response);
    }
    expect(await again.stop()).toBe(0); // SIGTERM: graceful shutdown, exit code 0

    const db = await openTarget(target);
    try {
      const submissions = await db.kysely.selectFrom('submissions').select(['id', 'latest_revision']).execute();
      const revisions = await db.kysely.selectFrom('revisions').select(['submission_id', 'revision']).execute();
      for (const s of submissions) {
        const numbers = revisions.filter((r) => r.submission_id === s.id).map((r) => r.revision).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: s.latest_revision }, (_, i) => i + 1));
      }
      const audits = await db.kysely.selectFrom('audit').select('id').where('action', 'in', ['submission.create', 'submission.revise']).execute();
      expect(audits.length).toBe(revisions.length);
      // Every acknowledged revision is stored (reports answered 200 share their revision with an earlier one).
      expect(revisions.length).toBeGreaterThanOrEqual(new Set(acked.map(({ response }) => `${response.id}/${response.revision}`)).size);
    } finally {
      await db.close();
    }
  }, 120_000);
});
