// The head's Word view in a real Chromium, against a routed API and a stand-in Word: sign in, the
// submissions waiting by period, "Tạo báo cáo" (one Word.run), "Ký duyệt" refused because the unit
// resubmitted (409) – the head is told why and offered the new revision.
import type { Page, Route } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings } from '../../src/text/strings';
import { expectAccessible, installA11yProbes } from '../support/a11y';
import { ROOT, describeWithChromium, staticAddinSuite } from '../support/browser';

const CDN = 'https://appsforoffice.microsoft.com/**';
const HASH1 = '1'.repeat(64);
const HASH2 = '2'.repeat(64);
const s = strings.word;

/** office.js for Word, with a Word whose every object accepts any call or write and whose report control shows revision 1. */
const wordStub = `window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  onReady: function () { return Promise.resolve({ host: 'Word', platform: 'PC' }); },
  context: { requirements: { isSetSupported: function () { return true; } } },
};
function deep() {
  return new Proxy(function () {}, {
    get: function (_t, k) {
      if (k === 'text') return 'Mã báo cáo: s1 | Lần nộp: 1 | Mã nội dung (SHA-256): ${HASH1}';
      if (k === 'isNullObject') return false;
      if (k === 'then') return undefined;
      return deep();
    },
    set: function () { return true; },
    apply: function () { return deep(); },
  });
}
window.__runs = 0;
window.Word = { run: function (batch) { window.__runs += 1; return batch({ document: deep(), sync: function () { return Promise.resolve(); } }); } };`;

const plan = JSON.parse(readFileSync(join(ROOT, 'seeds', 'nghe-an-1174-2026.json'), 'utf8'));
const summary = { id: 's1', planId: 'nghe-an-1174-2026', unitId: 'so-khcn', period: '2026-Q1', kind: 'indicators', status: 'submitted', revision: 1, contentHash: HASH1, late: false, submittedAt: '2026-03-18T02:00:00Z' };
const detail = (revision: number) => ({
  ...summary, revision, contentHash: revision === 1 ? HASH1 : HASH2, decisions: [],
  revisions: [1, 2].slice(0, revision).map((r) => ({ revision: r, contentHash: r === 1 ? HASH1 : HASH2, content: { rows: [{ id: 'ct-01', value: { kind: 'rate', percent: 72.5 }, note: null }] }, evaluations: [] })),
});

describeWithChromium('the head’s Word view in Chromium', () => {
  const suite = staticAddinSuite();

  it('signs in, lists by period, writes the report and explains a refused approval', async () => {
    const page: Page = await suite.browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const approvals: unknown[] = [];
    let latest = 1;
    await page.route(CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: wordStub }));
    await page.route('**/api/**', (route: Route) => {
      const url = new URL(route.request().url());
      const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
      if (url.pathname === '/api/auth/login') {
        return json(200, { token: 't', expiresAt: '2999-01-01T00:00:00Z', user: { username: 'lanhdao', displayName: 'Nguyễn Văn A', roles: [{ role: 'approver', unitId: 'so-khcn' }], mustChangePassword: false } });
      }
      if (url.pathname === '/api/submissions') return json(200, { submissions: [{ ...summary, revision: latest }] });
      // The verification code Word prints at the foot (GET …/verification), with its QR code as a PNG.
      if (url.pathname === '/api/submissions/s1/verification') return json(200, { code: 'K7M2-9QXA', url: 'https://bc.example.vn/verify/K7M2-9QXA', qrPng: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' });
      if (url.pathname === '/api/submissions/s1') return json(200, detail(latest));
      if (url.pathname === '/api/plans/nghe-an-1174-2026') return json(200, { catalogue: plan, units: plan.units });
      if (url.pathname === '/api/submissions/s1/approve') {
        approvals.push(route.request().postDataJSON());
        latest = 2; // the unit resubmitted meanwhile
        return json(409, { error: 'conflict', message: 'Nội dung báo cáo đã thay đổi' });
      }
      return json(404, { error: 'not_found', message: 'Không tìm thấy.' });
    });
    await installA11yProbes(page);
    await page.goto(`${suite.server.origin}/taskpane.html`);

    await page.getByRole('heading', { name: s.signInTitle }).waitFor({ timeout: 20_000 });
    await page.getByLabel(s.username).fill('lanhdao');
    await page.getByLabel(s.password).fill('mat-khau-dai');
    await page.getByRole('button', { name: s.signIn }).click();
    await page.getByRole('heading', { name: s.pendingTitle }).waitFor();
    await page.getByText('Quý I năm 2026').waitFor();

    await page.getByRole('button', { name: s.generate }).click();
    await page.getByText(`${s.shown} 1`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __runs: number }).__runs)).toBe(1);

    await page.getByRole('button', { name: s.approve }).click();
    await page.getByText('nộp lại (lần 2)').waitFor();
    expect(approvals).toEqual([{ contentHash: HASH1 }]);
    await page.getByRole('button', { name: s.regenerate(2) }).waitFor();
    await expectAccessible(page, 'Word: approval refused, new revision offered');
    await page.screenshot({ path: '/tmp/taskpane-word.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
