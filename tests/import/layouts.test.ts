// Every layout a plan is published in gives the same catalogue as the 2026 plan's own text:
// headings Phụ lục 01 / 1 / I with or without "số", tables one cell per line, one row per line
// (with or without outer pipes) and markdown. The fixtures are the 2026 plan's rows reshaped.
import { importPlan, serializeCatalogue } from '../../src/core/import';
import { appendixNumber } from '../../src/core/import/appendix';
import { splitPipeRow } from '../../src/core/import/layouts';
import { imported, loadReview, planText } from './plan';
import { planParts, reshape, type TableStyle } from './support/layouts';

const parts = planParts(planText);
const expected = serializeCatalogue(imported().catalogue);
const STYLES: TableStyle[] = ['cellPerLine', 'rowPerLine', 'rowPerLineOuterPipes', 'markdown', 'tabs'];
const HEADINGS: [string, string][] = [
  ['PHỤ LỤC 01', 'PHỤ LỤC 02'],
  ['PHỤ LỤC 1', 'PHỤ LỤC 2'],
  ['Phụ lục số 01', 'Phụ lục số 02'],
  ['PHỤ LỤC I', 'PHỤ LỤC II'],
  ['PHỤ LỤC SỐ I', 'PHỤ LỤC SỐ II'],
  ['Phụ lục I: DANH MỤC CHỈ TIÊU', 'Phụ lục II. DANH MỤC NHIỆM VỤ'],
  ['## Phụ lục 1', '## Phụ lục 2'],
  ['**PHỤ LỤC I**', '**PHỤ LỤC II**'],
];

describe('the 2026 plan in every layout', () => {
  const cases = STYLES.flatMap((style) => HEADINGS.map((h) => [style, h[0], h[1]] as const));
  it.each(cases)('%s under "%s" / "%s" gives the same catalogue as the text', (style, h1, h2) => {
    const r = importPlan(reshape(parts, style, [h1, h2]), { review: loadReview() });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(serializeCatalogue(r.value.catalogue)).toBe(expected);
  });

  it.each(STYLES)('%s: --review names each row by its own source line', (style) => {
    const text = reshape(parts, style);
    const r = importPlan(text, { review: loadReview() });
    if (!r.ok) throw new Error('refused');
    const lines = text.split('\n');
    const first = r.value.appendices[0].rows.find((x) => x.reading.startsWith('ct-01'));
    const line = Number(/dòng (\d+)/.exec(first?.where ?? '')?.[1]);
    expect(lines[line - 1]).toContain(style === 'cellPerLine' ? '1 |' : 'Tỷ lệ phủ sóng 5G');
    expect(r.value.appendices.map((a) => a.rows.filter((x) => /^(ct|nv)-/.test(x.reading)).length)).toEqual([51, 57]);
  });
});

describe('appendix headings', () => {
  it.each([
    ['PHỤ LỤC 01', 1],
    ['Phụ lục 1', 1],
    ['PHỤ LỤC SỐ 02', 2],
    ['Phụ lục số 2', 2],
    ['PHỤ LỤC I', 1],
    ['PHỤ LỤC II', 2],
    ['Phụ lục I: Danh mục chỉ tiêu', 1],
    ['PHỤ LỤC II DANH MỤC NHIỆM VỤ', 2],
    ['### **Phụ lục 02**', 2],
    ['Phụ lục 01 (kèm theo Kế hoạch số 1174/KH-UBND)', 1],
    ['PHỤ LỤC 01 |', 1],
    ['| PHỤ LỤC II |', 2],
  ])('"%s" is appendix %d', (line, no) => expect(appendixNumber(line)).toBe(no));

  it.each(['(Phụ lục 01 gửi kèm theo)', 'Phụ lục 01 gửi kèm theo', 'Phụ lục kèm theo', 'PHỤ LỤC 11a', 'Các phụ lục 01 và 02'])('"%s" is not a heading', (line) =>
    expect(appendixNumber(line)).toBeNull(),
  );
});

describe('splitPipeRow', () => {
  it.each([
    ['1 | Tỷ lệ phủ sóng 5G | ≥ 70%', ['1', 'Tỷ lệ phủ sóng 5G', '≥ 70%']],
    ['| 1 | Tỷ lệ phủ sóng 5G | ≥ 70% |', ['1', 'Tỷ lệ phủ sóng 5G', '≥ 70%']],
    ['| 10 | Xây dựng | Sở KH&CN |  | Theo yêu cầu |', ['10', 'Xây dựng', 'Sở KH&CN', '', 'Theo yêu cầu']],
    ['| a \\| b | c |', ['a | b', 'c']],
    ['| - a<br>- b | c |', ['- a - b', 'c']],
  ])('%s', (line, cells) => expect(splitPipeRow(line)).toEqual(cells));

  it.each(['Sở Y tế |', '|', '| --- | --- |', '|:---|---:|', 'không có ô nào'])('"%s" is not a row', (line) => expect(splitPipeRow(line)).toBeNull());
});

describe('tables as other plans print them', () => {
  it('a table split in parts, each repeating its header row, reads as one', () => {
    const [a1] = parts.appendices;
    const half = Math.floor(a1.rows.length / 2);
    const split = { ...a1, rows: [...a1.rows.slice(0, half), a1.header, ...a1.rows.slice(half)] };
    const r = importPlan(reshape({ ...parts, appendices: [split, parts.appendices[1]] }, 'markdown'), { review: loadReview() });
    expect(r.ok && serializeCatalogue(r.value.catalogue)).toBe(expected);
  });

  it.each([
    [['STT', 'Tên chỉ tiêu', 'Năm 2026', 'Cơ quan chủ trì']],
    [['TT', 'Chỉ tiêu', 'Kế hoạch năm 2026', 'Đơn vị đầu mối']],
    [['Số TT', 'Nội dung chỉ tiêu', 'Mục tiêu', 'Đơn vị thực hiện']],
  ])('header %j is recognised, its columns found by their words', (header) => {
    const [a1] = parts.appendices;
    const r = importPlan(reshape({ ...parts, appendices: [{ ...a1, header }, parts.appendices[1]] }, 'rowPerLineOuterPipes'), { review: loadReview() });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.value.catalogue.indicators.map((i) => [i.id, i.target, i.lead])).toEqual(imported().catalogue.indicators.map((i) => [i.id, i.target, i.lead]));
  });

  it('a row of column numbers under the header is not a row', () => {
    const [a1] = parts.appendices;
    const numbered = { ...a1, rows: [['(1)', '(2)', '(3)', '(4)'], ...a1.rows] };
    for (const style of STYLES) {
      const r = importPlan(reshape({ ...parts, appendices: [numbered, parts.appendices[1]] }, style), { review: loadReview() });
      expect([style, r.ok && serializeCatalogue(r.value.catalogue)]).toEqual([style, expected]);
    }
  });
});
