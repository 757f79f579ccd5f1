// The Word adapter against the fake Word host: the report is written in one round trip, with the
// tables' rows, the layout of Nghị định 30 and the binding the approval reads back.
import JSZip from 'jszip';
import QRCode from 'qrcode';
import type { Unit } from '../../src/core/catalogue-types';
import { buildReportModel, unitKindOf, type ReportModel, type ReportSubmission } from '../../src/core/report';
import { wordReportHost, WordError } from '../../src/office/word';
import { documentXmlText } from '../../src/server/document-text';
import { reportDocx } from '../../src/server/report-docx';
import { loadCatalogue } from '../core/fixtures/catalogue';
import { documentXml, installFakeWord, type FakeWord } from '../support/fake-word';

const catalogue = loadCatalogue();
const unit: Unit = { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' };
const HASH = 'c'.repeat(64);
const head = { submissionId: 'sub-42', revision: 3, contentHash: HASH, planId: catalogue.planId, unitId: 'so-khcn', period: '2026-Q2' };

const indicators: ReportSubmission = {
  ...head, kind: 'indicators',
  rows: catalogue.indicators.map((i) => ({ id: i.id, value: i.form.kind === 'rate' ? { kind: 'rate', percent: 75.5 } : null, note: null })),
};
const tasks: ReportSubmission = {
  ...head, kind: 'tasks',
  rows: catalogue.tasks.map((t) => ({ id: t.id, status: 'onTrack', progress: 50, result: null, obstacles: null, proposal: null, completedOn: null })),
};
let QR_PNG = '';
beforeAll(async () => { QR_PNG = (await QRCode.toBuffer('https://bc.example/verify/K7M2-9QXA')).toString('base64'); });
const model = (s: ReportSubmission): ReportModel => buildReportModel(catalogue, s, unit, { date: '2026-07-02', number: '7' });

describe('Word adapter on the fake host', () => {
  let word: FakeWord;
  beforeEach(() => {
    word = installFakeWord({ latencyMs: 1 });
  });
  afterEach(() => word.uninstall());

  it.each([
    ['51 indicators', indicators, catalogue.indicators.length],
    ['57 tasks', tasks, catalogue.tasks.length],
  ])('writes the report of %s in one Word.run and one sync', async (_name, submission, rows) => {
    await wordReportHost.writeReport(model(submission));
    expect(word.host).toMatchObject({ runCount: 1, syncCount: 1 });
    const [header, data, signature] = word.tables();
    expect(word.tables()).toHaveLength(3);
    expect(word.tableValues(data)).toHaveLength(rows + 1);
    expect(word.tableValues(data).slice(1).map((r) => r[0])).toEqual(
      (submission.kind === 'indicators' ? catalogue.indicators : catalogue.tasks).map((x) => (x.no === null ? '' : String(x.no))),
    );
    expect(data).toMatchObject({ styleBuiltIn: 'TableGrid', headerRowCount: 1, font: { name: 'Times New Roman', size: 12 } });
    expect(data.rows[0].font.bold).toBe(true);
    expect(header.borders.All).toBe('None');
    expect(signature.borders.All).toBe('None');
  });

  it('lays the header, title, body and signature out as Nghị định 30 prescribes', async () => {
    await wordReportHost.writeReport(model(indicators));
    const [header, , signature] = word.tables();
    expect(word.tableValues(header)).toEqual([
      ['UBND TỈNH NGHỆ AN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n────────', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số: 7/BC-SKHCN', 'Nghệ An, ngày 02 tháng 7 năm 2026'],
    ]);
    const [parent, agency] = header.cells[0][0].paragraphs;
    expect(parent.font).toMatchObject({ bold: false, size: 12, name: 'Times New Roman' });
    expect(agency.font).toMatchObject({ bold: true, size: 12 });
    expect(header.cells[0][1].paragraphs[1].font).toMatchObject({ bold: true, size: 13, underline: 'Single' });
    expect(header.cells[1][1].paragraphs[0].font.italic).toBe(true);
    expect(word.doc.pageSetup).toEqual({ paperSize: 'A4', orientation: 'Portrait', topMargin: 56.7, bottomMargin: 56.7, leftMargin: 85, rightMargin: 42.5 });

    const lines = word.lines();
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý II');
    const body = word.doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('Thực hiện Kế hoạch'));
    expect(body).toMatchObject({ alignment: 'Justified', firstLineIndent: 36, font: { size: 14, bold: false } });

    const [recipients, signer] = signature.cells[0];
    expect(recipients.paragraphs[0]).toMatchObject({ text: 'Nơi nhận:', font: { bold: true, italic: true, size: 12 } });
    expect(recipients.paragraphs.at(-1)).toMatchObject({ text: '- Lưu: VT, SKHCN.', font: { size: 11 } });
    expect(signer.paragraphs.map((p) => p.text)).toEqual(['GIÁM ĐỐC', '……………………………']);
  });

  it('skips the page setup, without failing, on a Word without WordApiDesktop 1.3', async () => {
    word.uninstall();
    word = installFakeWord({ requirementSets: { WordApi: '1.3' } });
    await wordReportHost.writeReport(model(indicators));
    expect(word.doc.pageSetup).toEqual({});
    expect(word.tables()).toHaveLength(3);
  });

  it('refuses, in Vietnamese and before touching the document, on a Word without WordApi 1.3', async () => {
    word.uninstall();
    word = installFakeWord({ requirementSets: { WordApi: '1.2' } });
    await expect(wordReportHost.writeReport(model(indicators))).rejects.toThrow(/Word 2019, 2021, Microsoft 365 hoặc Word trên web/);
    expect(word.host.runCount).toBe(0);
  });

  it('replaces an earlier report instead of appending to it', async () => {
    await wordReportHost.writeReport(model(indicators));
    await wordReportHost.writeReport(model(tasks));
    expect(word.tables()).toHaveLength(3);
    expect(word.controls('cds-report')).toHaveLength(1);
  });

  it('binds the document to the revision it shows, read back in one sync', async () => {
    expect(await wordReportHost.readReportBinding()).toBeNull();
    await wordReportHost.writeReport(model(indicators));
    const before = word.host.syncCount;
    expect(await wordReportHost.readReportBinding()).toEqual({ submissionId: 'sub-42', revision: 3, contentHash: HASH });
    expect(word.host.syncCount - before).toBe(1);
    expect(word.controls('cds-report')[0].control).toEqual({ tag: 'cds-report', title: 'Báo cáo' });
  });

  it('binds a monitoring agency’s extract to nothing, even over a document that held a whole report', async () => {
    await wordReportHost.writeReport(model(tasks));
    expect(await wordReportHost.readReportBinding()).not.toBeNull();
    // Every task a monitoring agency of the plan follows: the extract it reads (docs/security.md).
    for (const monitor of [...new Set(catalogue.tasks.flatMap((t) => t.monitor.flatMap((r) => (r.kind === 'unit' ? [r.unitId] : []))))]) {
      const mine = catalogue.tasks.filter((t) => t.monitor.some((r) => r.kind === 'unit' && r.unitId === monitor)).map((t) => t.id);
      const extract: ReportSubmission = { ...tasks, rows: tasks.rows.filter((r) => mine.includes(r.id)), extract: { monitorUnitIds: [monitor], taskIds: mine } } as ReportSubmission;
      await wordReportHost.writeReport(model(extract));
      expect(await wordReportHost.readReportBinding()).toBeNull();
      expect(word.tables()).toHaveLength(2); // header and data: no signature block
      expect(word.tableValues(word.tables()[1])).toHaveLength(mine.length + 1);
    }
  });

  it('reads no binding from a report line edited beyond reading', async () => {
    await wordReportHost.writeReport(model(indicators));
    word.controls('cds-report')[0].text = 'Mã báo cáo: sub-42 | Lần nộp: 3';
    expect(await wordReportHost.readReportBinding()).toBeNull();
  });

  it('records the approval in a "cds-approval" control, replacing an earlier one', async () => {
    await wordReportHost.writeReport(model(indicators));
    const before = word.host.syncCount;
    await wordReportHost.recordApproval({ approver: 'Nguyễn Văn A (lanhdao)', at: '2026-07-02T03:04:05.000Z', contentHash: HASH });
    expect(word.host.syncCount - before).toBe(2);
    await wordReportHost.recordApproval({ approver: 'Trần Thị B', at: '2026-07-03T03:04:05.000Z', contentHash: HASH });
    expect(word.controls('cds-approval')).toHaveLength(1);
    expect(await wordReportHost.readApproval()).toEqual({ approver: 'Trần Thị B', at: '2026-07-03T03:04:05.000Z', contentHash: HASH });
  });

  it('turns an Office error into a Vietnamese WordError', async () => {
    word.host.failNextSync = 'AccessDenied';
    const failure = wordReportHost.writeReport(model(indicators));
    await expect(failure).rejects.toBeInstanceOf(WordError);
    await expect(wordReportHost.readReportBinding()).resolves.toBeNull();
  });
});

describe('the fake host keeps Office.js proxy semantics', () => {
  let word: FakeWord;
  beforeEach(() => {
    word = installFakeWord();
  });
  afterEach(() => word.uninstall());

  it('refuses to read a property before load and sync, and applies writes only at sync', async () => {
    await Word.run(async (context) => {
      const p = context.document.body.insertParagraph('Xin chào', 'End');
      expect(word.lines()).toEqual(['']);
      p.load('text');
      expect(() => p.text).toThrow(/load/);
      await context.sync();
      expect(p.text).toBe('Xin chào');
      expect(word.lines()).toEqual(['', 'Xin chào']);
    });
    expect(word.host.syncCount).toBe(1);
  });

  it('checks the shape of a table’s values', async () => {
    await expect(Word.run(async (context) => {
      context.document.body.insertTable(2, 2, 'End', [['a', 'b']]);
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('the report written in Word says what the server’s .docx says', () => {
  // One unit of each kind the plan names, and a commune: the words up to the verification block are
  // the .docx's, so the code the server issues for its .docx vouches for the document Word saves.
  const kinds = catalogue.units.filter((u, i, all) => all.findIndex((x) => unitKindOf(x).id === unitKindOf(u).id) === i);
  const cases: [string, Unit][] = [...kinds, { id: 'xa-quynh-luu', name: 'Xã Quỳnh Lưu', classes: ['cap-xa'], level: 'commune' } as Unit].map((u) => [`${unitKindOf(u).id}: ${u.name}`, u]);
  let word: FakeWord;
  beforeEach(() => { word = installFakeWord(); });
  afterEach(() => word.uninstall());

  it('covers more than one kind of unit', () => expect(new Set(cases.map(([k]) => k.split(':')[0])).size).toBeGreaterThanOrEqual(5));

  it.each(cases)('%s', async (_name, u) => {
    for (const s of [indicators, tasks]) {
      const withObstacles = s.kind === 'tasks' ? { ...s, unitId: u.id, rows: s.rows.map((r, i) => ({ ...r, obstacles: i % 9 === 0 ? 'Thiếu nhân lực\nvà kinh phí' : null })) } : { ...s, unitId: u.id };
      const m: ReportModel = {
        ...buildReportModel(catalogue, withObstacles as ReportSubmission, u, { date: '2026-07-02', signingAs: 'deputy' }),
        verification: { code: 'K7M2-9QXA', url: 'https://bc.example/verify/K7M2-9QXA', qrPng: QR_PNG },
      };
      await wordReportHost.writeReport(m);
      const written = documentXmlText(documentXml(word.doc));
      const server = documentXmlText(await (await JSZip.loadAsync(await reportDocx(m))).file('word/document.xml')!.async('string'));
      expect(written).toBe(server);
      expect(written).toContain(m.header.agency.replace('\n', ' '));
      expect(written).toContain(m.signature!.title);
    }
  });
});

describe('the foot of a report written in Word', () => {
  let word: FakeWord;
  beforeEach(() => { word = installFakeWord(); });
  afterEach(() => word.uninstall());
  const verified = (m: ReportModel): ReportModel => ({ ...m, verification: { code: 'K7M2-9QXA', url: 'https://bc.example/verify/K7M2-9QXA', qrPng: QR_PNG } });

  it('keeps the closing sentence and the blank line with the signature block, still in one sync', async () => {
    await wordReportHost.writeReport(model(tasks));
    expect(word.host.syncCount).toBe(1);
    const signatureAt = word.doc.blocks.indexOf(word.tables()[2]);
    const [closing, blank] = word.doc.blocks.slice(signatureAt - 2, signatureAt);
    expect(closing).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Trên đây là báo cáo .*\/\.$/u), keepWithNext: true, keepTogether: true, alignment: 'Justified', font: { size: 14, name: 'Times New Roman' } });
    expect(blank).toMatchObject({ kind: 'paragraph', text: '', keepWithNext: true });
  });

  it('prints the QR code and the code under the signer, in the signature row, before the binding line and the approval', async () => {
    await wordReportHost.writeReport(verified(model(indicators)));
    await wordReportHost.recordApproval({ approver: 'Nguyễn Văn A', at: '2026-07-02T03:04:05.000Z', contentHash: HASH });
    const signatureTable = word.tables()[2];
    // The row never splits, so the QR code stays on the signature's page (as in the server's .docx).
    const signer = signatureTable.cells[0][1].paragraphs;
    const name = signer.findIndex((p) => p.text === model(indicators).signature!.name);
    expect(signer.slice(name + 1).map((p) => p.text.split(':')[0])).toEqual(['', 'Mã xác thực']);
    expect(signer[name + 1]).toMatchObject({ alignment: 'Centered', pictures: [{ base64: QR_PNG, width: 57, height: 57, altTextTitle: 'Mã QR xác thực', altTextDescription: 'https://bc.example/verify/K7M2-9QXA' }] });
    expect(signer[name + 2]).toMatchObject({ text: 'Mã xác thực: K7M2-9QXA. Kiểm tra tại https://bc.example/verify/K7M2-9QXA', alignment: 'Centered', font: { italic: true, size: 10 } });
    const after = word.doc.blocks.slice(word.doc.blocks.indexOf(signatureTable) + 1);
    expect(after.map((b) => (b.kind === 'paragraph' ? b.text.split(':')[0] : 'table'))).toEqual(['Mã báo cáo', 'Đã ký duyệt']);
    // What the code vouches for stops at the code: the binding line and the approval are not in it.
    expect(documentXmlText(documentXml(word.doc))).not.toMatch(/Mã báo cáo|Đã ký duyệt/u);
  });

  it('writes no verification block for a model without a code', async () => {
    await wordReportHost.writeReport(model(indicators));
    expect(word.lines().some((l) => l.startsWith('Mã xác thực'))).toBe(false);
  });

  it('fails the whole batch, writing nothing, on a picture that is not an image (as Word does)', async () => {
    await expect(wordReportHost.writeReport({ ...verified(model(indicators)), verification: { code: 'K7M2-9QXA', url: 'https://x/verify/K7M2-9QXA', qrPng: 'bm90IGFuIGltYWdl' } })).rejects.toBeInstanceOf(WordError);
  });
});
