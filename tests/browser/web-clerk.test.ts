// The web app for a clerk, end to end in Chromium against the real server on SQLite: sign-in errors
// at their field; pick the period; download the template, fill it with exceljs (an error first),
// preview the upload (the error at its cell, the rows still empty), fix, preview, send; the head
// returns it with a comment on the head's page; the clerk sees the comment, fixes and sends
// revision 2. Every page passes axe (WCAG 2.1 A/AA) and is kept as a screenshot.
import { readFileSync } from 'node:fs';
import { signInText } from '../../src/text/sign-in';
import { web } from '../../src/text/web';
import { describeWithChromium } from '../support/browser';
import { CLERK, HEAD, PLAN, apiAs, checkPage, newPage, signInAs, webSuite } from '../support/web-e2e';
import { fill } from '../server/support/xlsx';

const t = web.clerk;
const PERIOD = '2026-Q1';

describeWithChromium('the web app: a clerk sends, the head returns, the clerk sends the correction', () => {
  const suite = webSuite(11);

  it('signs in (errors at their field), previews, sends, reads the return and sends revision 2', async () => {
    const { page, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { name: signInText.title }).waitFor({ timeout: 30_000 });
    await checkPage(page, 'clerk-1-sign-in');

    // Empty fields, then a wrong password: each message at its field, announced, focus on the field.
    await page.getByRole('button', { name: signInText.submit, exact: true }).click();
    const user = page.getByLabel(signInText.username);
    await expect(user.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await user.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).toContain(signInText.usernameMissing);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await user.fill(CLERK.username);
    await page.getByLabel(signInText.password).fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: signInText.submit, exact: true }).click();
    const password = page.getByLabel(signInText.password);
    await page.waitForFunction(() => document.querySelector('input[name="password"]')?.getAttribute('aria-invalid') === 'true');
    const pwDescribed = (await password.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${pwDescribed.split(' ')[0]}"]`).innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await checkPage(page, 'clerk-2-sign-in-error');

    await password.fill(CLERK.password);
    await page.getByRole('button', { name: signInText.submit, exact: true }).click();
    await page.getByRole('heading', { name: t.title }).waitFor({ timeout: 30_000 });
    await page.getByLabel(web.period, { exact: true }).selectOption(PERIOD);
    const card = page.getByRole('region', { name: web.kinds.indicators });
    await card.getByText(web.state.notStarted).waitFor();
    await card.getByText(web.state.overdue).waitFor(); // Q1's deadline has passed with nothing sent
    await checkPage(page, 'clerk-3-page');

    // The template, as the browser downloads it; filled with exceljs as Excel would store it.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: t.download }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = readFileSync((await download.path())!);
    const wrong = await fill(template, { 'ct-03': { value: 'Có' }, 'ct-14': { numerator: 50, denominator: 40 } });
    const upload = async (file: Buffer, name: string) => {
      await card.getByLabel(t.chooseFile).setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      await card.getByRole('button', { name: t.check }).click();
      await card.getByRole('heading', { name: t.previewTitle }).waitFor();
    };
    await upload(wrong, 'bao-cao-sai.xlsx');
    const issueRows = card.getByRole('table', { name: t.issues }).getByRole('row');
    await issueRows.nth(1).waitFor();
    expect(await issueRows.nth(1).innerText()).toMatch(/^PL01 2026-Q1![A-Z]+\d+/);
    expect(await card.getByRole('button', { name: t.confirm }).isDisabled()).toBe(true);
    await checkPage(page, 'clerk-4-preview-error');
    expect((await apiAs<{ submissions: unknown[] }>(suite.server.url, CLERK, `/api/submissions?unitId=${CLERK.unitId}`)).submissions).toEqual([]);

    const right = await fill(template, { 'ct-03': { value: 'Có' }, 'ct-14': { numerator: 28, denominator: 40 } });
    await upload(right, 'bao-cao.xlsx');
    await card.getByText(t.previewOk, { exact: false }).waitFor();
    await card.locator('summary', { hasText: /dòng chưa nhập số liệu/ }).click();
    expect(await card.getByRole('listitem').count()).toBeGreaterThan(0); // the empty rows, each with its cell
    expect(await card.getByRole('listitem').first().innerText()).toMatch(/^PL01 2026-Q1![A-Z]+\d+ – Chỉ tiêu \d+/);
    await checkPage(page, 'clerk-5-preview-ok');
    await card.getByRole('button', { name: t.confirm }).click();
    await card.getByText(t.sent(1)).waitFor();
    await card.getByText(web.state.submitted).first().waitFor();
    const held = (await apiAs<{ submissions: { id: string; revision: number; status: string; late: boolean }[] }>(suite.server.url, CLERK, `/api/submissions?planId=${PLAN}&unitId=${CLERK.unitId}`)).submissions;
    expect(held).toMatchObject([{ revision: 1, status: 'submitted', late: true }]);

    // The head returns it from the head's page (another browser, another sign-in).
    const head = await newPage(suite.browser);
    await signInAs(head.page, suite.server.url, HEAD);
    await head.page.getByRole('heading', { name: web.head.waiting }).waitFor();
    await head.page.getByRole('button', { name: web.head.open }).first().click();
    await head.page.getByRole('article', { name: web.head.reportRegion }).waitFor();
    const comment = 'Số cán bộ được đào tạo chưa khớp danh sách, đề nghị rà soát.';
    await head.page.getByRole('button', { name: web.head.giveBack }).click(); // no comment yet: refused at the field
    await head.page.getByText(web.head.commentMissing).waitFor();
    await head.page.getByLabel(web.head.comment).fill(comment);
    await head.page.getByRole('button', { name: web.head.giveBack }).click();
    await head.page.getByText(web.head.returned).waitFor();
    await head.context.close();

    // The clerk sees the return and the comment, fixes and sends revision 2.
    await page.reload();
    await page.getByRole('heading', { name: t.title }).waitFor({ timeout: 30_000 });
    await page.getByLabel(web.period, { exact: true }).selectOption(PERIOD);
    await card.getByText(comment).first().waitFor(); // in the head's message, and in the history
    await card.getByText(web.state.returned).first().waitFor();
    await checkPage(page, 'clerk-6-returned');
    const fixed = await fill(template, { 'ct-03': { value: 'Có' }, 'ct-04': { value: 'Có' }, 'ct-14': { numerator: 30, denominator: 40 } });
    await upload(fixed, 'bao-cao-sua.xlsx');
    await card.getByRole('button', { name: t.confirm }).click();
    await card.getByText(t.sent(2)).waitFor();
    await card.locator('summary', { hasText: t.history }).click();
    await card.getByText(`${web.revision(1)}: ${web.clerk.decisions.return}`, { exact: false }).waitFor();
    await checkPage(page, 'clerk-7-revision-2');
    const after = (await apiAs<{ submissions: { revision: number; status: string }[] }>(suite.server.url, CLERK, `/api/submissions?planId=${PLAN}&unitId=${CLERK.unitId}`)).submissions;
    expect(after).toMatchObject([{ revision: 2, status: 'submitted' }]);
    expect(errors).toEqual([]);
  }, 300_000);
});
