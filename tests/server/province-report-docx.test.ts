// The consolidated report's .docx read two ways (docs/province-report.md): LibreOffice prints it
// and the PDF's text must hold every section, every indicator and every unit not reported or late –
// for the demo data and for a period with no reports; and the file itself carries the decree's
// layout (Nghị định 30/2020, Phụ lục I).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { ProvinceReportContent } from '../../src/core/report';
import { convertToPdf, renderPng, requireSoffice } from '../support/office-pdf';
import { defaultSeedsDir, loadCatalogues } from '../../src/server/catalogues';
import { sqliteTestDatabase } from './support/databases';
import { demoApp, type DemoApp } from './support/demo-app';

const CATALOGUE = loadCatalogues(defaultSeedsDir).get('nghe-an-1174-2026')!;
const bare = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');
/** Words without the punctuation that ends them ("(demo)." and "(demo)" are one word). */
const words = (s: string): string[] => s.normalize('NFC').split(/\s+/u).map((w) => w.replace(/[.,;:]+$/u, '')).filter(Boolean);

/**
 * Whether every word of `text` is printed, in order, close together: pdftotext may interleave a
 * wrapped cell's lines with the next cell's, but a cut-off or missing text fails.
 */
function printedInOrder(pdfWords: readonly string[], text: string): boolean {
  const want = words(text);
  for (let start = pdfWords.indexOf(want[0]); start !== -1; start = pdfWords.indexOf(want[0], start + 1)) {
    let at = start;
    let i = 1;
    for (; i < want.length && at - start < want.length * 2 + 30; i++) {
      const next = pdfWords.indexOf(want[i], at + 1);
      if (next === -1) break;
      at = next;
    }
    if (i === want.length && at - start < want.length * 2 + 30) return true;
  }
  return false;
}
const SECTIONS = [
  'I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', 'III. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ',
  'IV. CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN', 'V. KHÓ KHĂN, VƯỚNG MẮC', 'VI. ĐỀ XUẤT, KIẾN NGHỊ', 'VII. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
];

