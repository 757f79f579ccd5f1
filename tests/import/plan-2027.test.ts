// Next year's plan in another layout: a unit column, sub-rows with their parent, a target kept as
// text for manual evaluation, the identity read from an upper-case title and a split date.
import { evaluateMeasure } from '../../src/core/evaluate';
import { formatReview, importPlan, type ImportReport } from '../../src/core/import';
import { formatTarget } from '../../src/core/target';
import { imported, loadReview } from './plan';
import { PLAN_2027_ID, plan2027Text } from './support/plan-2027';

let report: ImportReport;
beforeAll(() => {
  const r = importPlan(plan2027Text(), { review: loadReview() });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  report = r.value;
});

describe('a 2027 plan made from the 2026 rows, in markdown with a unit column', () => {
  it('reads its identity and derives its own plan id', () => {
    expect(report.catalogue.planId).toBe(PLAN_2027_ID);
    expect(report.catalogue.document).toMatchObject({ number: '1250/KH-UBND', issuedOn: '2026-12-30', issuer: 'UBND tỉnh Nghệ An', title: 'Chuyển đổi số tỉnh Nghệ An năm 2027', planYear: 2027 });
  });

  it('reads a target beside its "%" unit as the 2026 text reads it whole', () => {
    const by2026 = new Map(imported().catalogue.indicators.map((i) => [i.id, i.target]));
    const percent = report.catalogue.indicators.filter((i) => i.unit === '%');
    expect(percent.length).toBeGreaterThan(30);
    for (const i of percent) if (i.id !== 'ct-48') expect([i.id, i.target]).toEqual([i.id, by2026.get(i.id)]);
    expect(report.catalogue.indicators.find((i) => i.id === 'ct-09')?.unit).toBeUndefined();
  });

  it('keeps sub-rows 11.1–11.3 as rows with their parent, the parent’s lead unit inherited', () => {
    const subs = report.catalogue.indicators.filter((i) => i.parent === 'ct-11');
    expect(subs.map((i) => [i.id, i.tt, i.no, i.group])).toEqual([
      ['ct-11.1', '11.1', 11, 'I'],
      ['ct-11.2', '11.2', 11, 'I'],
      ['ct-11.3', '11.3', 11, 'I'],
    ]);
    expect(subs.every((i) => i.leadText === 'Sở Khoa học và Công nghệ' && i.target.kind === 'complete')).toBe(true);
    const ids = report.catalogue.indicators.map((i) => i.id);
    expect(ids.slice(ids.indexOf('ct-11'), ids.indexOf('ct-11') + 5)).toEqual(['ct-11', 'ct-11.1', 'ct-11.2', 'ct-11.3', 'ct-12']);
    expect(report.catalogue.indicators.filter((i) => i.parent === undefined)).toHaveLength(51);
  });

  it('keeps a target the grammar cannot read as text, manual, listed for review', () => {
    const ct48 = report.catalogue.indicators.find((i) => i.id === 'ct-48');
    expect(ct48?.target).toEqual({ kind: 'manual', text: 'Top 3 Đông Nam Á' });
    expect(report.catalogue.unread).toContain('ct-48 (mục tiêu): Top 3 Đông Nam Á – đánh giá thủ công');
    expect(formatReview(report)).toContain('ct-48 nhóm VI; mục tiêu: ĐÁNH GIÁ THỦ CÔNG');
    // Shown as printed; a figure against it is for a person to judge, and no figure is still no data.
    expect(formatTarget(ct48!.target)).toBe('Top 3 Đông Nam Á');
    expect(evaluateMeasure(ct48!.target, { kind: 'percent', percent: 90 })).toBe('manual');
    expect(evaluateMeasure(ct48!.target, null)).toBe('noData');
    expect(ct48?.form.kind).toBe('status');
  });

  it('reads all 57 tasks and the two sub-rows of task 7, with their deadlines moved to 2027', () => {
    expect(report.catalogue.tasks.filter((t) => t.parent === undefined)).toHaveLength(57);
    expect(report.catalogue.tasks.filter((t) => t.parent === 'nv-07').map((t) => [t.id, t.tt, t.no, t.leadText, t.deadline])).toEqual([
      ['nv-07.1', '7.1', 7, 'Sở Khoa học và Công nghệ', { kind: 'quarter', year: 2027, quarter: 1 }],
      ['nv-07.2', '7.2', 7, 'Sở Khoa học và Công nghệ', { kind: 'year', year: 2027 }],
    ]);
    expect(report.catalogue.tasks.find((t) => t.id === 'nv-01')?.deadline).toEqual({ kind: 'quarter', year: 2027, quarter: 1 });
  });

  it('--review prints every row beside its source line', () => {
    const text = formatReview(report);
    const lines = plan2027Text().split('\n');
    for (const m of text.matchAll(/^dòng (\d+): (.*)$/gmu)) expect(lines[Number(m[1]) - 1]).toContain(m[2].split(' | ')[1] ?? '');
    expect(text.match(/^dòng \d+: /gmu)?.length).toBe(6 + 54 + 9 + 5 + 59);
  });
});
