// Real-browser tests: Debian's Chromium driven by playwright-core, a webpack build of the
// taskpane, and a tiny static server. Without Chromium the suite is skipped on a developer's
// machine (with a loud warning) and fails on CI, where .ci/run installs it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installA11yProbes } from './a11y';
import { cachedBuild } from './build-cache';

export const ROOT = join(__dirname, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MISSING = `Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium fonts-dejavu-core\` (or set CHROMIUM_PATH).`;

/**
 * `describe` for suites that need Chromium. Without it: skipped with a warning locally,
 * one failing test when process.env.CI is set.
 */
export function describeWithChromium(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, suite);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(MISSING);
      });
    });
  } else {
    console.warn(`\n!!!!!!!!\n!! SKIPPED browser tests "${name}": ${MISSING}\n!!!!!!!!\n`);
    describe.skip(name, suite);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The add-in built with webpack (development mode), shared with the other suites through the build
 * cache; `remove()` is kept for the callers and leaves the shared build in place.
 */
export function buildAddin(): { dir: string; remove: () => void } {
  return { dir: cachedBuild(ROOT, 'development'), remove: () => undefined };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `dir` over http on 127.0.0.1 at a free port. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * For a suite of taskpane pages served as static files: builds the add-in, serves it and launches
 * Chromium before the suite, and closes all three after it. Read the fields inside tests.
 * @example const suite = staticAddinSuite(); it('…', async () => { await suite.browser.newPage(); });
 */
export function staticAddinSuite(): { readonly server: StaticServer; readonly browser: Browser } {
  const suite = {} as { server: StaticServer; browser: Browser; build: ReturnType<typeof buildAddin> };
  beforeAll(async () => {
    suite.build = buildAddin();
    suite.server = await serveStatic(suite.build.dir);
    suite.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    suite.build?.remove();
  });
  return suite;
}

/** Office.js's CDN. The fake host is installed before the page's scripts run, so the CDN's answer has nothing left to do. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/**';

/**
 * The add-in's taskpane as Excel shows it (350 px wide) at `baseUrl`, on the fake host `hostScript`
 * (installed before the page loads), with the accessibility probes in place and every page error kept.
 */
export async function openTaskpane(browser: Browser, baseUrl: string, hostScript: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(OFFICE_CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: '/* the fake host is installed */' }));
  await page.addInitScript(hostScript);
  await installA11yProbes(page);
  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, errors };
}
