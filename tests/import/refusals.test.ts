// What was not read is refused: exit 1 with a Vietnamese message naming what is missing and where –
// never an empty catalogue that looks like success. Cases built from the 2026 plan's rows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPlan } from '../../src/core/import';
import { loadReview, planText } from './plan';
import { planParts, reshape } from './support/layouts';

const parts = planParts(planText);
const [ap01, ap02] = parts.appendices;
const markdown = (a01: typeof ap01, a02: typeof ap02 = ap02): string => reshape({ top: parts.top, appendices: [a01, a02] }, 'markdown');
const without = (a: typeof ap01, tt: string) => ({ ...a, rows: a.rows.filter((r) => r[0] !== tt) });

const CASES: [string, string, string, RegExp][] = [
  ['no Phụ lục 01 at all', planText.slice(0, planText.indexOf('PHỤ LỤC 01')), 'import.noAppendix01', /Không tìm thấy "PHỤ LỤC 01"/],
  ['a table under Phụ lục 01 without a TT / Chỉ tiêu header', planText.replace('|\nTT |\nChỉ tiêu |', '|\nSố |\nNội dung |'), 'import.noHeader', /Phụ lục 01 \(dòng 201\): không nhận ra dòng tiêu đề.*TT, Chỉ tiêu, Mục tiêu/],
  ['Phụ lục 01 without its target column', markdown({ ...ap01, header: ['TT', 'Chỉ tiêu', 'Ghi chú', 'Đơn vị chủ trì tham mưu'] }), 'import.noHeader', /Phụ lục 01 \(dòng \d+\): bảng thiếu cột "Mục tiêu" – dòng tiêu đề đọc được: "TT \| Chỉ tiêu \| Ghi chú/],
  ['Phụ lục 02 without its lead column', markdown(ap01, { ...ap02, header: ['TT', 'Nhiệm vụ', 'Ghi chú', 'Cơ quan theo dõi, tổng hợp', 'Thời gian hoàn thành'] }), 'import.noHeader', /Phụ lục 02 \(dòng \d+\): bảng thiếu cột "Đơn vị chủ trì"/],
  ['a Phụ lục 01 table with no indicator row', markdown({ ...ap01, rows: ap01.rows.filter((r) => !/^\d+$/.test(r[0])) }), 'import.noRows', /Phụ lục 01 \(bảng từ dòng \d+\): không đọc được chỉ tiêu nào/],
  ['a Phụ lục 02 table with no task row', markdown(ap01, { ...ap02, rows: [] }), 'import.noRows', /Phụ lục 02 \(bảng từ dòng \d+\): không đọc được nhiệm vụ nào/],
  ['indicator rows lost (12 and 13 missing)', markdown(without(without(ap01, '12'), '13')), 'import.numbering', /Phụ lục 01 \(bảng từ dòng \d+\): thiếu chỉ tiêu số 12, 13/],
  ['an indicator number read twice', markdown({ ...ap01, rows: [...ap01.rows, ap01.rows.find((r) => r[0] === '5')!] }), 'import.numbering', /số thứ tự 5 xuất hiện hai lần/],
  ['a task number read twice', markdown(ap01, { ...ap02, rows: [...ap02.rows, ap02.rows.find((r) => r[0] === '7')!] }), 'import.numbering', /số thứ tự nhiệm vụ 7 xuất hiện hai lần/],
  ['no Phụ lục 02 at all', planText.slice(0, planText.indexOf('PHỤ LỤC 02')), 'import.noAppendix02', /Không tìm thấy "PHỤ LỤC 02" \(danh mục nhiệm vụ\)/],
  ['a title without a year', planText.replace('về chuyển đổi số tỉnh Nghệ An năm 2026', 'về chuyển đổi số tỉnh Nghệ An'), 'import.missingMetadata', /năm kế hoạch.*--year/],
];

describe('refusals', () => {
  it.each(CASES)('%s', (_what, text, code, message) => {
    const r = importPlan(text, { review: loadReview() });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const issue = r.issues.find((i) => i.code === code);
      expect(issue?.message).toMatch(message);
      expect(issue?.severity).toBe('error');
    }
  });

  it('every reason is given at once', () => {
    const r = importPlan(markdown(without(ap01, '3'), { ...ap02, rows: [] }), { review: loadReview() });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['import.numbering', 'import.noRows']);
  });

  it('task-number gaps are the plan’s own (14, 39, …): a warning, not a refusal', () => {
    const r = importPlan(planText, { review: loadReview() });
    expect(r.ok && r.value.issues.find((i) => i.code === 'import.numbering')?.message).toContain('không có nhiệm vụ số 14, 39, 42, 47');
  });

  it('the year asked for with --year is taken', () => {
    const r = importPlan(CASES[10][1], { review: loadReview(), year: 2026 });
    expect(r.ok && r.value.catalogue.planId).toBe('nghe-an-1174-2026');
  });
});

describe('npm run catalogue refuses with exit 1 and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-refuse-'));
  it.each([
    ['a markdown table with its indicator rows only partly there', markdown(without(ap01, '12')), 'thiếu chỉ tiêu số 12'],
    ['the layout the old importer read as 0 indicators and exit 0: a table with no recognisable header', planText.replace('|\nTT |\nChỉ tiêu |', '|\nSố |\nNội dung |'), 'không nhận ra dòng tiêu đề'],
  ])('%s', (_what, text, message) => {
    const input = join(dir, 'plan.txt');
    const out = join(dir, 'out.json');
    writeFileSync(input, text);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalogue.ts', '--in', input, '--out', out], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
