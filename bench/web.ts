// `npm run bench:web`: the web app's two figures.
// 1. The sign-in page's first-load JavaScript: the gzip size of the scripts index.html loads before
//    anything is shown (budget 150 KB; scripts/check-bundle-size.mjs enforces it on `npm run size`).
// 2. The time to render the consolidation dashboard for 160 units in Chromium: the production build
//    served by the real server, signed in as an administrator; the consolidation answer is the
//    server's own code run on SYNTHETIC data (the plan's agencies plus made-up communes, 160 units
//    reporting every indicator), handed to the page at once so the figure is the page's own work:
//    from choosing the period to every group's table drawn. Median of several runs (goal < 300 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PASSWORD, BENCH_USER, prepareTarget, startServer, freePort } from './child-server';
import { ROOT, launchChromium } from '../tests/support/browser';
import { cachedBuild } from '../tests/support/build-cache';
import { syntheticConsolidation } from '../tests/support/synthetic-consolidation';
import { packConsolidation } from '../src/core/consolidation-sheet/wire';
import { signInText } from '../src/text/sign-in';
import { web } from '../src/text/web';

const BUDGET_KB = 150;
const RUNS = 7;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dist = process.env.DIST_DIR ?? cachedBuild(ROOT, 'production');
  const { measure } = await import('../scripts/check-bundle-size.mjs');
  const files = measure(dist, 'index.html');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  for (const f of files) console.log(`  ${f.file.padEnd(36)} ${kb(f.gzip).padStart(9)} gzip`);
  console.log(`sign-in page first-load JS: ${kb(total)} gzip (budget ${BUDGET_KB} KB)`);

  const dataDir = mkdtempSync(join(tmpdir(), 'cds-bench-web-'));
  await prepareTarget({ kind: 'sqlite', dataDir });
  const port = Number(process.env.PORT_BENCH_WEB ?? 0) || (await freePort());
  const server = await startServer({ kind: 'sqlite', dataDir }, port, { DIST_DIR: dist, CORS_ORIGIN: `http://127.0.0.1:${port}` });
  const browser = await launchChromium();
  try {
    const data = syntheticConsolidation('indicators', { units: 160 });
    const body = JSON.stringify(packConsolidation(data)); // as the server sends it
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.route('**/api/consolidation?*', (route) => route.fulfill({ contentType: 'application/json', body }));
    await page.goto(`${server.url}/#consolidator`);
    await page.getByLabel(signInText.username).fill(BENCH_USER);
    await page.getByLabel(signInText.password).fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: signInText.submit, exact: true }).click();
    await page.getByRole('heading', { name: web.consolidator.title }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: web.consolidator.completeness }).waitFor({ timeout: 60_000 });
    const groups = new Set(data.kind === 'indicators' ? data.indicators.map((i) => i.group) : []).size;
    const periods = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-9M', '2026-Y'];
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Plain JavaScript text: tsx's transforms (e.g. __name helpers) do not exist in the page.
      const ms = (await page.evaluate(`(async () => {
        const select = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(web.period)}).control;
        const t0 = performance.now();
        select.value = ${JSON.stringify(periods[run % periods.length])};
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((resolve) => {
          const drawn = () => document.querySelectorAll('section[aria-labelledby^="group-"] table').length >= ${groups} && document.querySelector('[role="progressbar"]') === null;
          const poll = () => (drawn() ? resolve() : requestAnimationFrame(poll));
          // The old dashboard goes first (a spinner while the page asks): start looking a frame later.
          requestAnimationFrame(poll);
        });
        // One more frame: the browser has laid out and painted what React committed.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      })()`)) as number;
      times.push(ms);
    }
    console.log(`consolidation dashboard, 160 units × ${data.kind === 'indicators' ? data.indicators.length : 0} indicators, ${groups} groups: median ${median(times).toFixed(0)} ms, runs ${times.map((t) => t.toFixed(0)).join(' / ')} ms (goal < 300 ms)`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (total > BUDGET_KB * 1024) {
    console.error(`The sign-in page is over its budget by ${kb(total - BUDGET_KB * 1024)}.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
