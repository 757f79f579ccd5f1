// The taskpane shell in a real Chromium: outside Office (this machine has no internet, so the
// CDN's office.js fails and the local copy must take over) it explains how to sideload the
// manifest; inside a (stubbed) Excel or Word it shows that host's views.
import type { Page } from 'playwright-core';
import { strings } from '../../src/text/strings';
import { expectAccessible, installA11yProbes } from '../support/a11y';
import { describeWithChromium, staticAddinSuite } from '../support/browser';

const CDN = 'https://appsforoffice.microsoft.com/**';

/** A stand-in for office.js that reports `host`, for the dispatch tests. */
function officeStub(host: 'Excel' | 'Word'): string {
  return `window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady: function () { return Promise.resolve({ host: '${host}', platform: 'PC' }); },
    context: { requirements: { isSetSupported: function () { return true; } } },
  };`;
}

describeWithChromium('taskpane shell in Chromium', () => {
  const suite = staticAddinSuite();

  async function open(prepare?: (page: Page) => Promise<unknown>) {
    const page = await suite.browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await prepare?.(page);
    await installA11yProbes(page);
    await page.goto(`${suite.server.origin}/taskpane.html`);
    return { page, errors };
  }

  it('outside Office, falls back to the local office.js and explains how to sideload', async () => {
    const { page, errors } = await open();
    await page.getByRole('heading', { name: strings.outside.title }).waitFor({ timeout: 20_000 });
    expect(suite.server.requests).toContain('/assets/office-js/office.js');
    // office.js loaded and said "no host": not a timeout, not a missing office.js.
    expect(await page.locator('[data-reason]').getAttribute('data-reason')).toBe('no-host');
    for (const command of strings.outside.desktopCommands) {
      await expect(page.getByText(command, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByText(strings.outside.webSteps[1]).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'outside Office: sideload help');
    await page.screenshot({ path: '/tmp/taskpane-outside.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Excel, shows the clerk’s view and the consolidator’s on their tab', async () => {
    const { page, errors } = await open((p) => p.route(CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub('Excel') })));
    await page.getByRole('heading', { name: strings.clerk.title }).waitFor();
    await page.getByRole('heading', { name: strings.clerkFlow.signInTitle }).waitFor(); // the clerk signs in first
    await page.getByRole('tab', { name: strings.roles.consolidator }).click();
    await page.getByRole('heading', { name: strings.consolidator.title }).waitFor();
    await expectAccessible(page, 'Excel: consolidator tab');
    await page.screenshot({ path: '/tmp/taskpane-excel.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Word, shows the head’s view', async () => {
    const { page, errors } = await open((p) => p.route(CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub('Word') })));
    await page.getByRole('heading', { name: strings.head.title }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
