// The verification page in a real browser (docs/province-report.md): the server listens on a port,
// Chromium opens /verify/{code} as someone who scanned the QR code would – without signing in – and
// checks a valid code, an unknown code, and a document changed after approval.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN } from '../server/support/catalogue';
import { sqliteTestDatabase } from '../server/support/databases';
import { indicatorReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';
import { edited } from '../server/support/docx-edit';
import { describeWithChromium, launchChromium } from '../support/browser';

const PORT = 41151;
const head = as(principal('approver', SKHCN));

describeWithChromium('the verification page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let code: string;
  let dir: string;
  const origin = `http://127.0.0.1:${PORT}`;
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase, { env: { CORS_ORIGIN: origin } });
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SKHCN)), payload: indicatorReport() })).json();
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: head, payload: { contentHash: sent.contentHash } });
    const docx = (await t.app.inject({ method: 'GET', url: `/api/submissions/${sent.id}/report.docx`, headers: head })).rawPayload;
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    code = /Kiểm tra tại http:\/\/127\.0\.0\.1:\d+\/verify\/([0-9A-Z-]+)/.exec(xml)![1];
    dir = mkdtempSync(join(tmpdir(), 'verify-'));
    writeFileSync(join(dir, 'dung.docx'), docx);
    writeFileSync(join(dir, 'da-sua.docx'), await edited(docx, '72,5%', '99,5%'));
    await t.app.listen({ port: PORT, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a valid code’s document and approval state, and checks the issued file and an edited one', async () => {
    const page = await browser.newPage();
    try {
      const res = await page.goto(`${origin}/verify/${code}`);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Xác thực văn bản báo cáo');
      const details = await page.locator('dl').innerText();
      expect(details).toContain('Sở Khoa học và Công nghệ');
      expect(details).toContain('Quý I năm 2026');
      expect(details).toContain('Đã được phê duyệt');
      expect(details).not.toContain('72,5');

      await page.setInputFiles('input[type=file]', join(dir, 'dung.docx'));
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(await page.getByRole('status').textContent()).toContain('khớp');

      await page.setInputFiles('input[type=file]', join(dir, 'da-sua.docx'));
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(await page.getByRole('alert').textContent()).toContain('KHÔNG khớp');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('says an unknown code is not known', async () => {
    const page = await browser.newPage();
    try {
      const res = await page.goto(`${origin}/verify/ZZZZ-9999`);
      expect(res?.status()).toBe(404);
      expect(await page.getByRole('alert').textContent()).toContain('Không tìm thấy văn bản');
    } finally {
      await page.close();
    }
  }, 60_000);
});
