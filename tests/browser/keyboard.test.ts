// Keyboard and screen reader, in a real Chromium: the clerk (against the real server, the fake Excel
// host answering each sync after 150 ms as Office does) and the head (Word stand-in, routed API) do
// their whole job with the keyboard alone. After each step the test asserts where the focus is and
// that the step's message reached the screen reader once, errors assertive and results polite; and
// axe-core finds no WCAG 2.1 A/AA violation on any screen met on the way.
import type { Browser, Page, Route } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, freePort, type ChildServer } from '../../bench/child-server';
import { a11y } from '../../src/text/a11y';
import { parseMapping, type TemplateMapping } from '../../src/core/template';
import { signInText } from '../../src/text/sign-in';
import { strings } from '../../src/text/strings';
import { announced, expectAccessible, focused, installA11yProbes, tabTo } from '../support/a11y';
import { OFFICE_CDN as CDN, ROOT, describeWithChromium, launchChromium, openTaskpane } from '../support/browser';
import { CLERK, buildProductionAddin, fakeExcelScript, prepareClerkData } from '../support/clerk-e2e';

const s = strings.clerkFlow;
const w = strings.word;

describeWithChromium('keyboard and screen reader in the taskpane', () => {
  let build: ReturnType<typeof buildProductionAddin>;
  let data: Awaited<ReturnType<typeof prepareClerkData>>;
  let server: ChildServer;
  let browser: Browser;
  let script: string;

  beforeAll(async () => {
    build = buildProductionAddin();
    data = await prepareClerkData();
    const port = await freePort();
    server = await startServer({ kind: 'sqlite', dataDir: data.dataDir }, port, { DIST_DIR: build.dir, CORS_ORIGIN: `http://127.0.0.1:${port}` });
    script = await fakeExcelScript({ latencyMs: 150 });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data?.remove();
    build?.remove();
  });

  /** The sheet's mapping, read back from the very hidden mapping sheet the taskpane wrote. */
  async function mappingOf(sheet: string): Promise<TemplateMapping> {
    const tables = await page0.evaluate(() => {
      const host = (window as unknown as { __fakeExcel: { host: { book: { sheets: { visibility: string; cells: Map<string, { value: unknown }> }[] } } } }).__fakeExcel.host;
      return host.book.sheets.filter((x) => x.visibility === 'VeryHidden').map((x) => {
        const values: unknown[][] = [];
        for (const [k, c] of x.cells) {
          const [r, col] = k.split(',').map(Number);
          (values[r] ??= [])[col] = c.value;
        }
        return Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? ''));
      });
    });
    const mapping = tables.map((t) => parseMapping(t)).find((m) => m?.sheetName === sheet);
    if (!mapping) throw new Error(`no mapping for ${sheet}`);
    return mapping;
  }
  let page0: Page;
  const excel = <T>(page: Page, fn: string, ...args: string[]) =>
    page.evaluate(([f, a]) => (window as unknown as { __fakeExcel: Record<string, (...x: string[]) => T> }).__fakeExcel[f as string](...(a as string[])), [fn, args] as const);

  it('the clerk signs in, inserts, checks, jumps to an issue and sends with the keyboard alone', async () => {
    const { page, errors } = await openTaskpane(browser, server.url, script);
    page0 = page;
    await page.getByRole('heading', { name: signInText.title }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'clerk: sign-in');

    // A wrong password: the password field is marked invalid, the message is tied to it and
    // read out once, assertively; nothing typed is lost.
    expect((await tabTo(page, (f) => f.name.startsWith(signInText.username))).tag).toBe('input');
    await page.keyboard.type(CLERK.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('sai-mat-khau-hoan-toan');
    await page.keyboard.press('Enter');
    const password = page.getByLabel(signInText.password);
    await page.waitForFunction(() => document.querySelector('input[type=password]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = await password.getAttribute('aria-describedby');
    const message = await page.evaluate((ids) => ids!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim(), describedBy);
    expect(message.length).toBeGreaterThan(10);
    const told = await announced(page, message);
    expect(told).toHaveLength(1);
    expect(told[0].politeness).toBe('assertive');
    expect(await page.getByLabel(signInText.username).inputValue()).toBe(CLERK.username);
    await expectAccessible(page, 'clerk: sign-in refused');

    // The right password: the focus moves to the workspace.
    await password.fill(CLERK.password); // the same field the focus is in; fill keeps it there
    expect((await focused(page)).name.startsWith(signInText.password)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: s.sheetsTitle }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'SECTION');
    expect((await focused(page)).name).toBe(`${signInText.signedInAs} ${CLERK.displayName}`);
    await page.getByText(s.noSheets).waitFor();
    await expectAccessible(page, 'clerk: workspace');

    // Chèn Phụ lục 01: the focus stays on the button while Excel works (two syncs of 150 ms), the
    // progress and then the result are read out politely.
    await tabTo(page, (f) => f.name === s.insert01);
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe(s.insert01);
    const period = await page.getByLabel(s.period).inputValue();
    const sheet = `PL01 ${period}`;
    const inserted = await page.getByRole('article', { name: sheet }).waitFor().then(() => announced(page, `“${sheet}”`));
    expect(inserted).toHaveLength(1);
    expect(inserted[0].politeness).toBe('polite');
    expect((await announced(page, s.inserting))[0].politeness).toBe('polite');
    expect((await focused(page)).name).toBe(s.insert01);
    await expectAccessible(page, 'clerk: sheet inserted');

    expect(await excel<string>(page, 'dump')).toContain(sheet);
    // Values with an error (more staff trained than staff), then Kiểm tra: the focus moves to the first
    // issue (errors come first), and Enter on it selects its cell in the sheet.
    const mapping = await mappingOf(sheet);
    const at = (key: 'numerator' | 'denominator') => `${String.fromCharCode(65 + mapping.columns[key]!)}${mapping.rows.find((r) => r.id === 'ct-14')!.row + 1}`;
    await excel(page, 'type', sheet, at('numerator'), '50');
    await excel(page, 'type', sheet, at('denominator'), '40');
    const card = page.getByRole('article', { name: sheet });
    await tabTo(page, (f) => f.name === a11y.sheetAction(s.check, sheet));
    await page.keyboard.press('Enter');
    await card.getByRole('listitem').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.activeElement?.closest('li') !== null);
    const firstIssue = await focused(page);
    expect(firstIssue.name).toBe((await card.getByRole('listitem').first().innerText()).trim());
    await expectAccessible(page, 'clerk: issues listed');
    if (firstIssue.tag === 'button') {
      await page.keyboard.press('Enter');
      const address = firstIssue.name.split(' · ')[1]?.split(' ')[0];
      await page.waitForFunction((want) => (window as unknown as { __fakeExcel: { selection: () => { address: string | null } } }).__fakeExcel.selection().address?.endsWith(`!${want}`) ?? false, address);
    }

    // Gửi báo cáo while an error remains: blocked, said assertively once, the focus on the first issue.
    const send = a11y.sheetAction(s.submit, sheet);
    await tabTo(page, (f) => f.name === send, { back: true });
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe(send); // kept while Excel is read
    const blocked = await announced(page, s.blocked(1), 20_000);
    expect(blocked.map((a) => a.politeness)).toEqual(['assertive']);
    await page.waitForFunction(() => document.activeElement?.closest('li') !== null);

    // Corrected, sent: the focus stays on the button, the result is said politely, once.
    await excel(page, 'type', sheet, at('numerator'), '28');
    await tabTo(page, (f) => f.name === send, { back: true });
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe(send);
    const sent = await announced(page, s.sent(1), 20_000);
    expect(sent.map((a) => a.politeness)).toEqual(['polite']);
    expect((await focused(page)).name).toBe(send);
    await expectAccessible(page, 'clerk: after sending');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the head signs in, writes the report and approves it with the keyboard alone', async () => {
    const HASH = '1'.repeat(64);
    const wordStub = `window.Office = { HostType: { Excel: 'Excel', Word: 'Word' }, onReady: function () { return Promise.resolve({ host: 'Word', platform: 'PC' }); }, context: { requirements: { isSetSupported: function () { return true; } } } };
      function deep() { return new Proxy(function () {}, { get: function (_t, k) { if (k === 'text') return 'Mã báo cáo: s1 | Lần nộp: 1 | Mã nội dung (SHA-256): ${HASH}'; if (k === 'isNullObject') return false; if (k === 'then') return undefined; return deep(); }, set: function () { return true; }, apply: function () { return deep(); } }); }
      window.Word = { run: function (batch) { return new Promise(function (r) { setTimeout(r, 150); }).then(function () { return batch({ document: deep(), sync: function () { return new Promise(function (r) { setTimeout(r, 150); }); } }); }); } };`;
    const plan = JSON.parse(readFileSync(join(ROOT, 'seeds', 'nghe-an-1174-2026.json'), 'utf8'));
    const summary = { id: 's1', planId: plan.planId, unitId: 'so-khcn', period: '2026-Q1', kind: 'indicators', status: 'submitted', revision: 1, contentHash: HASH, late: false, submittedAt: '2026-03-18T02:00:00Z' };
    let status = 'submitted';
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: wordStub }));
    await page.route('**/api/**', (route: Route) => {
      const url = new URL(route.request().url());
      const json = (code: number, body: unknown) => route.fulfill({ status: code, contentType: 'application/json', body: JSON.stringify(body) });
      if (url.pathname === '/api/auth/login') {
        return json(200, { token: 't', expiresAt: '2999-01-01T00:00:00Z', user: { username: 'lanhdao', displayName: 'Nguyễn Văn A', roles: [{ role: 'approver', unitId: 'so-khcn' }], mustChangePassword: false } });
      }
      if (url.pathname === '/api/submissions') return json(200, { submissions: status === 'submitted' ? [summary] : [] });
      // The verification code Word prints at the foot (GET …/verification), with its QR code as a PNG.
      if (url.pathname === '/api/submissions/s1/verification') return json(200, { code: 'K7M2-9QXA', url: 'https://bc.example.vn/verify/K7M2-9QXA', qrPng: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' });
      if (url.pathname === '/api/submissions/s1') {
        return json(200, { ...summary, status, decisions: status === 'approved' ? [{ action: 'approve', revision: 1, decidedAt: '2026-03-20T02:00:00Z' }] : [],
          revisions: [{ revision: 1, contentHash: HASH, content: { rows: [{ id: 'ct-01', value: { kind: 'rate', percent: 72.5 }, note: null }] }, evaluations: [] }] });
      }
      if (url.pathname === '/api/plans/nghe-an-1174-2026') return json(200, { catalogue: plan, units: plan.units });
      if (url.pathname === '/api/submissions/s1/approve') {
        status = 'approved';
        return json(200, { revision: 1, contentHash: HASH });
      }
      return json(404, { error: 'not_found', message: 'Không tìm thấy.' });
    });
    await installA11yProbes(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { name: signInText.title }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'head: sign-in');

    await tabTo(page, (f) => f.name.startsWith(signInText.username));
    await page.keyboard.type('lanhdao');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mat-khau-dai-cua-lanh-dao');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: w.pendingTitle }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'SECTION');
    expect((await focused(page)).name).toBe(`${signInText.signedInAs} Nguyễn Văn A`);
    await page.getByRole('heading', { name: 'Quý I năm 2026' }).waitFor(); // a period is a heading
    await expectAccessible(page, 'head: waiting reports');

    // Tạo báo cáo: named for its report; the focus moves to the report's approval section.
    const generate = await tabTo(page, (f) => f.name.startsWith(`${w.generate}:`));
    expect(generate.name).toContain('lần nộp 1');
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, a11y.openReport, { timeout: 15_000 });
    expect((await announced(page, w.generating))[0].politeness).toBe('polite');
    expect(await page.getByLabel(w.comment).evaluate((el) => (el as HTMLTextAreaElement).required)).toBe(true);
    await expectAccessible(page, 'head: report open');

    // Trả lại without a comment: the field says why, assertively, and takes the focus.
    await tabTo(page, (f) => f.name === w.giveBack);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    expect(await page.getByLabel(w.comment).getAttribute('aria-invalid')).toBe('true');
    const why = await announced(page, w.commentRequired);
    expect(why.map((a) => a.politeness)).toEqual(['assertive']);

    // Phê duyệt: the section closes and the focus goes to the outcome, read out once.
    await tabTo(page, (f) => f.name === w.approve, { back: true });
    await page.keyboard.press('Enter');
    const approved = await announced(page, w.approved);
    expect(approved).toHaveLength(1);
    expect(approved[0].politeness).toBe('polite');
    await page.waitForFunction((text) => document.activeElement?.textContent?.includes(text) ?? false, w.approved);
    await expectAccessible(page, 'head: approved');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
