// Attack 10: Fastify's own errors in English with the URL echoed, report data cacheable, and the
// source maps of the built add-in served to anyone.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../server/support/app';
import { PLAN_ID, SKHCN } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { indicatorReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';

const clerk = as(principal('reporter', SKHCN));

describeEachDatabase('HTTP hygiene', (database) => {
  let t: TestApp;
  let dist: string;
  let submissionId: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, 'assets'));
    for (const f of ['taskpane.html', 'taskpane.js', 'taskpane.js.map', 'taskpane.js.LICENSE.txt', 'stats.json', 'assets/app.css', 'assets/app.css.map', '.env']) writeFileSync(join(dist, f), 'x');
    t = await testApp(database, { env: { DIST_DIR: dist } });
    submissionId = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() })).json().id;
  });
  afterAll(async () => t.close());

  it.each([['/api/submissions/%c0'], ['/api/%'], ['/api/plans/%E0%A4%A'], ['/%c0%ae%c0%ae/etc/passwd'], ['/api/submissions/%ff%fe?x=1']])(
    'answers the malformed URL %s with a Vietnamese 400 that does not echo it',
    async (url) => {
      const res = await t.app.inject({ url, headers: clerk });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body).toEqual({ error: 'bad_request', message: expect.stringMatching(/không hợp lệ/) });
      expect(res.body).not.toMatch(/%|valid|url|Bad Request/i);
    },
  );

  it.each([
    ['a submission', () => `/api/submissions/${submissionId}`],
    ['the list', () => `/api/submissions?planId=${PLAN_ID}`],
    ['the report .docx', () => `/api/submissions/${submissionId}/report.docx`],
    ['a template', () => `/api/templates/indicators.xlsx?planId=${PLAN_ID}&unitId=${SKHCN}&period=2026-Q1`],
    ['a refusal', () => `/api/submissions/khong-co`],
    ['the consolidation', () => `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=indicators&format=csv`],
  ])('marks %s Cache-Control: no-store', async (_what, url) => {
    const res = await t.app.inject({ url: url(), headers: as(principal('consolidator', null)) });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([['/taskpane.js.map'], ['/assets/app.css.map'], ['/taskpane.js.LICENSE.txt'], ['/stats.json'], ['/.env']])('does not serve the build file %s', async (url) => {
    expect((await t.app.inject({ url })).statusCode).toBe(404);
  });

  it('still serves the add-in itself', async () => {
    for (const url of ['/taskpane.js', '/assets/app.css', '/']) expect([url, (await t.app.inject({ url })).statusCode]).toEqual([url, 200]);
  });
});
