// manifest.xml: one add-in for Excel (Workbook) and Word (Document), every resource reference
// resolved, every icon on disk, every URL on one origin; and the production writer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_ORIGIN, rewriteManifestOrigin } from '../scripts/manifest-origin';
import { strings } from '../src/text/strings';
import { childrenNamed, descendants, parseXml, type XmlElement } from './support/xml';

const ROOT = join(__dirname, '..');
const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(source);
const all = descendants(manifest);

function only(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0];
}

/** Every URL the manifest holds: attribute values (namespaces aside) and AppDomain texts. */
function urlsOf(elements: XmlElement[]): string[] {
  return elements.flatMap((e) => [
    ...Object.entries(e.attributes)
      .filter(([name, value]) => !name.startsWith('xmlns') && /^https?:/i.test(value))
      .map(([, value]) => value),
    ...(e.name === 'AppDomain' ? [e.text.trim()] : []),
  ]);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const versionOverrides = only(manifest, 'VersionOverrides');
const resources = only(versionOverrides, 'Resources');
const resourceIds = (group: string, item: string) =>
  new Set(childrenNamed(only(resources, group), item).map((e) => e.attributes.id));
const images = resourceIds('bt:Images', 'bt:Image');
const urls = resourceIds('bt:Urls', 'bt:Url');
const texts = new Set([...resourceIds('bt:ShortStrings', 'bt:String'), ...resourceIds('bt:LongStrings', 'bt:String')]);

describe('manifest.xml', () => {
  it('is one task-pane add-in with a fixed GUID and a Vietnamese name', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(only(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(only(manifest, 'DefaultLocale').text).toBe('vi-VN');
    expect(only(manifest, 'DisplayName').attributes.DefaultValue).toBe('Báo cáo chuyển đổi số');
  });

  it('serves both hosts, Workbook and Document, each with a Home-tab button that opens the taskpane', () => {
    expect(childrenNamed(only(manifest, 'Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook', 'Document']);
    const hosts = childrenNamed(only(versionOverrides, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.attributes['xsi:type'])).toEqual(['Workbook', 'Document']);
    for (const host of hosts) {
      const inside = descendants(host);
      expect(inside.find((e) => e.name === 'OfficeTab')?.attributes.id).toBe('TabHome');
      const action = inside.find((e) => e.name === 'Action');
      expect(action?.attributes['xsi:type']).toBe('ShowTaskpane');
      expect(only(action as XmlElement, 'SourceLocation').attributes.resid).toBe('Taskpane.Url');
    }
  });

  it('declares no API requirement set: features are detected at run time', () => {
    expect(all.filter((e) => e.name === 'Requirements' || e.name === 'Set')).toEqual([]);
  });

  it('resolves every resid to a resource of the right kind', () => {
    const referencing = all.filter((e) => e.attributes.resid !== undefined);
    expect(referencing.length).toBeGreaterThan(20);
    for (const e of referencing) {
      const id = e.attributes.resid;
      expect(id.length).toBeLessThanOrEqual(32);
      const pool = e.name === 'bt:Image' ? images : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(e.name) ? urls : texts;
      expect({ element: e.name, resid: id, resolved: pool.has(id) }).toEqual({ element: e.name, resid: id, resolved: true });
    }
  });

  it('keeps short strings within Office limits (125 characters)', () => {
    for (const s of childrenNamed(only(resources, 'bt:ShortStrings'), 'bt:String')) {
      expect(s.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    }
  });

  it('names the ribbon button as the taskpane tells users to click it', () => {
    const label = childrenNamed(only(resources, 'bt:ShortStrings'), 'bt:String').find((s) => s.attributes.id === 'TaskpaneButton.Label');
    expect(label?.attributes.DefaultValue).toBe(strings.ribbonButtonLabel);
  });

  it('puts every URL on the one development origin', () => {
    const found = urlsOf(all);
    expect(found.length).toBeGreaterThan(8);
    expect(new Set(found.map((u) => new URL(u).origin))).toEqual(new Set([DEV_ORIGIN]));
  });

  it('points only at pages the build emits and icons that exist, at their declared sizes', () => {
    const iconUrls = [
      ...childrenNamed(only(resources, 'bt:Images'), 'bt:Image').map((e) => ({ url: e.attributes.DefaultValue, size: e.attributes.id })),
      { url: only(manifest, 'IconUrl').attributes.DefaultValue, size: '64' },
      { url: only(manifest, 'HighResolutionIconUrl').attributes.DefaultValue, size: '128' },
    ];
    for (const { url, size } of iconUrls) {
      const file = join(ROOT, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const side = Number(/\d+/.exec(size)?.[0]);
      expect(pngSize(file)).toEqual({ width: side, height: side });
    }
    const pages = urlsOf(all)
      .map((u) => new URL(u).pathname)
      .filter((p) => p.endsWith('.html'));
    expect(new Set(pages)).toEqual(new Set(['/taskpane.html', '/commands.html']));
    expect(existsSync(join(ROOT, 'src/taskpane/taskpane.html'))).toBe(true);
    expect(existsSync(join(ROOT, 'src/commands/commands.html'))).toBe(true);
  });
});

describe('the production manifest writer', () => {
  const origin = 'https://cds.nghean.gov.vn';
  const rewritten = rewriteManifestOrigin(source, origin);

  it('moves every URL to ADDIN_ORIGIN', () => {
    expect(rewritten).not.toContain(DEV_ORIGIN);
    const found = urlsOf(descendants(parseXml(rewritten)));
    expect(found).toHaveLength(urlsOf(all).length);
    expect(new Set(found.map((u) => new URL(u).origin))).toEqual(new Set([origin]));
  });

  it('changes nothing else', () => {
    expect(rewritten.split(origin).join(DEV_ORIGIN)).toBe(source);
  });

  it('accepts a trailing slash and a port', () => {
    expect(rewriteManifestOrigin(source, `${origin}/`)).toBe(rewritten);
    expect(rewriteManifestOrigin(source, 'https://10.0.0.5:8443')).toContain('https://10.0.0.5:8443/taskpane.html');
  });

  it.each(['http://cds.nghean.gov.vn', 'https://cds.nghean.gov.vn/addin', 'cds.nghean.gov.vn', 'https://user@cds.nghean.gov.vn', ''])(
    'refuses %p, which Office could not load the add-in from',
    (bad) => {
      expect(() => rewriteManifestOrigin(source, bad)).toThrow(/ADDIN_ORIGIN/);
    },
  );
});
