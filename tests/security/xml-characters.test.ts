// Attack 4: code points XML cannot hold (U+FFFE, U+FFFF, lone surrogates, C0 controls) typed or
// pasted into a free-text field were stored and made the report .docx unreadable. Every text field
// removes them before the content hash, so the stored report and every document made from it open.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { xmlSafe } from '../../src/core/text';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { indicatorReport, taskReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';

const BAD: Array<[string, string]> = [
  ['U+0000', '\u0000'],
  ['U+0001', '\u0001'],
  ['U+0008', '\u0008'],
  ['U+000E', '\u000e'],
  ['U+001F', '\u001f'],
  ['U+FFFE', '\ufffe'],
  ['U+FFFF', '\uffff'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udfff'],
  ['a reversed surrogate pair', '\udc00\ud800'],
];

/** Every XML part of an Office file parses with a strict XML 1.0 parser. */
async function everyPartIsXml(file: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(file);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(entry.name)) continue;
    const parser = new SaxesParser({ xmlns: false });
    let error: Error | null = null;
    parser.on('error', (e) => {
      error ??= e;
    });
    parser.write(await entry.async('string')).close();
    expect([entry.name, error]).toEqual([entry.name, null]);
  }
}

describe('xmlSafe', () => {
  it.each(BAD)('removes %s and keeps what XML holds, emoji and Vietnamese included', (_name, bad) => {
    expect(xmlSafe(`Ghi${bad}chú 😀\tđủ\r\n`)).toBe('Ghichú 😀\tđủ\r\n');
  });
});

describeEachDatabase('characters XML cannot hold', (database) => {
  let t: TestApp;
  const clerk = as(principal('reporter', SKHCN));
  const head = as(principal('approver', SKHCN));
  beforeAll(async () => {
    t = await testApp(database);
  });
  afterAll(async () => t.close());

  const send = (body: object) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: body });

  it.each(BAD)('%s in an indicator note, a task result, obstacle and proposal is removed before the hash, and the .docx opens', async (_name, bad) => {
    const dirty = indicatorReport({ period: '2026-H1', rows: [{ id: 'ct-01', value: '72,5%', note: `Số liệu${bad} quý${bad}` }] });
    const clean = indicatorReport({ period: '2026-H1', rows: [{ id: 'ct-01', value: '72,5%', note: 'Số liệu quý' }] });
    const stored = await send(dirty);
    expect(stored.statusCode).toBeLessThan(300);
    expect(xmlSafe(JSON.stringify(stored.json()))).toBe(JSON.stringify(stored.json()));
    // The same content as the clean text: the same hash (answered as that revision).
    expect((await send(clean)).json().contentHash).toBe(stored.json().contentHash);
    const docx = await t.app.inject({ url: `/api/submissions/${stored.json().id}/report.docx`, headers: clerk });
    expect(docx.statusCode).toBe(200);
    await everyPartIsXml(docx.rawPayload);

    const tasks = await send(taskReport(SKHCN, { period: '2026-H1', rows: [{ id: 'nv-01', status: 'Hoàn thành', progress: 100, result: `Kết quả${bad}`, obstacles: `${bad}Vướng mắc`, proposal: `Đề xuất${bad}` }] }));
    expect(tasks.statusCode).toBeLessThan(300);
    const taskDocx = await t.app.inject({ url: `/api/submissions/${tasks.json().id}/report.docx`, headers: clerk });
    await everyPartIsXml(taskDocx.rawPayload);

    const returned = await t.app.inject({ method: 'POST', url: `/api/submissions/${tasks.json().id}/return`, headers: head, payload: { comment: `Bổ sung${bad} số liệu` } });
    expect(returned.statusCode).toBe(200);
    const read = await t.app.inject({ url: `/api/submissions/${tasks.json().id}`, headers: head });
    expect(read.body).not.toMatch(/\\u0000|\\u00[01][0-9a-f]|\\uff?f[ef]|\\ud[89a-f]/i);
    await everyPartIsXml((await t.app.inject({ url: `/api/submissions/${tasks.json().id}/report.docx`, headers: clerk })).rawPayload);
  });
});
