// Nothing the product ships names one province's plan: the province, the plan's number, its year or
// its counts come from the catalogue or from the deployment's configuration (PROVINCE_NAME,
// ADDIN_NAME). This reads every string literal and template text in src/ (comments may cite the
// 2026 plan as an example) and the shipped manifest and HTML, and fails on such a literal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { deploymentNames } from '../../src/text/deployment';

const ROOT = join(__dirname, '../..');
const FORBIDDEN: readonly [string, RegExp][] = [
  ['the province', /ngh[eệ] ?an/iu],
  ['the plan number', /\b1174\b/u],
  ['the plan year in a heading or title', /(?:mục tiêu|năm)\s+20\d\d/iu],
  ['the indicator count', /\b51\s+chỉ tiêu/iu],
  ['the task count', /\b57\s+nhiệm vụ/iu],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|js|html)$/u.test(f) ? [p] : [];
  });
}

/** The text of every string literal and template piece of a TypeScript / JavaScript file. */
function literals(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) return [source.replace(/<!--[\s\S]*?-->/gu, '')];
  const out: string[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isJsxText(n)) out.push(n.text);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

const SHIPPED = [...files(join(ROOT, 'src')), join(ROOT, 'manifest.xml')];
/** Internal identifiers no one reads (the local sign-in tokens' issuer); changing one signs everyone out. */
const INTERNAL = new Set(['src/server/auth/tokens.ts: cds-nghean']);

describe('nothing shipped names one plan', () => {
  it('reads the files (sanity: the scanner finds the literals it should)', () => {
    expect(literals(join(ROOT, 'src', 'text', 'strings.ts')).length).toBeGreaterThan(50);
    expect(SHIPPED.length).toBeGreaterThan(100);
  });

  it.each(FORBIDDEN)('no string names %s', (_what, pattern) => {
    const hits = SHIPPED.flatMap((f) => {
      const texts = f.endsWith('.xml') ? [readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/gu, '')] : literals(f);
      return texts.filter((t) => pattern.test(t)).map((t) => `${relative(ROOT, f)}: ${t.slice(0, 120)}`);
    }).filter((h) => !INTERNAL.has(h));
    expect(hits).toEqual([]);
  });
});

describe('the deployment names the add-in and the province', () => {
  // CommonJS, shared with webpack.config.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('../../scripts/deployment-names.js') as {
    deploymentNames: (env: Record<string, string | undefined>) => { provinceName: string; addinName: string; providerName: string };
    rewriteManifestNames: (xml: string, names: { addinName: string; providerName: string }) => string;
  };
  const ENVS: Record<string, string | undefined>[] = [
    {},
    { PROVINCE_NAME: 'tỉnh Nghệ An' },
    { PROVINCE_NAME: ' thành phố Cần Thơ ', ADDIN_NAME: '' },
    { PROVINCE_NAME: 'tỉnh Hà Tĩnh', ADDIN_NAME: 'Báo cáo CĐS Hà Tĩnh' },
  ];

  it.each(ENVS)('the build and the server give the same names for %j', (env) => {
    const { provinceName, addinName } = build.deploymentNames(env);
    expect(deploymentNames(env)).toEqual({ provinceName, addinName });
  });

  it('writes them into dist/manifest.xml, changing nothing else', () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const names = build.deploymentNames({ PROVINCE_NAME: 'thành phố Cần Thơ' });
    const out = build.rewriteManifestNames(xml, names);
    expect(out).toContain('<DisplayName DefaultValue="Báo cáo chuyển đổi số thành phố Cần Thơ"/>');
    expect(out).toContain('<ProviderName>Sở Khoa học và Công nghệ thành phố Cần Thơ</ProviderName>');
    expect(out).toContain('DefaultValue="Báo cáo chuyển đổi số thành phố Cần Thơ đã sẵn sàng"');
    expect(out.split('\n').length).toBe(xml.split('\n').length);
    expect(build.rewriteManifestNames(xml, build.deploymentNames({}))).toBe(xml);
  });
});
