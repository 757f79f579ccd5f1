// Phụ lục 01 as imported from the real plan: groups, targets, leads, forms.
import { imported } from './plan';

const { catalogue } = imported();
const byNo = (no: number) => {
  const i = catalogue.indicators.find((x) => x.no === no);
  if (!i) throw new Error(`no indicator ${no}`);
  return i;
};

describe('Phụ lục 01 – indicators', () => {
  it('has 51 indicators numbered 1–51 with ids ct-01 … ct-51', () => {
    expect(catalogue.indicators).toHaveLength(51);
    expect(catalogue.indicators.map((i) => i.no)).toEqual(Array.from({ length: 51 }, (_, k) => k + 1));
    expect(catalogue.indicators.map((i) => i.id)).toEqual(Array.from({ length: 51 }, (_, k) => `ct-${String(k + 1).padStart(2, '0')}`));
  });

  it.each([
    ['I', 'Hạ tầng số', 1, 13],
    ['II', 'Nhận thức số, nhân lực số', 14, 21],
    ['III', 'Xây dựng Chính quyền số', 22, 37],
    ['IV', 'Nền tảng số, hệ thống thông tin dùng chung', 38, 41],
    ['V', 'An toàn thông tin', 42, 43],
    ['VI', 'Kinh tế số và xã hội số', 44, 51],
  ])('group %s "%s" holds indicators %i–%i', (id, title, first, last) => {
    expect(catalogue.indicatorGroups.find((g) => g.id === id)?.title).toBe(title);
    const nos = catalogue.indicators.filter((i) => i.group === id).map((i) => i.no);
    expect(nos).toEqual(Array.from({ length: last - first + 1 }, (_, k) => first + k));
  });

  it('has exactly 6 groups', () => {
    expect(catalogue.indicatorGroups.map((g) => g.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
  });

  // Every target of the plan, by number: [kind, value / min, explicit / max, qualifier].
  const EXPECTED: Record<number, string> = {
    1: 'atLeast 70 explicit', 2: 'atLeast 50 explicit', 3: 'atLeast 100', 4: 'atLeast 100', 5: 'atLeast 70', 6: 'atLeast 40',
    7: 'atLeast 100', 8: 'atLeast 100', 9: 'complete', 10: 'applied', 11: 'complete', 12: 'atLeast 50 explicit',
    13: 'greaterThan 60', 14: 'atLeast 100', 15: 'atLeast 100', 16: 'atLeast 100', 17: 'atLeast 100', 18: 'atLeast 100',
    19: 'atLeast 100', 20: 'atLeast 60 explicit', 21: 'atLeast 50 explicit', 22: 'atLeast 100', 23: 'atLeast 80',
    24: 'atLeast 100', 25: 'atLeast 100', 26: 'atLeast 100', 27: 'atLeast 100', 28: 'atLeast 100', 29: 'atLeast 100',
    30: 'atLeast 95', 31: 'complete', 32: 'complete', 33: 'atLeast 80', 34: 'atLeast 95', 35: 'atLeast 90', 36: 'atLeast 90',
    37: 'atLeast 100 [đối với các thủ tục đủ điều kiện]', 38: 'atLeast 100', 39: 'atLeast 100', 40: 'exists', 41: 'atLeast 100',
    42: 'exists', 43: 'atLeast 100', 44: 'atLeast 100', 45: 'complete', 46: 'band 50-80', 47: 'atLeast 80',
    48: 'atLeast 15 explicit', 49: 'greaterThan 80', 50: 'atLeast 95', 51: 'greaterThan 10',
  };
  const show = (t: (typeof catalogue.indicators)[number]['target']): string => {
    switch (t.kind) {
      case 'atLeast':
        return `atLeast ${t.value}${t.explicit ? ' explicit' : ''}${t.qualifier ? ` [${t.qualifier}]` : ''}`;
      case 'greaterThan':
        return `greaterThan ${t.value}`;
      case 'band':
        return `band ${t.min}-${t.max}`;
      default:
        return t.kind;
    }
  };
  it.each(Object.entries(EXPECTED).map(([no, e]) => [Number(no), e]))('indicator %i target reads as %s', (no, expected) => {
    expect(show(byNo(no).target)).toBe(expected);
  });

  it.each([
    [6, 'Tỷ lệ xã, phường có Bàng điện tử công cộng'],
    [21, '(Al, Big Data)'],
    [46, 'ngân hàng...);.'],
  ])('keeps indicator %i verbatim, typos included (%s)', (no, fragment) => {
    expect(byNo(no).text).toContain(fragment);
  });

  it.each([
    [1, ['unit:so-khcn']],
    [5, ['class:cap-xa']],
    [3, ['class:htct']],
    [26, ['class:htct']],
    [12, ['class:htct-cap-tinh']],
    [14, ['class:so-ban-nganh-dia-phuong']],
    [9, ['class:so-ban-nganh']],
    [19, ['class:co-so-giao-duc', 'unit:so-gddt']],
    [20, ['unit:bao-dai-ptth']],
    [38, ['class:chu-quan-httt']],
    [43, ['class:chu-quan-httt']],
    [47, ['unit:so-y-te', 'unit:so-gddt', 'unit:ngan-hang-nn-kv8']],
    [49, ['unit:ngan-hang-nn-kv8']],
    [51, ['unit:thong-ke-tinh']],
  ])('indicator %i lead resolves to %j', (no, refs) => {
    expect(byNo(no).lead.map((r) => (r.kind === 'unit' ? `unit:${r.unitId}` : `class:${r.classId}`))).toEqual(refs);
  });

  it.each(catalogue.indicators.map((i) => [i.no, i.leadText]))('indicator %i lead "%s" resolves to at least one ref', (no) => {
    expect(byNo(no as number).lead.length).toBeGreaterThan(0);
  });

  it.each([
    [1, 'rate', 'singleSource'],
    [5, 'yesNo', 'shareYes'],
    [8, 'yesNo', 'shareYes'],
    [9, 'status', 'allComplete'],
    [10, 'applied', 'allComplete'],
    [11, 'status', 'singleSource'],
    [16, 'countPair', 'ratioOfSums'],
    [40, 'yesNo', 'singleSource'],
    [46, 'rate', 'singleSource'],
    [47, 'rate', 'perSector'],
    [22, 'countPair', 'singleSource'],
  ])('indicator %i is reported as %s and aggregated by %s', (no, form, aggregation) => {
    expect(byNo(no).form.kind).toBe(form);
    expect(byNo(no).aggregation.kind).toBe(aggregation);
  });

  it('gives every indicator a reason for its form and its aggregation, and real labels to every count pair', () => {
    for (const i of catalogue.indicators) {
      expect(i.formReason.length).toBeGreaterThan(10);
      expect(i.aggregationReason.length).toBeGreaterThan(10);
      if (i.form.kind === 'countPair') expect(i.form.numeratorLabel).not.toBe('Số đạt yêu cầu');
    }
  });

  it('reads the plan with no review warnings', () => {
    expect(imported().issues.filter((i) => i.code === 'import.review' || i.code === 'import.unknownUnit')).toEqual([]);
  });
});
