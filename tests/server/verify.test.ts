// Verifiable documents (docs/province-report.md): every report .docx carries a short code and a
// QR code for /verify/{code}, a page without sign-in that shows plan, unit, period, revision,
// approval state and content hash – nothing else – and tells whether a .docx is the one issued.
import JSZip from 'jszip';
import { docxTextHash, documentXmlText } from '../../src/server/document-text';
import { normaliseCode } from '../../src/server/repositories/verification';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN } from './support/catalogue';
import { sqliteTestDatabase } from './support/databases';
import { edited } from './support/docx-edit';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));
const CODE = /Mã xác thực: ([0-9A-Z]{4}-[0-9A-Z]{4})\./;

const multipart = (file: Buffer) => {
  const boundary = 'verify-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

describe('verification codes and /verify', () => {
  let t: TestApp;
  let id: string;
  let hash: string;
  let docx: Buffer;
  let code: string;
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase);
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() })).json();
    id = sent.id;
    hash = sent.contentHash;
    docx = (await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/report.docx?date=2026-04-02`, headers: head })).rawPayload;
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    code = CODE.exec(xml)![1];
  });
  afterAll(async () => t.close());

  const page = (c: string) => t.app.inject({ method: 'GET', url: `/verify/${c}` });
  const check = (c: string, file: Buffer) => t.app.inject({ method: 'POST', url: `/verify/${c}`, ...multipart(file) });

  it('gives the same document the same code, and a document with other words its own', async () => {
    const again = (await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/report.docx?date=2026-04-02`, headers: head })).rawPayload;
    const xml = await (await JSZip.loadAsync(again)).file('word/document.xml')!.async('string');
    expect(CODE.exec(xml)![1]).toBe(code);
    const other = (await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/report.docx?date=2026-04-03`, headers: head })).rawPayload;
    const otherXml = await (await JSZip.loadAsync(other)).file('word/document.xml')!.async('string');
    expect(CODE.exec(otherXml)![1]).not.toBe(code);
  });

  it('shows, without signing in, plan, unit, period, revision, approval state and content hash – and not the figures', async () => {
    const res = await page(code);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    for (const shown of [code, 'Kế hoạch số 1174/KH-UBND', 'Sở Khoa học và Công nghệ', 'Quý I năm 2026', 'Chưa được phê duyệt', hash]) expect(html).toContain(shown);
    for (const hidden of ['72,5', 'ct-01', 'Tỷ lệ phủ sóng', id, 'reporter-']) expect(html).not.toContain(hidden);
  });

  it('follows the approval: approved, then reopened by the province', async () => {
    await t.app.inject({ method: 'POST', url: `/api/submissions/${id}/approve`, headers: head, payload: { contentHash: hash } });
    expect((await page(code)).body).toContain('Đã được phê duyệt');
    await t.app.inject({ method: 'POST', url: `/api/submissions/${id}/reopen`, headers: as(principal('consolidator', null)), payload: { reason: 'Sửa số liệu' } });
    expect((await page(code)).body).toContain('sau đó bị trả lại');
  });

  it('tells whether a .docx is the document issued: the same file matches, an edited one does not', async () => {
    expect((await check(code, docx)).body).toContain('Nội dung tệp khớp');
    const changed = await edited(docx, '72,5%', '92,5%');
    const res = await check(code, changed);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('KHÔNG khớp');
    expect((await check(code, Buffer.from('not a docx'))).body).toContain('không phải văn bản Word');
  });

  it('answers an unknown or malformed code with 404 and a message', async () => {
    for (const c of ['ZZZZ-ZZZZ', 'abc', '%3Cscript%3E']) {
      const res = await page(c);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Không tìm thấy văn bản nào mang mã xác thực này');
    }
  });

  it('reads a typed code loosely: lower case, O for 0, I/L for 1, no hyphen', () => {
    expect(normaliseCode('k7m2 9qxa')).toBe('K7M2-9QXA');
    expect(normaliseCode('O1IL-0000')).toBe('0111-0000');
    expect(normaliseCode('K7M29QX')).toBeNull();
  });

  it('hashes the text before the verification block, whatever the runs', async () => {
    const xml = '<w:p><w:r><w:t>Báo </w:t></w:r><w:r><w:t>cáo</w:t></w:r></w:p><w:p><w:r><w:t>Mã xác thực: AAAA-BBBB</w:t></w:r></w:p>';
    expect(documentXmlText(xml)).toBe('Báo cáo');
    expect(documentXmlText(xml.replace('<w:t>Báo </w:t></w:r><w:r><w:t>cáo</w:t>', '<w:t>Báo cáo</w:t>'))).toBe('Báo cáo');
    expect((await docxTextHash(Buffer.from('PK nope'))).ok).toBe(false);
  });

  it('reads drawn rules as layout and line breaks as spaces, so Word’s and the server’s renderings hash alike', () => {
    const drawn = '<w:p><w:r><w:t>SỞ Y TẾ</w:t></w:r></w:p><w:p><w:r><w:t>────────</w:t></w:r></w:p><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>';
    const bordered = '<w:p><w:r><w:t>SỞ Y TẾ</w:t></w:r></w:p><w:p><w:pPr><w:pBdr><w:top w:val="single"/></w:pBdr></w:pPr></w:p><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p>';
    expect(documentXmlText(drawn)).toBe('SỞ Y TẾ a b');
    expect(documentXmlText(drawn)).toBe(documentXmlText(bordered));
    // A changed word still changes the text.
    expect(documentXmlText(drawn.replace('a</w:t>', 'A</w:t>'))).not.toBe(documentXmlText(bordered));
  });

  it('gives the add-in the code of the document the same options make, with its QR code', async () => {
    const v = await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/verification?date=2026-04-02`, headers: head });
    expect(v.statusCode).toBe(200);
    expect(v.headers['cache-control']).toBe('no-store');
    const body = v.json();
    expect(body).toEqual({ code, url: expect.stringMatching(new RegExp(`/verify/${code}$`)), qrPng: expect.any(String) });
    expect(Buffer.from(body.qrPng, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    // Other words (another date, a number, a deputy signing) are another document, with its own code.
    for (const q of ['date=2026-04-03', 'date=2026-04-02&number=12', 'date=2026-04-02&signingAs=deputy']) {
      const other = (await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/verification?${q}`, headers: head })).json();
      expect(other.code).not.toBe(code);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/verification?revision=7`, headers: head })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/submissions/${id}/verification?date=hier`, headers: head })).statusCode).toBe(400);
  });

  it('gives the consolidated report’s code to who may read it, and the same code its .docx carries', async () => {
    const consolidator = as(principal('consolidator', null));
    const made = (await t.app.inject({ method: 'POST', url: '/api/province-reports', headers: consolidator, payload: { planId: 'nghe-an-1174-2026', period: '2026-Q1' } })).json();
    const v = await t.app.inject({ method: 'GET', url: `/api/province-reports/${made.id}/verification?date=2026-04-10`, headers: consolidator });
    expect(v.statusCode).toBe(200);
    const docx = (await t.app.inject({ method: 'GET', url: `/api/province-reports/${made.id}/report.docx?date=2026-04-10`, headers: consolidator })).rawPayload;
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(CODE.exec(xml)![1]).toBe(v.json().code);
    expect((await t.app.inject({ method: 'GET', url: `/api/province-reports/${made.id}/verification`, headers: as(principal('approver', 'so-y-te')) })).statusCode).toBe(403);
  });
});
