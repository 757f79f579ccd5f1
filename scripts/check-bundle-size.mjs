// First-load budgets: the gzip size of the scripts a page loads before anything is shown. The
// taskpane must stay under 120 KB (the team's budget: Office's own start-up comes first); the web
// app's sign-in page (index.html) under 150 KB. Lazy chunks (the views, the role
// pages, the chart library) are not counted. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 120 * 1024;

/** Each page's budget. */
export const BUDGETS = [
  { page: 'taskpane.html', name: 'taskpane first load', bytes: BUDGET_BYTES },
  { page: 'index.html', name: 'web sign-in page first load', bytes: 150 * 1024 },
];

/**
 * The local scripts an HTML page loads at once: every <script src> that is not on another
 * origin (office.js from the CDN is Microsoft's, not ours) and not inside document.write.
 */
export function initialScripts(html) {
  const sources = [];
  // Whole elements, so that a tag written by an inline script's document.write is not counted.
  for (const match of html.matchAll(/<script\b([^>]*)>[\s\S]*?<\/script>/gi)) {
    const src = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]);
    const url = src && (src[1] ?? src[2] ?? src[3]);
    if (url && !/^(https?:)?\/\//i.test(url)) sources.push(url);
    // The start script (old-engine.js) loads the bundles it names in data-bundle: they count too.
    const bundles = /\bdata-bundle=(?:"([^"]*)"|'([^']*)')/i.exec(match[1]);
    if (bundles) sources.push(...(bundles[1] ?? bundles[2]).split(/\s+/).filter(Boolean));
  }
  return sources;
}

/** Gzip size (level 9, as a server would serve it) of each initial script of `page` in `dist`. */
export function measure(dist, page = 'taskpane.html') {
  const htmlFile = join(dist, page);
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run \`npm run build\` first`);
  return initialScripts(readFileSync(htmlFile, 'utf8')).map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  for (const budget of BUDGETS) {
    const files = measure(dist, budget.page);
    for (const { file, raw, gzip } of files) console.log(`${file.padEnd(32)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip`);
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`${budget.name.padEnd(32)} ${kb(total).padStart(25)} gzip (budget ${kb(budget.bytes)})`);
    if (files.length === 0) {
      console.error(`No script found in dist/${budget.page}: is the build broken?`);
      process.exitCode = 1;
    } else if (total > budget.bytes) {
      console.error(`${budget.page} is over budget by ${kb(total - budget.bytes)}: load more of it lazily.`);
      process.exitCode = 1;
    }
  }
}
