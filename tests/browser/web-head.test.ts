// The web app for a head of unit, end to end: the reports waiting; one opened as the official
// report (HTML from the .docx's own model) with the content hash it shows; the .docx downloaded;
// approving a report the clerk changed meanwhile is refused (the hash on screen is no longer the
// latest), the newer one is read and approved; the server holds it approved.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { web } from '../../src/text/web';
import { describeWithChromium } from '../support/browser';
import { CLERK, HEAD, PLAN, apiAs, checkPage, newPage, signInAs, webSuite } from '../support/web-e2e';

const t = web.head;
const send = (url: string, rows: unknown[]) =>
  apiAs<{ id: string; revision: number; contentHash: string }>(url, CLERK, '/api/submissions', {
    clientSubmissionId: randomUUID(), planId: PLAN, unitId: CLERK.unitId, period: '2026-Q1', kind: 'indicators', rows,
  });

describeWithChromium('the web app: a head reads the official report and approves the revision on screen', () => {
  const suite = webSuite(12);

  it('opens, downloads the .docx, is refused on a changed report, reads the new one and approves it', async () => {
    const first = await send(suite.server.url, [{ id: 'ct-03', value: 'Có' }, { id: 'ct-14', numerator: '28', denominator: '40' }]);
    const { page, errors } = await newPage(suite.browser);
    await signInAs(page, suite.server.url, HEAD);
    await page.getByRole('heading', { name: t.waiting }).waitFor();
    await checkPage(page, 'head-1-waiting');
    await page.getByRole('button', { name: t.open }).first().click();
    const report = page.getByRole('article', { name: t.reportRegion });
    await report.waitFor();
    expect(await report.innerText()).toMatch(/BÁO CÁO/);
    expect(await report.innerText()).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(await report.innerText()).toContain('Nơi nhận:');
    expect(await page.getByTestId('content-hash').innerText()).toBe(first.contentHash);
    await checkPage(page, 'head-2-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.docx }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('BÁO CÁO');

    // The clerk sends a correction while the head reads: the approval of the old content is refused.
    const second = await send(suite.server.url, [{ id: 'ct-03', value: 'Có' }, { id: 'ct-14', numerator: '30', denominator: '40' }]);
    expect(second.revision).toBe(2);
    await page.getByRole('button', { name: t.approve }).click();
    await page.getByText('Nội dung báo cáo đã thay đổi', { exact: false }).waitFor();
    await checkPage(page, 'head-3-changed');
    await page.getByRole('button', { name: t.back }).click();
    await page.getByRole('button', { name: t.open }).first().click();
    await page.getByRole('article', { name: t.reportRegion }).waitFor();
    expect(await page.getByTestId('content-hash').innerText()).toBe(second.contentHash);
    await page.getByRole('button', { name: t.approve }).click();
    await page.getByText(t.approved).waitFor();
    await page.getByText(t.nothing).waitFor();
    const held = await apiAs<{ status: string; revision: number; decisions: { action: string; contentHash: string }[] }>(suite.server.url, HEAD, `/api/submissions/${first.id}`);
    expect(held).toMatchObject({ status: 'approved', revision: 2 });
    expect(held.decisions.at(-1)).toMatchObject({ action: 'approve', contentHash: second.contentHash });
    expect(errors).toEqual([]);
  }, 300_000);
});
