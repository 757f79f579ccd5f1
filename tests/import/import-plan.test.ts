// The importer as a whole: metadata, refusal of a text that is not a plan, the --check comparison,
// the review file's guards, and the checked-in catalogue being up to date.
import { readFileSync } from 'node:fs';
import { compareCatalogueText, emptyReview, importPlan, parseReview, serializeCatalogue } from '../../src/core/import';
import { CATALOGUE_PATH, imported, loadReview, planText } from './plan';

describe('importPlan', () => {
  it('reads the document identity from the text', () => {
    expect(imported().catalogue.document).toEqual({
      number: '1174/KH-UBND',
      issuedOn: '2025-12-31',
      issuer: 'UBND tỉnh Nghệ An',
      signer: 'Thái Văn Thành',
      title: 'Chuyển đổi số tỉnh Nghệ An năm 2026',
      planYear: 2026,
      province: 'Nghệ An',
    });
    expect(imported().catalogue.planId).toBe('nghe-an-1174-2026');
    expect(imported().catalogue.catalogueVersion).toBe(2);
  });

  it('refuses a text without Phụ lục 01', () => {
    const noAppendix = planText.slice(0, planText.indexOf('PHỤ LỤC 01'));
    const r = importPlan(noAppendix, { review: loadReview() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(['import.noAppendix01']);
    // The body's "(Phụ lục 01 gửi kèm theo)" is a mention, not the appendix.
    expect(noAppendix).toContain('(Phụ lục 01 gửi kèm theo)');
  });

  it('refuses an empty or unrelated text', () => {
    expect(importPlan('', { review: emptyReview('x') }).ok).toBe(false);
    expect(importPlan('Đăng xuất\nViệc làm', { review: emptyReview('x') }).ok).toBe(false);
  });

  it('warns and gives no tasks when Phụ lục 02 is missing', () => {
    const only01 = planText.slice(0, planText.indexOf('PHỤ LỤC 02'));
    const r = importPlan(only01, { review: loadReview() });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.catalogue.indicators).toHaveLength(51);
      expect(r.value.catalogue.tasks).toEqual([]);
      expect(r.value.issues.map((i) => i.code)).toContain('import.noAppendix02');
    }
  });

  it('reads the same plan typed in NFD and with Windows line ends', () => {
    const r = importPlan(planText.normalize('NFD').replace(/\n/g, '\r\n'), { review: loadReview() });
    expect(r.ok && serializeCatalogue(r.value.catalogue)).toBe(serializeCatalogue(imported().catalogue));
  });

  it('reports a row whose target it cannot read instead of guessing', () => {
    const broken = planText.replace('≥ 15%', 'khoảng 15 phần trăm');
    const r = importPlan(broken, { review: loadReview() });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.catalogue.indicators.map((i) => i.no)).not.toContain(48);
      expect(r.value.catalogue.unread.some((u) => u.includes('khoảng 15 phần trăm'))).toBe(true);
    }
  });

  it('reports a lead unit it does not know, verbatim', () => {
    const r = importPlan(planText.replace('|\n50 |\nTỷ lệ người dân có số sức khỏe điện tử |\n95% |\nSở Y tế |', '|\n50 |\nTỷ lệ người dân có số sức khỏe điện tử |\n95% |\nBảo hiểm xã hội tỉnh |'), {
      review: loadReview(),
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.catalogue.unread).toContain('ct-50 (đơn vị chủ trì): Bảo hiểm xã hội tỉnh');
      expect(r.value.issues.find((i) => i.code === 'import.unknownUnit')?.rowId).toBe('ct-50');
    }
  });

  it('derives the plan id from the text when none is given, and takes one when given', () => {
    const r = importPlan(planText, { review: emptyReview(''), planId: 'nghe-an-2027-test' });
    expect(r.ok && r.value.catalogue.planId).toBe('nghe-an-2027-test');
  });

  it('without a review, infers forms, warns that nothing is reviewed and leaves every unit unread', () => {
    const r = importPlan(planText, { review: emptyReview('nghe-an-1174-2026') });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.issues.filter((i) => i.code === 'import.review')).toHaveLength(51);
      expect(r.value.catalogue.unread.some((u) => u.startsWith('ct-01 (đơn vị chủ trì): Sở Khoa học và Công nghệ'))).toBe(true);
    }
  });

  it('ignores a review entry written for another indicator text', () => {
    const review = loadReview();
    const wrong = { ...review, indicators: review.indicators.map((e) => (e.no === 8 ? { ...e, textStartsWith: 'Tỷ lệ khác' } : e)) };
    const r = importPlan(planText, { review: wrong });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.issues.some((i) => i.code === 'import.review' && i.rowId === 'ct-08')).toBe(true);
      expect(r.value.catalogue.indicators[7].form.kind).toBe('countPair'); // the inferred default
    }
  });
});

describe('parseReview', () => {
  it('accepts the checked-in review', () => {
    expect(() => loadReview()).not.toThrow();
    expect(loadReview().indicators).toHaveLength(51);
  });

  it.each([
    ['a form without its reason', { no: 1, textStartsWith: 'x', review: 'r', form: { kind: 'rate' } }],
    ['an unknown form', { no: 1, textStartsWith: 'x', review: 'r', form: { kind: 'average' }, formReason: 'r' }],
    ['a count pair without labels', { no: 1, textStartsWith: 'x', review: 'r', form: { kind: 'countPair' }, formReason: 'r' }],
  ])('refuses %s', (_what, entry) => {
    expect(parseReview({ planId: 'p', unitClasses: [], units: [], indicators: [entry] }).ok).toBe(false);
  });

  it('refuses a unit tagged with a class that does not exist, and duplicate ids', () => {
    expect(parseReview({ planId: 'p', unitClasses: [], units: [{ id: 'a', name: 'A', classes: ['nope'] }], indicators: [] }).ok).toBe(false);
    expect(
      parseReview({ planId: 'p', unitClasses: [], units: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }], indicators: [] }).ok,
    ).toBe(false);
  });
});

describe('--check (compareCatalogueText)', () => {
  const fresh = serializeCatalogue(imported().catalogue);

  it('the checked-in seeds/nghe-an-1174-2026.json is what the importer makes of the plan today', () => {
    expect(compareCatalogueText(readFileSync(CATALOGUE_PATH, 'utf8'), fresh)).toEqual([]);
  });

  it('ends with a newline and is pretty-printed', () => {
    expect(fresh.endsWith('}\n')).toBe(true);
    expect(fresh.split('\n')[1]).toBe('  "planId": "nghe-an-1174-2026",');
  });

  it('detects a changed indicator and names it', () => {
    const changed = JSON.parse(fresh);
    changed.indicators[4].targetText = '75%';
    const diff = compareCatalogueText(serializeCatalogue(changed), fresh);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/^indicators: 51 on disk, 51 generated; differ: ct-05$/);
  });

  it('detects a removed task, a changed document field and a formatting-only change', () => {
    const changed = JSON.parse(fresh);
    changed.tasks = changed.tasks.filter((t: { id: string }) => t.id !== 'nv-80');
    changed.document.signer = 'X';
    const diff = compareCatalogueText(serializeCatalogue(changed), fresh);
    expect(diff.some((d) => d.startsWith('tasks: 56 on disk, 57 generated; differ: +nv-80'))).toBe(true);
    expect(diff.some((d) => d.startsWith('document:'))).toBe(true);
    expect(compareCatalogueText(fresh.trimEnd(), fresh)).toEqual(['same content, different formatting (key order, spaces or final newline)']);
    expect(compareCatalogueText('not json', fresh)).toEqual(['the file on disk is not valid JSON']);
  });
});
