// The clerk's flow end to end: Debian's Chromium, the production taskpane served by the real
// reporting server (child process on loopback, SQLite in a temporary DATA_DIR), the fake Excel host
// injected before the taskpane boots. Sign in → Chèn Phụ lục 01 → fill → Kiểm tra (waiting out
// cell-edit mode) → click an issue → blocked → fix → Gửi → "Đã gửi", and the server holds it; the head
// returns it and the clerk sends the correction as revision 2 under a new client id; then
// Phụ lục 02 with the server stopped: Gửi → waiting in the outbox → server back → sent once.
import type { Browser, Page } from 'playwright-core';
import { startServer, freePort, type ChildServer, type Target } from '../../bench/child-server';
import type { Catalogue } from '../../src/core/catalogue-types';
import { buildTemplateSpec, type ReportKind, type TemplateMapping } from '../../src/core/template';
import { CELL_EDIT_MESSAGE } from '../../src/office/excel/errors';
import type { PlanUnit } from '../../src/taskpane/views/clerk/clerk-setup';
import { strings } from '../../src/text/strings';
import { expectAccessible, installA11yProbes } from '../support/a11y';
import { OFFICE_CDN as CDN, describeWithChromium, launchChromium, openTaskpane } from '../support/browser';
import { CLERK, HEAD, PROVINCE, buildProductionAddin, fakeExcelScript, prepareClerkData } from '../support/clerk-e2e';

const PLAN = 'nghe-an-1174-2026';
const s = strings.clerkFlow;

