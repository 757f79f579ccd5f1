// Every string the taskpane shows lives in src/taskpane/strings.ts (so another language is one object):
// no Vietnamese text in the code of the views and flows, comments aside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../src/taskpane');
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

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

describe('taskpane strings', () => {
  const files = sources(root).filter((f) => !f.endsWith('strings.ts'));

  it('finds the views and flows', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s has no Vietnamese literal outside strings.ts', (_name, file) => {
    const offending = code(readFileSync(file, 'utf8'))
      .split('\n')
      .filter((line) => VIETNAMESE.test(line));
    expect(offending).toEqual([]);
  });
});
