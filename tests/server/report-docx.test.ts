// GET /api/submissions/:id/report.docx checked with a real word processor: LibreOffice converts the
// file to PDF and the PDF's text must hold the header lines, the table rows and the signature block.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN, SNV, SYT } from './support/catalogue';
import { sqliteTestDatabase } from './support/databases';
import { indicatorReport, taskReport } from './support/requests';
import { as, principal } from './support/test-auth';
import { execFileSync } from 'node:child_process';
import { convertManyToPdf, convertToPdf, renderPng, requireSoffice } from '../support/office-pdf';
import type { Unit } from '../../src/core/catalogue-types';
import { buildReportModel, unitKindOf, type ReportSubmission } from '../../src/core/report';
import { reportDocx } from '../../src/server/report-docx';
import { loadCatalogue } from '../core/fixtures/catalogue';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));
const otherHead = as(principal('approver', SYT));
const monitor = as(principal('consolidator', SNV));
const squash = (s: string): string => s.replace(/\s+/g, ' ');
/** Justified lines come out of pdftotext with spaces inside words ("tri ển"): compare without spaces. */
const bare = (s: string): string => s.replace(/\s+/g, '');
/**
 * Printed lines (pdftotext -layout). A cell centred in a row of several lines sits on the row's middle
 * line or half a line off it, depending on how many lines the fonts installed wrap the row's text
 * into; so "beside" means at most one line apart.
 */
const lines = (text: string): string[] => text.split('\n');
/** Whether `b` is printed on the line `a` first matches, or on the line just above or below it. */
const besideEachOther = (text: string, a: RegExp, b: RegExp): boolean => {
  const all = lines(text);
  const at = all.findIndex((line) => a.test(line));
  return at >= 0 && all.slice(Math.max(0, at - 1), at + 2).some((line) => b.test(line));
};
/** Whether a row's TT is printed below the row's first line (centred, not at the top of the row). */
const belowRowStart = (text: string, tt: RegExp, rowStart: RegExp): boolean => {
  const all = lines(text);
  const first = all.findIndex((line) => rowStart.test(line));
  return first >= 0 && all.findIndex((line) => tt.test(line)) > first;
};

