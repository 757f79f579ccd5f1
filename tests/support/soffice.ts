// LibreOffice headless for the "real spreadsheet program" checks: converts a file and returns the
// output path. Each call gets its own user profile, so jest workers running side by side never share
// one (LibreOffice refuses to start on a locked profile). Missing soffice: fail on CI, else skip loudly.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice']) {
    if (existsSync(p)) return p;
  }
  return null;
}

/** describe() when soffice is installed; on CI its absence fails, elsewhere the suite is skipped with a warning. */
export function describeWithSoffice(name: string, suite: () => void): void {
  if (sofficePath()) return describe(name, suite);
  if (process.env.CI) {
    return describe(name, () => it('needs LibreOffice (soffice) – install libreoffice-calc', () => { throw new Error('soffice not found on CI'); }));
  }
  console.warn(`\n*** ${name}: SKIPPED – LibreOffice (soffice) is not installed. Install libreoffice-calc to run these checks. ***\n`);
  return describe.skip(name, suite);
}

/** CSV: comma, double quotes, UTF-8 (76), from line 1, cells as shown. */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

/**
 * Converts `input` with LibreOffice; `to` is a --convert-to target ("xlsx", CSV_FILTER).
 * @example const out = await convert('/tmp/x/filled.xlsx', 'xlsx', '/tmp/x/lo')
 */
export async function convert(input: string, to: string, outDir: string): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not found');
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input], { timeout: 120_000 });
  const ext = to.startsWith('csv') ? 'csv' : to.split(':')[0];
  const out = join(outDir, basename(input).replace(/\.[^.]+$/, `.${ext}`));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}

/** RFC 4180 CSV → rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
