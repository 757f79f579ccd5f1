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

/** A word of a PDF page with its box (points from the top-left), as `pdftotext -bbox` gives it. */
export interface PdfWord { readonly text: string; readonly xMin: number; readonly yMin: number; readonly xMax: number; readonly yMax: number }

/** Many files converted by one LibreOffice start (each start costs seconds); returns the PDFs by input name. */
export function convertManyToPdf(files: readonly { readonly name: string; readonly bytes: Buffer }[]): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cds-pdfs-'));
  const inputs = files.map((f) => {
    const input = join(dir, f.name);
    writeFileSync(input, f.bytes);
    return input;
  });
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], { stdio: 'pipe', timeout: 300_000 });
  return new Map(files.map((f) => [f.name, join(dir, basename(f.name).replace(/\.[^.]+$/, '.pdf'))]));
}

/** The words of every page, in pdftotext's reading order. */
export function pdfWords(pdf: string): PdfWord[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return xml.split(/<page /).slice(1).map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]) })));
}

/** Each page's text in pdftotext's default reading order (a table cell's wrapped lines stay together). */
export function pdfPageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);
}
