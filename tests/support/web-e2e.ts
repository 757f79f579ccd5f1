// Support for the web app's end-to-end suites: the shared production build, a SQLite data
// directory with the plan's units, the sample communes and one user per role, the real server as
// a child process serving that build, Chromium at 1366×768, and the page steps every suite shares
// (sign in, check accessibility, take a screenshot to look at).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startServer, type ChildServer } from '../../bench/child-server';
import { hashPassword } from '../../src/server/auth/passwords';
import { connect } from '../../src/server/db/connect';
import { createUser, grant } from '../../src/server/repositories/users';
import { signInText } from '../../src/text/sign-in';
import { axeViolations } from './axe';
import { ROOT, launchChromium } from './browser';
import { CLERK, HEAD, prepareClerkData } from './clerk-e2e';
import { cachedBuild } from './build-cache';

export { CLERK, HEAD };
export const PLAN = 'nghe-an-1174-2026';
export const CONSOLIDATOR = { username: 'th.skhcn', password: 'Mat-khau-tong-hop-2026!', displayName: 'Lê Văn Tổng' };
export const MONITOR = { username: 'td.snv', password: 'Mat-khau-theo-doi-2026!', displayName: 'Phạm Thị Dõi', unitId: 'so-noi-vu' };
export const ADMIN = { username: 'qt.tinh', password: 'Mat-khau-quan-tri-2026!', displayName: 'Hoàng Văn Trị' };
export interface Who { readonly username: string; readonly password: string }

/** Where screenshots go, to be looked at (not compared). */
export const SHOTS = process.env.WEB_SHOTS_DIR ?? '/tmp/web-e2e';

/** A port for the suite: E2E_PORT_BASE + offset when set (a shared machine's own range), else a free one. */
export async function suitePort(offset: number): Promise<number> {
  const base = Number(process.env.E2E_PORT_BASE ?? '');
  return Number.isInteger(base) && base > 0 ? base + offset : freePort();
}

export interface WebSuite {
  readonly server: ChildServer;
  readonly browser: Browser;
  readonly dataDir: string;
}

/**
 * Before the suite: the build, the data (clerk and head of a ward, a province consolidator, the
 * monitoring agency Sở Nội vụ's consolidator, an administrator), the server and Chromium.
 */
export function webSuite(portOffset: number): WebSuite {
  const suite = {} as { server: ChildServer; browser: Browser; dataDir: string; remove: () => void };
  beforeAll(async () => {
    const dist = cachedBuild(ROOT, 'production');
    const data = await prepareClerkData();
    suite.dataDir = data.dataDir;
    suite.remove = data.remove;
    const db = connect({ sqliteFile: join(data.dataDir, 'reporting.sqlite') });
    try {
      for (const [who, role, unitId] of [[CONSOLIDATOR, 'consolidator', null], [MONITOR, 'consolidator', MONITOR.unitId], [ADMIN, 'admin', null]] as const) {
        const user = await createUser(db.kysely, { username: who.username, displayName: who.displayName, passwordHash: await hashPassword(who.password) }, 'test');
        if (!user.ok) throw new Error(user.message);
        const granted = await grant(db.kysely, user.value.id, role, unitId, 'test');
        if (!granted.ok) throw new Error(granted.message);
      }
    } finally {
      await db.close();
    }
    const port = await suitePort(portOffset);
    suite.server = await startServer({ kind: 'sqlite', dataDir: data.dataDir }, port, { DIST_DIR: dist, CORS_ORIGIN: `http://127.0.0.1:${port}` });
    suite.browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    suite.remove?.();
  });
  return suite;
}

/** A fresh browser context (its own sessionStorage) at the laptop size the app is made for. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export async function signInAs(page: Page, url: string, who: Who): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: signInText.title }).waitFor({ timeout: 30_000 });
  await page.getByLabel(signInText.username).fill(who.username);
  await page.getByLabel(signInText.password).fill(who.password);
  await page.getByRole('button', { name: signInText.submit, exact: true }).click();
  await page.getByRole('button', { name: signInText.signOut }).waitFor({ timeout: 30_000 });
}

/** Fails on any WCAG 2.1 A/AA violation, and keeps a full-page screenshot to look at. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
}

/** The server's answer to a signed-in request (for checking what the pages did). */
export async function apiAs<T>(url: string, who: Who, path: string, body?: unknown): Promise<T> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who.username, password: who.password }) });
  const { token } = (await login.json()) as { token: string };
  const init = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
  const res = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  return (await res.json()) as T;
}