describe('report.docx', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase);
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });
  afterAll(async () => t.close());

  const get = (url: string, headers = head) => t.app.inject({ method: 'GET', url, headers });

  it('is a .docx named after the period and unit, carrying the revision’s hash', async () => {
    const res = await get(`/api/submissions/${id}/report.docx?date=2026-01-05`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`bao-cao-2026-Q1-${SKHCN}-lan-1.docx`);
    expect(res.headers['x-content-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('needs the right to read the submission', async () => {
    expect((await get(`/api/submissions/${id}/report.docx`, {} as Record<string, string>)).statusCode).toBe(401);
    expect((await get(`/api/submissions/${id}/report.docx`, otherHead)).statusCode).toBe(403);
    // A monitoring agency reads task reports only, not this indicator report.
    expect((await get(`/api/submissions/${id}/report.docx`, monitor)).statusCode).toBe(403);
    expect((await get(`/api/submissions/${id}/report.docx?revision=9`)).statusCode).toBe(404);
    expect((await get('/api/submissions/nope/report.docx')).statusCode).toBe(404);
    expect((await get(`/api/submissions/${id}/report.docx?bogus=1`)).statusCode).toBe(400);
  });

  it('lets a monitoring agency read a task report of a unit whose tasks it monitors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: taskReport(SKHCN) });
    expect(res.statusCode).toBe(201);
    expect((await get(`/api/submissions/${res.json().id}/report.docx`, monitor)).statusCode).toBe(200);
  });

  it('carries the decree’s page, margins, fonts and sizes in the file itself (Nghị định 30/2020, Phụ lục I)', async () => {
    const res = await get(`/api/submissions/${id}/report.docx?date=2026-01-05`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
    const attr = (tag: string, name: string) => Number(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml)?.[1]);
    const near = (got: number, mm: number) => expect(Math.abs(got - twips(mm))).toBeLessThanOrEqual(2);
    near(attr('pgSz', 'w'), 210); // A4 portrait
    near(attr('pgSz', 'h'), 297);
    expect(xml).not.toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    near(attr('pgMar', 'top'), 20); // top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
    near(attr('pgMar', 'bottom'), 20);
    near(attr('pgMar', 'left'), 30);
    near(attr('pgMar', 'right'), 15);
    expect(styles).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/); // body 14 pt

    /** The properties of the run that prints `text`: bold, italic, size in points. */
    const runOf = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`);
      expect(at).toBeGreaterThan(0);
      const props = xml.slice(xml.lastIndexOf('<w:r>', at), at);
      return { bold: /<w:b\/>/.test(props), italic: /<w:i\/>/.test(props), size: Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1]) / 2 };
    };
    expect(runOf('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toMatchObject({ bold: true, size: 12 });
    expect(runOf('UBND TỈNH NGHỆ AN')).toMatchObject({ bold: false, size: 12 });
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true, size: 12 });
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, size: 13 });
    expect(runOf('Nghệ An, ngày 05 tháng 01 năm 2026')).toMatchObject({ italic: true });
    expect(runOf('BÁO CÁO')).toMatchObject({ bold: true, size: 14 });
    expect(runOf('Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(runOf('- Lưu: VT, SKHCN.')).toMatchObject({ size: 11 });
    expect(runOf('GIÁM ĐỐC')).toMatchObject({ bold: true });
    // Body paragraphs justified, with a first-line indent.
    const body = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('Thực hiện Kế hoạch')), xml.indexOf('Thực hiện Kế hoạch'));
    expect(body).toMatch(/<w:jc w:val="both"\/>/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLine="\d+"/);
  });

  const pdfIt = requireSoffice('the .docx report through LibreOffice') ? it : it.skip;

  pdfIt('prints, through LibreOffice, the header, the indicator rows and the signature block', async () => {
    const res = await get(`/api/submissions/${id}/report.docx?date=2026-01-05&number=12`);
    const { text, pdf, pages } = convertToPdf(res.rawPayload, 'report.docx');
    const flat = squash(text);
    if (process.env.REPORT_PNG_DIR) {
      mkdirSync(process.env.REPORT_PNG_DIR, { recursive: true });
      copyFileSync(pdf, join(process.env.REPORT_PNG_DIR, 'report.pdf'));
      writeFileSync(join(process.env.REPORT_PNG_DIR, 'report.txt'), text);
      renderPng(pdf, join(process.env.REPORT_PNG_DIR, 'report'));
    }
    // The two-column header: agency | Quốc hiệu on one line, then Tiêu ngữ, then Số | place and date.
    expect(text).toMatch(/UBND TỈNH NGHỆ AN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text).toMatch(/SỞ KHOA HỌC[^\n]*Độc lập - Tự do - Hạnh phúc/);
    expect(text).toMatch(/Số: 12\/BC-SKHCN\s+Nghệ An, ngày 05 tháng 01 năm 2026/);
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I');
    // Q1: progress towards the year's target (the final Đạt / Chưa đạt belongs to the year's report)
    expect(bare(text)).toContain(bare('Tổng số chỉ tiêu đơn vị báo cáo: 3; trong đó đã đạt mục tiêu năm: 1; chưa đạt mục tiêu năm: 2; chưa có số liệu: 0.'));
    // Table rows: TT, chỉ tiêu, mục tiêu, kết quả, đánh giá on one printed line each.
    expect(text).toMatch(/TT\s+Chỉ tiêu\s+(?:Mục tiêu\s+)?(?:2026\s+)?Kết quả\s+Đánh giá/);
    // Row 1 (5G, 72,5 % against ≥ 70 %) in a Q1 report: "Đã đạt mục tiêu năm", never the year-end "Vượt".
    expect(text).toMatch(/Tỷ lệ phủ sóng 5G trên địa bàn tỉnh[\s\S]{0,120}≥ 70%\s+72,5%/);
    expect(text).toMatch(/Đã đạt[\s\S]{0,200}mục[\s\S]{0,200}tiêu[\s\S]{0,200}năm/);
    expect(text).not.toMatch(/Vượt/);
    // A row of several printed lines: TT, target and evaluation sit on its middle line.
    expect(text).toMatch(/\n\s*11\s.*Hoàn thành/);
    expect(besideEachOther(text, /^\s*11(?:\s|$)/, /Chưa đạt|mục tiêu$/)).toBe(true);
    expect(belowRowStart(text, /^\s*11(?:\s|$)/, /Xây dựng Trung tâm/)).toBe(true);
    expect(flat).toMatch(/Xây dựng Trung tâm giám sát, điều/);
    // A count pair with its share; against 100 % of staff in Q1: "Đạt 3,75% mục tiêu năm".
    expect(bare(text)).toContain(bare('45/1.200 = 3,75%'));
    // Signature block beside Nơi nhận.
    expect(text).toMatch(/Nơi nhận:\s+GIÁM ĐỐC/);
    expect(text).toMatch(/- UBND tỉnh Nghệ An \(để báo cáo\);/);
    expect(text).toMatch(/- Lưu: VT, SKHCN\./);
    expect(pages).toBeGreaterThanOrEqual(1);
  }, 120_000);

  pdfIt('prints a task report: deadline states on the report date, proposals, the monitoring agency and a KT. signature', async () => {
    const posted = await t.app.inject({
      method: 'POST', url: '/api/submissions', headers: clerk,
      payload: taskReport(SKHCN, { period: '2026-H1', rows: [
        { id: 'nv-01', status: 'Hoàn thành', progress: 100, result: 'Đã kiện toàn Ban chỉ đạo' },
        { id: 'nv-03', status: 'Chậm tiến độ', progress: 30, obstacles: 'Thiếu nhân lực', proposal: 'Bổ sung biên chế chuyên trách' },
      ] }),
    });
    expect(posted.statusCode).toBe(201);
    const res = await get(`/api/submissions/${posted.json().id}/report.docx?date=2026-07-03&signingAs=deputy`);
    const { text } = convertToPdf(res.rawPayload, 'tasks.docx');
    const flat = squash(text);
    expect(flat).toContain('Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, 6 tháng đầu năm');
    expect(bare(text)).toContain(bare('Tổng số nhiệm vụ đơn vị báo cáo: 2; trong đó hoàn thành: 1; đang triển khai đúng tiến độ: 0; chậm tiến độ: 0; quá hạn: 1; chưa triển khai: 0.'));
    expect(text).toMatch(/TT\s+Nhiệm vụ\s+Thời hạn/);
    // Multi-line rows: TT sits on the row's middle line, with the deadline / its state beside it.
    expect(besideEachOther(text, /^\s*1(?:\s|$)/, /I\/2026\s+\(100%\)/)).toBe(true);
    expect(besideEachOther(text, /^\s*3(?:\s|$)/, /Quá hạn/)).toBe(true);
    expect(belowRowStart(text, /^\s*1(?:\s|$)/, /Kiện toàn bộ máy/)).toBe(true);
    expect(belowRowStart(text, /^\s*3(?:\s|$)/, /Ban hành quy chế/)).toBe(true);
    // "Chậm tiến độ (30%)" in its cell, however the neighbouring cells' lines fall between its own.
    expect(bare(text)).toMatch(/Chậmtiến.{0,80}độ.{0,80}\(30%\)/);
    expect(bare(text)).toContain(bare('- Nhiệm vụ 3: Bổ sung biên chế chuyên trách'));
    expect(text).toMatch(/Nơi nhận:\s+KT\. GIÁM ĐỐC/);
    expect(text).toMatch(/- UBND tỉnh Nghệ An \(để báo cáo\);\s+PHÓ GIÁM ĐỐC/);
    expect(flat).toContain('- Sở Nội vụ (để theo dõi);');
    // The obstacle has its own section, before the proposals and next period's priorities.
    expect(bare(text)).toContain(bare('II. KHÓ KHĂN, VƯỚNG MẮC - Nhiệm vụ 3: Thiếu nhân lực.'));
    expect(bare(text)).toContain(bare('IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI 1. Khẩn trương hoàn thành các nhiệm vụ đã quá hạn: số 3.'));
  }, 120_000);

  it('keeps the closing sentence, whole, with the signature block, and the signature row unsplit', async () => {
    const res = await get(`/api/submissions/${id}/report.docx?date=2026-01-05`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
    const closing = paragraphs.findIndex((p) => p.includes('Trên đây là báo cáo'));
    expect(paragraphs[closing]).toMatch(/<w:keepNext\/>/);
    expect(paragraphs[closing]).toMatch(/<w:keepLines\/>/);
    // The blank line after it keeps with the signature table, whose one row does not split.
    expect(paragraphs[closing + 1]).toMatch(/<w:keepNext\/>/);
    expect(paragraphs[closing + 1]).not.toMatch(/<w:t/);
    const signatureTable = xml.slice(xml.indexOf('<w:tbl>', xml.indexOf('Trên đây là báo cáo')));
    expect(signatureTable.slice(0, signatureTable.indexOf('Nơi nhận:'))).toMatch(/<w:cantSplit\/>/);
  });
});

describe('the form of each kind of unit, printed through LibreOffice (Nghị định 30/2020)', () => {
  const catalogue = loadCatalogue();
  const submission = (unitId: string): ReportSubmission => ({
    submissionId: 's-1', revision: 1, contentHash: 'a'.repeat(64), planId: catalogue.planId, unitId, period: '2026-Q1', kind: 'tasks',
    rows: catalogue.tasks.slice(0, 6).map((t, i) => ({ id: t.id, status: (['done', 'late', 'notStarted'] as const)[i % 3], progress: null, result: null, obstacles: i === 1 ? 'Chưa bố trí được kinh phí' : null, proposal: null, completedOn: null })),
  });
  // A commune, a sở, and bodies outside the People's Committee: header lines, number, place, signer.
  const CASES: [string, Unit, { top: string; number: string; place: string; signer: RegExp }][] = [
    ['commune', { id: 'xa-quynh-luu', name: 'Xã Quỳnh Lưu', classes: ['cap-xa'], level: 'commune' },
      { top: 'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM XÃ QUỲNH LƯU Độc lập', number: 'Số: …/BC-UBND', place: 'Quỳnh Lưu, ngày 05 tháng 4 năm 2026', signer: /TM\. ỦY BAN NHÂN DÂN\s+[\s\S]*?KT\. CHỦ TỊCH\s+[\s\S]*?PHÓ CHỦ TỊCH/ }],
    ['department', { id: 'so-y-te', name: 'Sở Y tế', classes: ['so-ban-nganh'], level: 'province' },
      { top: 'UBND TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ Độc lập', number: 'Số: …/BC-SYT', place: 'Nghệ An, ngày 05 tháng 4 năm 2026', signer: /KT\. GIÁM ĐỐC\s+[\s\S]*?PHÓ GIÁM ĐỐC/ }],
    ['provincialPolice', { id: 'cong-an-tinh', name: 'Công an tỉnh', classes: ['so-ban-nganh'], level: 'province' },
      { top: 'BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG AN TỈNH NGHỆ AN Độc lập', number: 'Số: …/BC-CAT-PV01', place: 'Nghệ An, ngày 05 tháng 4 năm 2026', signer: /KT\. GIÁM ĐỐC\s+[\s\S]*?PHÓ GIÁM ĐỐC/ }],
    ['militaryCommand', { id: 'bo-chqs-tinh', name: 'Bộ Chỉ huy Quân sự tỉnh', classes: ['so-ban-nganh'], level: 'province' },
      { top: 'QUÂN KHU 4 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BỘ CHỈ HUY QUÂN SỰ TỈNH', number: 'Số: …/BC-BCH', place: 'Nghệ An, ngày 05 tháng 4 năm 2026', signer: /KT\. CHỈ HUY TRƯỞNG\s+[\s\S]*?PHÓ CHỈ HUY TRƯỞNG/ }],
  ];
  const pdfEach = requireSoffice('the unit kinds through LibreOffice') ? it.each(CASES) : it.skip.each(CASES);

  pdfEach('%s', async (kind, unit, want) => {
    const model = buildReportModel(catalogue, submission(unit.id), unit, { date: '2026-04-05', signingAs: 'deputy' });
    expect(unitKindOf(unit).id).toBe(kind);
    const { text, pdf } = convertToPdf(await reportDocx(model), `${kind}.docx`);
    if (process.env.REPORT_PNG_DIR) renderPng(pdf, join(process.env.REPORT_PNG_DIR, `kind-${kind}`));
    // pdftotext splits some letters of bold capitals ("S Ở Y TẾ"): the two columns, line by line, without spaces.
    expect(bare(text)).toContain(bare(want.top));
    expect(squash(text)).toContain(want.number);
    expect(squash(text)).toContain(want.place);
    expect(text).toMatch(want.signer);
    const order = ['II. KHÓ KHĂN, VƯỚNG MẮC', 'III. ĐỀ XUẤT, KIẾN NGHỊ', 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', 'Nơi nhận:'].map((h) => bare(text).indexOf(bare(h)));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(bare(text)).toContain(bare('Chưa bố trí được kinh phí'));
  }, 120_000);
});

describe('the verification block stays on the page of the signature, whatever the length', () => {
  const catalogue = loadCatalogue();
  const unit: Unit = { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' };
  const verification = { code: 'K7M2-9QXA', url: 'https://bc.example/verify/K7M2-9QXA' };
  // 1 to 16 task rows move the end of the body across two page breaks (before the signature moved
  // into one row with the QR code, 1, 8 and 14 rows left the QR code alone on the next page).
  const sizes = Array.from({ length: 16 }, (_, i) => i + 1);
  const pdfIt = requireSoffice('the verification block through LibreOffice') ? it : it.skip;

  pdfIt('puts Nơi nhận, the signer, the QR code and the code on one page, the code last', async () => {
    const files = await Promise.all(sizes.map(async (n) => {
      const submission: ReportSubmission = {
        submissionId: 's-1', revision: 1, contentHash: 'a'.repeat(64), planId: catalogue.planId, unitId: unit.id, period: '2026-Q1', kind: 'tasks',
        rows: catalogue.tasks.slice(0, n).map((t, i) => ({ id: t.id, status: (['done', 'late', 'notStarted'] as const)[i % 3], progress: null, result: null, obstacles: null, proposal: null, completedOn: null })),
      };
      const model = { ...buildReportModel(catalogue, submission, unit, { date: '2026-04-05' }), verification };
      return { name: `rows-${n}.docx`, bytes: await reportDocx(model) };
    }));
    const pdfs = convertManyToPdf(files);
    const seen: string[] = [];
    for (const n of sizes) {
      const pdf = pdfs.get(`rows-${n}.docx`)!;
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      const pageOf = (text: string) => pages.findIndex((p) => p.includes(text)) + 1;
      // pdfimages -list: "page num type …" – the QR code (its image and its mask) is the only picture.
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim()).map((l) => Number(l.trim().split(/\s+/)[0]));
      seen.push(`${n}: ${[pageOf('Nơi nhận:'), pageOf('GIÁM ĐỐC'), [...new Set(images)].join('+'), pageOf('Mã xác thực')].join(' ')} of ${pages.length}`);
      expect(pages[pages.length - 1].trim().endsWith('K7M2-9QXA')).toBe(true);
    }
    // Every page number the same, and the last page.
    expect(seen).toEqual(seen.map((line) => {
      const last = line.split(' of ')[1];
      return `${line.split(':')[0]}: ${[last, last, last, last].join(' ')} of ${last}`;
    }));
  }, 300_000);
});
