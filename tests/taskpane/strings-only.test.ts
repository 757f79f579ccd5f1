// Every string the user is shown lives in src/text/strings.ts (so another language is one object):
// no Vietnamese text in the code of the views and flows (src/taskpane), nor in the Office and HTTP
// layers whose messages reach the taskpane (src/office, src/client), comments aside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = join(__dirname, '../../src');
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/**
 * Document CONTENT, not UI: text written into the report or the workbook, which stays in Vietnamese
 * whatever the taskpane's language (it is the official wording, and some of it is parsed back).
 * Per file: 'whole file', or the only literals allowed there (any other Vietnamese line fails).
 */
const DOCUMENT_CONTENT: Readonly<Record<string, 'whole file' | readonly string[]>> = {
  // The binding and approval lines written into the Word report and parsed back from it.
  'office/word/binding-text.ts': 'whole file',
  // The label of the report's "Nơi nhận" block; the rest of the report's wording is in src/core/report.
  'office/word/report-writer.ts': ["'Nơi nhận:'"],
  // The same label in the web app's HTML rendering of the report.
  'web/head/ReportHtml.tsx': ["'Nơi nhận:'"],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The code without its comments (line and block), which may quote the Vietnamese they explain. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The code lines with Vietnamese in them, once the allowed document literals are taken out. */
function offending(text: string, allowed: readonly string[]): string[] {
  return code(text)
    .split('\n')
    .map((line) => allowed.reduce((l, literal) => l.split(literal).join(''), line))
    .filter((line) => VIETNAMESE.test(line));
}

function offendingLines(file: string): string[] {
  const allowed = DOCUMENT_CONTENT[relative(src, file).split('\\').join('/')];
  return allowed === 'whole file' ? [] : offending(readFileSync(file, 'utf8'), allowed ?? []);
}

describe('taskpane strings', () => {
  const files = sources(join(src, 'taskpane')).filter((f) => !f.endsWith('strings.ts'));

  it('finds the views and flows', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(src, f), f]))('%s has no Vietnamese literal outside strings.ts', (_name, file) => {
    expect(offendingLines(file)).toEqual([]);
  });
});

describe('Office, client, shared UI and web app messages', () => {
  const files = [...sources(join(src, 'office')), ...sources(join(src, 'client')), ...sources(join(src, 'ui')), ...sources(join(src, 'web'))];

  it('finds the Office and client modules, and every allow-listed file still exists', () => {
    expect(files.length).toBeGreaterThan(10);
    const names = files.map((f) => relative(src, f).split('\\').join('/'));
    expect(names).toEqual(expect.arrayContaining(Object.keys(DOCUMENT_CONTENT)));
  });

  it.each(files.map((f) => [relative(src, f), f]))('%s has no Vietnamese UI message outside strings.ts', (_name, file) => {
    expect(offendingLines(file)).toEqual([]);
  });

  it('fails on a Vietnamese message, even in an allow-listed file', () => {
    expect(offending("const A = 'Nơi nhận:';", ["'Nơi nhận:'"])).toEqual([]);
    expect(offending("const A = 'Nơi nhận:'; throw new Error('Không ghi được báo cáo.');", ["'Nơi nhận:'"])).toHaveLength(1);
    expect(offending("// 'Không ghi được' is only a comment", [])).toEqual([]);
  });
});
