// The taskpane's start script: parsable by Internet Explorer 11 (ES5), shows the web app's address
// there instead of a blank pane and loads no bundle; on a current engine it loads the bundles in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { officeSupport } from '../../src/text/office-support';

const source = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'old-engine.js'), 'utf8');
const html = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');

interface Node { tag: string; children: Node[]; text: string; attrs: Record<string, string>; src?: string; href?: string; async?: boolean; innerHTML?: string; style: Record<string, string> }
const node = (tag: string, text = ''): Node => ({ tag, children: [], text, attrs: {}, style: {} });
const textOf = (n: Node): string => n.text + n.children.map(textOf).join(' ');

/** A page with the start script's tag and #root, and the globals of the engine being imitated. */
function run(engine: 'ie11' | 'edgehtml' | 'webview2') {
  const root = node('div');
  const body = node('body');
  const start = { ...node('script'), getAttribute: (k: string) => (k === 'data-bundle' ? 'vendor.1234abcd.js taskpane.5678ef90.js' : null) };
  const withChildren = (n: Node) => Object.assign(n, { appendChild: (c: Node) => { n.children.push(c); return c; } });
  const document = {
    ...(engine === 'ie11' ? { documentMode: 11 } : {}),
    body: withChildren(body),
    getElementById: (id: string) => (id === 'root' ? withChildren(root) : id === 'cds-start' ? start : null),
    createElement: (tag: string) => withChildren(node(tag)),
    createTextNode: (text: string) => node('#text', text),
  };
  const ua = {
    ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    edgehtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
    webview2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  }[engine];
  const modern = engine !== 'ie11';
  const window = { fetch: modern ? () => undefined : undefined, navigator: { userAgent: ua }, location: { protocol: 'https:', host: 'baocao.nghean.gov.vn' } };
  runInNewContext(source, {
    window, document,
    Promise: modern ? Promise : undefined, Symbol: modern ? Symbol : undefined, Object: modern ? Object : { ...Object, assign: undefined },
  });
  return { root, body };
}

describe('the taskpane start script (assets/old-engine.js)', () => {
  it('parses as ES5, as Internet Explorer 11 needs', () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('is the only script of taskpane.html besides office.js, and names the bundles it loads', () => {
    expect(html).toMatch(/<script id="cds-start" src="assets\/old-engine\.js"\s+data-bundle="<%= htmlWebpackPlugin\.files\.js\.join\(' '\) %>"><\/script>/);
  });

  it.each(['ie11', 'edgehtml'] as const)('on %s shows the web app’s address in Vietnamese and loads no bundle', (engine) => {
    const { root, body } = run(engine);
    const text = textOf(root);
    expect(text).toContain(officeSupport.oldEngineTitle);
    expect(text).toContain(officeSupport.oldEngineBody);
    expect(text).toContain('https://baocao.nghean.gov.vn/');
    expect(body.children.filter((c) => c.tag === 'script')).toEqual([]);
  });

  it('on a current engine loads the bundles in order and shows nothing of its own', () => {
    const { root, body } = run('webview2');
    expect(body.children.map((c) => [c.tag, c.src, c.async])).toEqual([['script', 'vendor.1234abcd.js', false], ['script', 'taskpane.5678ef90.js', false]]);
    expect(root.children).toEqual([]);
  });
});