describeWithChromium('the clerk’s Excel taskpane against the real server', () => {
  let build: ReturnType<typeof buildProductionAddin>;
  let data: Awaited<ReturnType<typeof prepareClerkData>>;
  let server: ChildServer;
  let port: number;
  let target: Target;
  let browser: Browser;
  let script: string;
  const env = () => ({ DIST_DIR: build.dir, CORS_ORIGIN: `http://127.0.0.1:${port}` });

  beforeAll(async () => {
    build = buildProductionAddin();
    data = await prepareClerkData();
    target = { kind: 'sqlite', dataDir: data.dataDir };
    port = await freePort();
    server = await startServer(target, port, env());
    script = await fakeExcelScript();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data?.remove();
    build?.remove();
  });

  /** What the server holds for the clerk's unit, asked with the clerk's own sign-in. */
  async function api<T>(path: string, as: { username: string; password: string } = CLERK, body?: unknown): Promise<T> {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: as.username, password: as.password }) });
    const { token } = (await login.json()) as { token: string };
    const init = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
    return (await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })).json() as Promise<T>;
  }
  /** The sheet's mapping as the taskpane builds it (the unit's assignment comes from the server). */
  async function mappingOf(kind: ReportKind, period: string): Promise<TemplateMapping> {
    const { catalogue, units } = await api<{ catalogue: Catalogue; units: PlanUnit[] }>(`/api/plans/${PLAN}`);
    const unit = units.find((u) => u.id === CLERK.unitId)!;
    const spec = buildTemplateSpec(catalogue, {
      kind, unit, period, directory: { units, classes: catalogue.unitClasses }, assignedIds: new Set(kind === 'indicators' ? unit.indicators : unit.tasks),
    });
    if (!spec.ok) throw new Error('no spec');
    return spec.value.mapping;
  }
  const at = (m: TemplateMapping, id: string, key: keyof TemplateMapping['columns']) =>
    `${String.fromCharCode(65 + m.columns[key]!)}${m.rows.find((r) => r.id === id)!.row + 1}`;
  const type = (page: Page, sheet: string, address: string, text: string) =>
    page.evaluate(([a, b, c]) => (window as unknown as { __fakeExcel: { type: (x: string, y: string, z: string) => { accepted: boolean } } }).__fakeExcel.type(a, b, c), [sheet, address, text]);
  /** Every screen met is checked with axe (WCAG 2.1 A/AA) and kept as a picture to look at. */
  const shot = async (page: Page, name: string) => {
    await expectAccessible(page, `clerk ${name}`);
    await page.screenshot({ path: `/tmp/clerk-${name}.png`, fullPage: true });
  };

  it('signs in, inserts, checks, blocks, fixes and submits; offline, the report waits in the outbox and is sent once', async () => {
    const { page, errors } = await openTaskpane(browser, server.url, script);

    await page.getByRole('heading', { name: s.signInTitle }).waitFor({ timeout: 20_000 });
    await shot(page, '1-sign-in');
    await page.getByLabel(s.username).fill(CLERK.username);
    await page.getByLabel(s.password).fill(CLERK.password);
    await page.getByRole('button', { name: s.signIn, exact: true }).click();
    await page.getByRole('heading', { name: s.sheetsTitle }).waitFor();
    await page.getByText(s.noSheets).waitFor();
    const period = await page.getByLabel(s.period).inputValue();
    expect(period).toMatch(/^2026-(Q1|H1|9M|Y)$/); // the plan's reporting scheme
    expect(await page.evaluate(() => sessionStorage.getItem('cds.session'))).toContain('"token"'); // kept in the taskpane, not the workbook

    // Chèn Phụ lục 01: only the commune's indicators.
    const pl01 = `PL01 ${period}`;
    const m1 = await mappingOf('indicators', period);
    await page.getByRole('button', { name: s.insert01 }).click();
    await page.getByText(s.inserted(pl01, m1.rows.length)).waitFor();
    const card01 = page.getByRole('article', { name: pl01 });
    await card01.waitFor();
    for (const id of ['ct-03', 'ct-04', 'ct-05']) expect(await type(page, pl01, at(m1, id, 'value'), 'Có')).toMatchObject({ accepted: true });
    await type(page, pl01, at(m1, 'ct-14', 'numerator'), '50');
    await type(page, pl01, at(m1, 'ct-14', 'denominator'), '40'); // more trained than staff: an error
    await shot(page, '2-inserted');

    // Inserting again asks before replacing the sheet; Huỷ keeps what was typed.
    await page.getByRole('button', { name: s.insert01 }).click();
    await page.getByText(s.overwriteTitle).waitFor();
    await shot(page, '2b-overwrite');
    await page.getByRole('button', { name: s.cancel }).click();
    expect(await page.getByText(s.overwriteTitle).count()).toBe(0);
    expect(await page.evaluate(([a, b]) => (window as unknown as { __fakeExcel: { value: (x: string, y: string) => unknown } }).__fakeExcel.value(a, b), [pl01, at(m1, 'ct-14', 'numerator')])).toBe(50);

    // Kiểm tra while the clerk is still typing in a cell: it waits with a message, then runs.
    await page.evaluate(() => (window as unknown as { __fakeExcel: { cellEditMode: (n: number) => void } }).__fakeExcel.cellEditMode(2));
    await card01.getByRole('button', { name: s.check }).click();
    await page.getByText(CELL_EDIT_MESSAGE).waitFor();
    const issues = card01.getByRole('listitem');
    await issues.first().waitFor({ timeout: 15_000 });
    expect(await page.getByText(CELL_EDIT_MESSAGE).count()).toBe(0);
    const first = (await issues.first().innerText()).trim();
    expect(first.startsWith(`${s.errorLabel} · ${at(m1, 'ct-14', 'numerator')}`) || first.startsWith(`${s.errorLabel} · ${at(m1, 'ct-14', 'denominator')}`)).toBe(true);
    const labels = await issues.allInnerTexts();
    const kinds = labels.map((l) => (l.startsWith(s.errorLabel) ? 0 : 1));
    expect(kinds).toEqual([...kinds].sort()); // errors before warnings
    await issues.first().getByRole('button').click();
    await page.getByText(s.checkSummary(1, labels.length - 1)).waitFor(); // the summary stays while cells are shown
    await page.waitForFunction((want) => (window as unknown as { __fakeExcel: { selection: () => { address: string } } }).__fakeExcel.selection().address === want, `'${pl01}'!${first.split(' ')[2]}`);
    await shot(page, '3-issues');

    await card01.getByRole('button', { name: s.submit }).click();
    await page.getByText(s.blocked(1)).waitFor();
    expect((await api<{ submissions: unknown[] }>(`/api/submissions?unitId=${CLERK.unitId}`)).submissions).toEqual([]);

    await type(page, pl01, at(m1, 'ct-14', 'numerator'), '28');
    await card01.getByRole('button', { name: s.submit }).click();
    await page.getByText(s.sent(1)).waitFor();
    await card01.getByText(s.status.submitted).waitFor();
    await shot(page, '4-sent');
    const held = (await api<{ submissions: { id: string; kind: string; revision: number; status: string }[] }>(`/api/submissions?unitId=${CLERK.unitId}`)).submissions;
    expect(held).toMatchObject([{ kind: 'indicators', revision: 1, status: 'submitted' }]);

    // The head returns it with a comment; the clerk sees it, corrects and sends a new revision.
    const comment = 'Số cán bộ được đào tạo chưa khớp danh sách, đề nghị rà soát.';
    expect(await api(`/api/submissions/${held[0].id}/return`, HEAD, { comment })).toMatchObject({ status: 'returned' });
    await card01.getByRole('button', { name: s.refreshStatus }).click();
    await card01.getByText(s.status.returned).waitFor();
    await card01.getByText(comment).waitFor();
    await shot(page, '4b-returned');
    await type(page, pl01, at(m1, 'ct-14', 'numerator'), '27');
    await card01.getByRole('button', { name: s.submit }).click();
    await page.getByText(s.sent(2)).waitFor();
    await card01.getByText(s.revision(2)).waitFor();
    const detail = await api<{ revisions: { clientSubmissionId: string }[] }>(`/api/submissions/${held[0].id}`);
    expect(detail.revisions).toHaveLength(2);
    expect(detail.revisions[0].clientSubmissionId).not.toBe(detail.revisions[1].clientSubmissionId);

    // The head approves it; the province sends it back with a reason: the card names the plan's
    // consolidating body (catalogue.coordinator: Sở Khoa học và Công nghệ in 1174) and the reason.
    const approved = await api<{ contentHash: string }>(`/api/submissions/${held[0].id}`, HEAD);
    expect(await api(`/api/submissions/${held[0].id}/approve`, HEAD, { contentHash: approved.contentHash })).toMatchObject({ status: 'approved' });
    const reason = 'Chỉ tiêu 14: mẫu số chưa khớp số cán bộ của phường.';
    expect(await api(`/api/submissions/${held[0].id}/reopen`, PROVINCE, { reason })).toMatchObject({ provinceState: 'reopened' });
    await card01.getByRole('button', { name: s.refreshStatus }).click();
    await card01.getByText(`${s.provinceComment('Sở Khoa học và Công nghệ')} ${reason}`).waitFor();
    await shot(page, '4c-returned-by-province');
    await type(page, pl01, at(m1, 'ct-14', 'numerator'), '26');
    await card01.getByRole('button', { name: s.submit }).click();
    await page.getByText(s.sent(3)).waitFor();

    // Phụ lục 02 with the server down: the report waits in the outbox and goes once the server is back.
    const pl02 = `PL02 ${period}`;
    const m2 = await mappingOf('tasks', period);
    await page.getByRole('button', { name: s.insert02 }).click();
    await page.getByText(s.inserted(pl02, m2.rows.length)).waitFor();
    expect(await type(page, pl02, at(m2, 'nv-01', 'status'), 'Hoàn thành')).toMatchObject({ accepted: true });
    await server.stop();
    const card02 = page.getByRole('article', { name: pl02 });
    await card02.getByRole('button', { name: s.submit }).click();
    await page.getByText(s.queued.slice(0, 40)).waitFor();
    // The sign-in token is in the taskpane's session only: neither the workbook (every sheet, the very
    // hidden mappings included) nor the outbox waiting in localStorage holds it.
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('cds.session')!) as { token: string }).token);
    const workbook = await page.evaluate(() => (window as unknown as { __fakeExcel: { dump: () => string } }).__fakeExcel.dump());
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(token.length).toBeGreaterThan(20);
    expect(workbook).toContain('VeryHidden');
    expect(workbook).toContain(m2.rows[0].id); // the dump reaches the mapping sheet
    expect(stored).toContain(pl02); // and the outbox holds the waiting report
    expect(workbook).not.toContain(token);
    expect(stored).not.toContain(token);
    const outbox = page.getByRole('region', { name: s.outboxTitle });
    await outbox.getByText(pl02).waitFor();
    await outbox.getByText(s.outboxWaitingShort).waitFor();
    await shot(page, '5-outbox');

    server = await startServer(target, port, env());
    await outbox.waitFor({ state: 'detached', timeout: 60_000 });
    await card02.getByText(s.status.submitted).waitFor({ timeout: 10_000 });
    await page.getByText(s.sentFromOutbox(pl02)).waitFor(); // the waiting notice follows the outbox
    expect(await page.getByText(s.queued.slice(0, 40)).count()).toBe(0);
    await shot(page, '6-sent-from-outbox');
    const all = (await api<{ submissions: { id: string; kind: string; revision: number }[] }>(`/api/submissions?unitId=${CLERK.unitId}`)).submissions;
    const tasks = all.find((x) => x.kind === 'tasks');
    expect(tasks).toMatchObject({ revision: 1 });
    expect((await api<{ revisions: unknown[] }>(`/api/submissions/${tasks!.id}`)).revisions).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  // The server's Content-Security-Policy allows scripts from 'self' and Microsoft's CDN only: the
  // office.js fallback must be a file (not an inline script) for the offline taskpane to work.
  it('served by the real server, outside Office: the shipped office.js loads under the CSP and the sideload help shows', async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
    const errors: string[] = [];
    const refused: string[] = [];
    const requested: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await installA11yProbes(page);
    await page.route(CDN, (route) => route.abort()); // as on a network that cannot reach the CDN
    const response = await page.goto(`${server.url}/taskpane.html`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('heading', { name: strings.outside.title }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'outside Office, served by the real server');
    expect(requested).toContain('/assets/office-fallback.js');
    expect(requested).toContain('/assets/office-js/office.js');
    expect(await page.locator('[data-reason]').getAttribute('data-reason')).toBe('no-host');
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
