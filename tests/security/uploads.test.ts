// Attacks 1 and 2: uploads that cost far more than their size, uploads read before the caller's
// rights are known, and multipart bodies that are cut or carry more than one file.
import JSZip from 'jszip';
import type { Principal } from '../../src/server/auth/principal';
import { Slots } from '../../src/server/slots';
import { MAX_XML_ELEMENTS } from '../../src/server/xlsx/zip-guard';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN, SNV } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { as, principal } from '../server/support/test-auth';
import { download, XLSX } from '../server/support/xlsx';

const clerk = as(principal('reporter', SKHCN));
const BOUNDARY = '----cds-security-boundary';

/** A multipart body from raw parts, so that tests can cut it or add parts. */
function multipart(parts: ReadonlyArray<{ name: string; filename?: string; content: Buffer | string }>, close = true) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? `Content-Type: ${XLSX}\r\n` : ''}\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

/** The template with its report sheet replaced by `cells` cells in the given XML shape. */
async function swollen(template: Buffer, cells: number, cell: (ref: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const sheet = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  const rows: string[] = [];
  for (let r = 1, left = cells; left > 0; r++) {
    const n = Math.min(100, left);
    rows.push(`<row r="${r}">${Array.from({ length: n }, (_, c) => cell(`${String.fromCharCode(65 + (c % 26))}${String.fromCharCode(65 + Math.floor(c / 26))}${r}`)).join('')}</row>`);
    left -= n;
  }
  zip.file(sheet, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describeEachDatabase('hostile uploads', (database) => {
  let t: TestApp;
  let template: Buffer;
  beforeAll(async () => {
    t = await testApp(database);
    template = (await download(t.app, 'indicators', SKHCN)).rawPayload;
  });
  afterAll(async () => t.close());

  const post = (body: { payload: Buffer; headers: Record<string, string> }, who: Record<string, string> = clerk, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/imports?dryRun=true${query}`, headers: { ...who, ...body.headers }, payload: body.payload });
  const file = (content: Buffer | string) => multipart([{ name: 'file', filename: 'bao-cao.xlsx', content }]);

  const noReporting: Array<[string, Principal]> = [
    ['a province consolidator', principal('consolidator', null)],
    ['a monitoring agency', principal('consolidator', SNV)],
    ['an approver', principal('approver', SKHCN)],
    ['a user without roles', { ...principal('reporter', SKHCN), grants: [] }],
  ];
  it.each(noReporting)('refuses %s (403) before reading the file: not even a broken file is looked at', async (_who, p) => {
    const res = await post(file('không phải tệp Excel'), as(p));
    expect(res.statusCode).toBe(403);
  });

  it('refuses a clerk naming another unit (403) before reading the file', async () => {
    const res = await post(file('không phải tệp Excel'), clerk, `&unitId=${SNV}`);
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ['empty cells', (ref: string) => `<c r="${ref}"/>`],
    ['number cells', (ref: string) => `<c r="${ref}"><v>1</v></c>`],
    ['shared-string cells', (ref: string) => `<c r="${ref}" t="s"><v>0</v></c>`],
  ])('refuses a small file whose sheet holds more %s than any template (400), quickly', async (_what, cell) => {
    const bomb = await swollen(template, MAX_XML_ELEMENTS, cell);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await post(file(bomb));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/quá lớn khi giải nén/);
  });

  it('refuses a file that unpacks past 4 MB, whatever the number of elements', async () => {
    const bomb = await swollen(template, 10, (ref) => `<c r="${ref}" t="inlineStr"><is><t>${'x'.repeat(450 * 1024)}</t></is></c>`);
    expect((await post(file(bomb))).statusCode).toBe(400);
  });

  it('still reads a real template', async () => {
    expect((await post(file(template))).statusCode).toBe(200);
  });

  it('refuses a second file part (400) instead of reading one and ignoring the other', async () => {
    for (const second of [template, Buffer.from('x')]) {
      const res = await post(multipart([{ name: 'file', filename: 'a.xlsx', content: template }, { name: 'file2', filename: 'b.xlsx', content: second }]));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/một tệp/);
    }
  });

  it('refuses a file over the limit (413), never reading its first 5 MB as if whole', async () => {
    const padded = Buffer.concat([template, Buffer.alloc(5 * 1024 * 1024 - template.length + 1)]);
    const res = await post(file(padded));
    expect(res.statusCode).toBe(413);
  });

  it('refuses a body cut before its closing boundary (400), not stored', async () => {
    const cut = multipart([{ name: 'file', filename: 'bao-cao.xlsx', content: template }], false);
    const res = await post({ ...cut, payload: cut.payload.subarray(0, cut.payload.length - 100) });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('reads at most two workbooks at once: beyond that 503 with Retry-After, and other requests are served', async () => {
    const heavy = await swollen(template, Math.floor(MAX_XML_ELEMENTS / 2) - 3000, (ref) => `<c r="${ref}"/>`);
    const replies = await Promise.all([...Array.from({ length: 6 }, () => post(file(heavy))), t.app.inject({ url: '/api/health' })]);
    const uploads = replies.slice(0, 6);
    const busy = uploads.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) {
      expect(r.headers['retry-after']).toBe('5');
      expect(r.json().message).toMatch(/gửi lại sau 5 giây/);
    }
    for (const r of uploads.filter((x) => x.statusCode !== 503)) expect(r.statusCode).toBe(200);
    expect(replies[6].statusCode).toBe(200);
  });
});

describe('import slots', () => {
  it('gives out at most its size, and a slot comes back once, however often it is released', () => {
    const slots = new Slots(2);
    const a = slots.take();
    const b = slots.take();
    expect(slots.take()).toBeNull();
    a!();
    a!();
    expect(slots.inUse).toBe(1);
    expect(slots.take()).not.toBeNull();
    expect(slots.take()).toBeNull();
    b!();
  });
});
