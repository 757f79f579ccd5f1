// Converts an Office file to PDF with a real word processor (LibreOffice headless) and reads the
// PDF's text with poppler's pdftotext. Without soffice the caller skips loudly – or fails on CI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0
  && spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** Throws on CI when LibreOffice is missing; elsewhere warns once and tells the caller to skip. */
export function requireSoffice(what: string): boolean {
  if (hasSoffice) return true;
  const message = `soffice/pdftotext not found: ${what} is NOT checked. Install libreoffice-writer and poppler-utils (see .ci/run).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n!!!!! ${message}\n`);
  return false;
}

export interface Converted {
  readonly dir: string;
  readonly pdf: string;
  /** The PDF's text with its layout kept (columns side by side). */
  readonly text: string;
  readonly pages: number;
}

/** Writes `bytes` as `name`, converts it to PDF and extracts its text. */
export function convertToPdf(bytes: Buffer, name: string): Converted {
  const dir = mkdtempSync(join(tmpdir(), 'cds-pdf-'));
  const input = join(dir, name);
  writeFileSync(input, bytes);
  // A private profile per run: parallel soffice processes sharing one profile block each other.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'pipe', timeout: 120_000 });
  const pdf = join(dir, basename(name).replace(/\.[^.]+$/, '.pdf'));
  readFileSync(pdf); // throws when the conversion produced nothing
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { dir, pdf, text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

/** Renders the PDF's pages to PNG (for a person to look at); returns the file names. */
export function renderPng(pdf: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
  const out = execFileSync('sh', ['-c', `ls ${prefix}*.png`], { encoding: 'utf8' });
  return out.trim().split('\n');
}