describe('the consolidated report as a document', () => {
  let d: DemoApp;
  beforeAll(async () => {
    d = await demoApp(sqliteTestDatabase);
  });
  afterAll(async () => d.close());

  async function generated(period: string) {
    const headers = await d.as('demo.tonghop');
    const r = await d.app.inject({ method: 'POST', url: '/api/province-reports', headers, payload: { planId: 'nghe-an-1174-2026', period } });
    expect([200, 201]).toContain(r.statusCode);
    const body = r.json() as { id: string; content: ProvinceReportContent };
    const docx = await d.app.inject({ method: 'GET', url: `/api/province-reports/${body.id}/report.docx?date=2026-01-05&number=7`, headers });
    expect(docx.statusCode).toBe(200);
    return { content: body.content, file: docx.rawPayload };
  }

  it('carries the decree’s page, fonts, header, title and signature in the file itself', async () => {
    const { file } = await generated('2026-H1');
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
    const attr = (tag: string, name: string) => Number(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml)?.[1]);
    expect(Math.abs(attr('pgSz', 'w') - twips(210))).toBeLessThanOrEqual(2);
    expect(Math.abs(attr('pgSz', 'h') - twips(297))).toBeLessThanOrEqual(2);
    expect(Math.abs(attr('pgMar', 'left') - twips(30))).toBeLessThanOrEqual(2);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    const runOf = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`);
      expect(at).toBeGreaterThan(0);
      const props = xml.slice(xml.lastIndexOf('<w:r>', at), at);
      return { bold: /<w:b\/>/.test(props), italic: /<w:i\/>/.test(props), size: Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1]) / 2 };
    };
    expect(runOf('UBND TỈNH NGHỆ AN')).toMatchObject({ bold: false });
    expect(runOf('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toMatchObject({ bold: true });
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true });
    expect(runOf('Số: 7/BC-SKHCN')).toMatchObject({ bold: false });
    expect(runOf('Nghệ An, ngày 05 tháng 01 năm 2026')).toMatchObject({ italic: true });
    expect(runOf('BÁO CÁO')).toMatchObject({ bold: true, size: 14 });
    // The trích yếu names the year once: "… năm 2026, 6 tháng đầu năm", not "… 6 tháng đầu năm 2026" again.
    expect(runOf('Tổng hợp kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, 6 tháng đầu năm')).toMatchObject({ bold: true });
    expect(runOf('GIÁM ĐỐC')).toMatchObject({ bold: true });
    expect(runOf('Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(xml).toMatch(/>- Lưu: VT, SKHCN\.<\/w:t>/);
    // The signature block stays with the closing paragraph: that paragraph keeps with the next,
    // and the signature row is never split across pages.
    const closing = xml.lastIndexOf('<w:p>', xml.indexOf('Trên đây là báo cáo tổng hợp'));
    expect(xml.slice(closing, xml.indexOf('Trên đây là báo cáo tổng hợp'))).toMatch(/<w:keepNext\/>/);
    const signatureRow = xml.lastIndexOf('<w:tr>', xml.indexOf('>Nơi nhận:<'));
    expect(xml.slice(signatureRow, xml.indexOf('>Nơi nhận:<'))).toMatch(/<w:cantSplit\/>/);
    // The verification code and its QR image close the document.
    expect(xml).toMatch(/Mã xác thực: [0-9A-Z]{4}-[0-9A-Z]{4}\. Kiểm tra tại http:\/\/localhost:3000\/verify\/[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
  });

  const pdfIt = requireSoffice('the consolidated report through LibreOffice') ? it : it.skip;

  async function printed(period: string) {
    const { content, file } = await generated(period);
    const { text, pdf, pages } = convertToPdf(file, `tong-hop-${period}.docx`);
    // Without -layout pdftotext reads a table cell as one block, so a wrapped indicator reads as one text.
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (process.env.REPORT_PNG_DIR) {
      mkdirSync(process.env.REPORT_PNG_DIR, { recursive: true });
      copyFileSync(pdf, join(process.env.REPORT_PNG_DIR, `tong-hop-${period}.pdf`));
      renderPng(pdf, join(process.env.REPORT_PNG_DIR, `tong-hop-${period}`));
    }
    return { content, text, raw: bare(raw), pdfWords: words(raw), pages };
  }

  pdfIt('prints every section, every indicator and every unit not reported or late, for the demo data', async () => {
    const { content, text, raw, pdfWords, pages } = await printed('2026-H1');
    for (const s of SECTIONS) expect(raw).toContain(bare(s));
    // Every indicator asked in a 6-month report (the yearly-only ones wait for the year).
    expect(content.indicators).toHaveLength(CATALOGUE.indicators.filter((i) => !i.yearlyOnly).length);
    for (const i of content.indicators) expect({ no: i.no, found: printedInOrder(pdfWords, i.text) }).toEqual({ no: i.no, found: true });
    expect(content.lateUnits.length).toBeGreaterThan(0);
    for (const u of content.lateUnits) expect({ unit: u.name, found: raw.includes(bare(u.name)) }).toEqual({ unit: u.name, found: true });
    // Justified paragraphs come out with spaces inside words ("b ố trí"): compared without spaces.
    for (const r of content.difficulties) expect(raw).toContain(bare(`${r.unit} (${r.task}): ${r.text}`));
    for (const g of content.taskGroups) expect(raw).toContain(bare(g.title));
    expect(text).toMatch(/UBND TỈNH NGHỆ AN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text).toMatch(/Số: 7\/BC-SKHCN\s+Nghệ An, ngày 05 tháng 01 năm 2026/);
    expect(text).toMatch(/Nơi nhận:\s+GIÁM ĐỐC/);
    // Addressed to the plan's issuer as its metadata names it, written out.
    expect(raw).toContain(bare(`Kính gửi: Ủy ban nhân dân tỉnh ${CATALOGUE.document.province}.`));
    expect(raw).toContain(bare(`- ${CATALOGUE.document.issuer} (để báo cáo);`));
    expect(raw).toContain(bare('Mã xác thực'));
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThan(30);
  }, 180_000);

  pdfIt('prints a period with no reports: no data for any indicator, every expected unit not reported', async () => {
    const { content, raw, pdfWords } = await printed('2026-9M');
    expect(content.reporting.indicators.received).toBe(0);
    // Yearly-only indicators are not asked in a quarter: every indicator asked is without data.
    expect(content.indicators.length).toBeGreaterThan(40);
    expect(content.indicatorCounts).toMatchObject({ total: content.indicators.length, met: 0, noData: content.indicators.length });
    for (const s of SECTIONS) expect(raw).toContain(bare(s));
    for (const i of content.indicators) expect({ no: i.no, found: printedInOrder(pdfWords, i.text) }).toEqual({ no: i.no, found: true });
    const missing = content.lateUnits.flatMap((u) => [u.indicators, u.tasks]).filter((st) => st === 'missing');
    expect(missing).toHaveLength(content.reporting.indicators.expected + content.reporting.tasks.expected);
    for (const u of content.lateUnits) expect(raw).toContain(bare(u.name));
    expect(raw).toContain(bare('Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.'));
  }, 180_000);
});
