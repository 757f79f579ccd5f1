// The web app for an administrator, end to end: create a clerk for a ward with the one-time
// password shown once; that user signs in with it and must change it in the form (a mismatch is
// refused at its field), then reaches the clerk's page; the administrator sees them, disables them
// (they can no longer sign in), filters the audit trail and adds and removes an assignment override.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInText } from '../../src/text/sign-in';
import { web } from '../../src/text/web';
import { describeWithChromium } from '../support/browser';
import { ADMIN, CLERK, checkPage, newPage, signInAs, webSuite } from '../support/web-e2e';

const t = web.admin;
const NEW = { username: 'cb.moi.truongvinh', displayName: 'Võ Thị Mới', password: 'Mat-khau-rieng-cua-toi-2026' };

// The administrator's HTTP routes (users, units) come from issue 10b's branch; until they are
// merged the suite cannot run, and says so loudly rather than pass.
const APP = join(__dirname, '../../src/server/app.ts');
const ADMIN_ROUTES = existsSync(APP) && /admin\w*Routes/i.test(readFileSync(APP, 'utf8'));
if (!ADMIN_ROUTES) console.warn('\n!!!!!!!!\n!! SKIPPED tests/browser/web-admin.test.ts: the server has no /api/admin routes yet (issue 10b)\n!!!!!!!!\n');
const describeAdmin = ADMIN_ROUTES ? describeWithChromium : describe.skip;

describeAdmin('the web app: an administrator creates a user who changes the one-time password', () => {
  const suite = webSuite(14);

  it('creates a clerk, who changes the one-time password at first sign-in; disables them; audit and overrides', async () => {
    const { page, errors } = await newPage(suite.browser);
    await signInAs(page, suite.server.url, ADMIN);
    await page.getByRole('tab', { name: web.pages.admin }).click();
    await page.getByRole('heading', { name: t.users.title }).waitFor({ timeout: 30_000 });
    const form = page.locator('form').first();
    await form.getByLabel(t.users.username).fill(NEW.username);
    await form.getByLabel(t.users.displayName).fill(NEW.displayName);
    await form.getByLabel(t.users.role).selectOption('reporter');
    await form.getByLabel(web.unit).selectOption(CLERK.unitId);
    await form.getByRole('button', { name: t.users.create }).click();
    const oneTime = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('row').filter({ hasText: NEW.username }).getByText(t.users.mustChange).waitFor();
    await checkPage(page, 'admin-1-users');

    // The new user's first sign-in: the password-change form, errors at their field.
    const user = await newPage(suite.browser);
    await signInAs(user.page, suite.server.url, { username: NEW.username, password: oneTime }).catch(() => undefined);
    const change = signInText.change;
    await user.page.getByRole('heading', { name: change.title }).waitFor({ timeout: 30_000 });
    await checkPage(user.page, 'admin-2-first-sign-in');
    await user.page.getByLabel(change.current).fill(oneTime);
    await user.page.getByLabel(new RegExp(`^${change.next}`)).fill(NEW.password);
    await user.page.getByLabel(change.confirm).fill(`${NEW.password}x`);
    await user.page.getByRole('button', { name: change.submit }).click();
    await user.page.getByText(change.mismatch).waitFor();
    expect(await user.page.getByLabel(change.confirm).getAttribute('aria-invalid')).toBe('true');
    await user.page.getByLabel(change.confirm).fill(NEW.password);
    await user.page.getByRole('button', { name: change.submit }).click();
    await user.page.getByRole('heading', { name: web.clerk.title }).waitFor({ timeout: 30_000 });
    await user.page.getByRole('button', { name: signInText.signOut }).click();
    await user.page.getByText(signInText.signedOut).waitFor();
    await signInAs(user.page, suite.server.url, { username: NEW.username, password: NEW.password });
    await user.page.getByRole('heading', { name: web.clerk.title }).waitFor({ timeout: 30_000 });

    // Disabled: the next sign-in is refused.
    await page.reload();
    await page.getByRole('tab', { name: web.pages.admin }).click();
    const row = page.getByRole('row').filter({ hasText: NEW.username });
    await row.getByRole('button', { name: `${t.users.disable} ${NEW.username}` }).click();
    await row.getByText(t.users.disabled).waitFor();
    const again = await newPage(suite.browser);
    await again.page.goto(`${suite.server.url}/`);
    await again.page.getByLabel(signInText.username).fill(NEW.username);
    await again.page.getByLabel(signInText.password).fill(NEW.password);
    await again.page.getByRole('button', { name: signInText.submit, exact: true }).click();
    await again.page.waitForFunction(() => document.querySelector('input[name="password"]')?.getAttribute('aria-invalid') === 'true');

    // The audit trail, filtered by who: the user's own password change is there.
    await page.getByRole('tab', { name: t.tabs.audit }).click();
    await page.getByLabel(t.audit.who).fill(NEW.username);
    await page.getByRole('button', { name: t.audit.apply }).click();
    await page.getByRole('table', { name: t.audit.title }).getByText(t.audit.actions['user.password']).first().waitFor();
    await checkPage(page, 'admin-3-audit');

    // An assignment override, added with its reason, then removed.
    await page.getByRole('tab', { name: t.tabs.overrides }).click();
    await page.getByLabel(t.overrides.reason).fill('Đơn vị mới được giao theo văn bản 12/UBND');
    await page.getByRole('button', { name: t.overrides.add }).click();
    await page.getByText(t.overrides.saved).waitFor();
    await page.getByRole('cell', { name: 'Đơn vị mới được giao theo văn bản 12/UBND' }).waitFor();
    await checkPage(page, 'admin-4-overrides');
    await page.getByRole('button', { name: t.overrides.remove }).click();
    await page.getByText(t.overrides.none).waitFor();

    await page.getByRole('tab', { name: t.tabs.units }).click();
    await page.getByText(t.units.count(0).replace('0 ', ''), { exact: false }).first().waitFor();
    await checkPage(page, 'admin-5-units');
    expect([...errors, ...user.errors]).toEqual([]);
  }, 300_000);
});
