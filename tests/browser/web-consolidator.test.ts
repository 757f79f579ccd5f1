// The web app for consolidators, end to end: Sở KH&CN's dashboard (completeness, figures by group,
// drill-down to a unit's value, a chart per group whose library is fetched only then), the .xlsx
// and .csv downloads; then a monitoring agency, which is offered its tasks only and sees no other.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { signInText } from '../../src/text/sign-in';
import { web } from '../../src/text/web';
import { describeWithChromium } from '../support/browser';
import { CLERK, CONSOLIDATOR, MONITOR, PLAN, apiAs, checkPage, newPage, signInAs, webSuite } from '../support/web-e2e';

const t = web.consolidator;

describeWithChromium('the web app: consolidators read the dashboard and download it', () => {
  const suite = webSuite(13);

  it('Sở KH&CN: completeness, figures, drill-down, chart on demand, .xlsx and .csv', async () => {
    const sent = await apiAs<{ revision: number }>(suite.server.url, CLERK, '/api/submissions', {
      clientSubmissionId: randomUUID(), planId: PLAN, unitId: CLERK.unitId, period: '2026-Q1', kind: 'indicators',
      rows: [{ id: 'ct-03', value: 'Có' }, { id: 'ct-04', value: 'Không' }, { id: 'ct-14', numerator: '28', denominator: '40' }],
    });
    expect(sent.revision).toBe(1);
    const { page, errors } = await newPage(suite.browser);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel(signInText.password).waitFor();
    expect(requested.some((p) => p.includes('chartjs') || p.includes('web-consolidator'))).toBe(false); // not on the sign-in page's load
    await signInAs(page, suite.server.url, CONSOLIDATOR);
    await page.getByRole('heading', { name: t.title }).waitFor({ timeout: 30_000 });
    await page.getByLabel(web.period, { exact: true }).selectOption('2026-Q1');
    await page.getByRole('heading', { name: t.completeness }).waitFor({ timeout: 30_000 });
    const submitted = page.locator('dl > div', { hasText: t.submitted }).first();
    expect(await submitted.locator('dd').innerText()).toBe('1');
    await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0);
    await page.waitForFunction(() => [...document.querySelectorAll('canvas')].some((c) => c.width > 0));
    expect(requested.some((p) => /chunks\/chartjs\./.test(p))).toBe(true);

    const group = page.getByRole('region', { name: /^I\. / });
    const row3 = group.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
    await row3.getByRole('button', { name: t.drillOpen }).click();
    const drill = page.getByRole('table', { name: t.drill(web.itemIndicator(3)) });
    await drill.waitFor();
    expect(await drill.getByRole('row').filter({ hasText: 'Trường Vinh' }).innerText()).toContain('Có');
    await checkPage(page, 'consolidator-1-dashboard');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.downloadXlsx }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`tong-hop-${PLAN}-2026-Q1-indicators.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.downloadCsv }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('Trường Vinh');
    expect(errors).toEqual([]);
  }, 300_000);

  it('a monitoring agency is offered its tasks only, and sees exactly the tasks it monitors', async () => {
    const { page, errors } = await newPage(suite.browser);
    await signInAs(page, suite.server.url, MONITOR);
    await page.getByRole('heading', { name: t.title }).waitFor({ timeout: 30_000 });
    await page.getByText(t.monitorOnly, { exact: false }).waitFor();
    expect(await page.getByLabel(web.kind, { exact: true }).count()).toBe(0);
    await page.getByLabel(web.period, { exact: true }).selectOption('2026-Q1');
    await page.getByRole('heading', { name: t.completeness }).waitFor({ timeout: 30_000 });
    const theirs = await apiAs<{ tasks: { id: string }[] }>(suite.server.url, MONITOR, `/api/consolidation?planId=${PLAN}&period=2026-Q1&kind=tasks`);
    expect(theirs.tasks.length).toBeGreaterThan(0);
    expect(theirs.tasks.length).toBeLessThan(57);
    const shown = await page.getByRole('button', { name: t.drillOpen }).count();
    expect(shown).toBe(theirs.tasks.length);
    await checkPage(page, 'consolidator-2-monitor');
    expect(errors).toEqual([]);
  }, 300_000);
});
