// The pieces under the importer: the flattened-table reader, bullet cells, lead-cell resolution,
// and the default reporting form inferred from an indicator's wording.
import { buildNameIndex, inferForm, resolveCell } from '../../src/core/import';
import { bulletLines, readTable } from '../../src/core/import/table';
import { loadReview } from './plan';

const index = buildNameIndex(loadReview());
const refs = (cell: string): string[] => resolveCell(cell, index).refs.map((r) => (r.kind === 'unit' ? r.unitId : `@${r.classId}`));

describe('readTable', () => {
  const lines = ['PHỤ LỤC 9', 'tiêu đề', '|', 'TT |', 'A |', 'B |', '|', '1 |', 'x |', '|', '|', '|', 'y |', '2 |', '|', '3 |', 'z |', 'w |', 'rác'];
  const t = readTable(lines, 0, lines.length);

  it('reads the preamble, the header, rows of header width with empty cells, and reports the rest', () => {
    expect(t.preamble).toEqual(['PHỤ LỤC 9', 'tiêu đề']);
    expect(t.header).toEqual(['TT', 'A', 'B']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', 'x', ''],
      ['', 'y', '2'],
      ['3', 'z', 'w'],
    ]);
    expect(t.unread).toEqual(['rác']);
  });

  it('reports cells that stand where a row should start instead of shifting them into the next row', () => {
    const l = ['|', 'TT |', 'A |', '|', '1 |', 'x |', 'extra |', '|', '2 |', 'y |'];
    const r = readTable(l, 0, l.length);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['1', 'x'],
      ['2', 'y'],
    ]);
    expect(r.unread).toEqual(['extra']);
  });
});

describe('bulletLines', () => {
  it.each([
    ['- a b - Cc d - Ee', '- a b\n- Cc d\n- Ee'],
    ['Hạ tầng vật lý - số', 'Hạ tầng vật lý - số'],
    ['- Sở A; - Sở B', '- Sở A;\n- Sở B'],
    ['- giai đoạn 2026 - 2030', '- giai đoạn 2026 - 2030'],
  ])('%j → %j', (cell, lines) => expect(bulletLines(cell)).toBe(lines));
});

describe('resolveCell', () => {
  it.each([
    ['Sở Khoa học và Công nghệ', ['so-khcn']],
    ['Các Sở, ban, ngành; các địa phương', ['@so-ban-nganh', '@cap-xa']],
    ['Các Sở, ban, ngành;các địa phương', ['@so-ban-nganh', '@cap-xa']],
    ['Các sở, ban, ngành, địa phương', ['@so-ban-nganh-dia-phuong']],
    ['Sở Khoa học và Công nghệ, Công an tỉnh', ['so-khcn', 'cong-an-tinh']],
    ['Sở Khoa học và Công nghệ và một số địa phương được lựa chọn thí điểm', ['so-khcn', '@dia-phuong-thi-diem']],
    ['Sở Công thương', ['so-cong-thuong']],
    ['Sở Công Thương', ['so-cong-thuong']],
    ['Báo và PTTH tỉnh', ['bao-dai-ptth']],
    ['Báo và Đài PTTH tỉnh', ['bao-dai-ptth']],
    ['Ngân hàng nhà nước, chi nhánh N/An', ['ngan-hang-nn-kv8']],
    ['Chủ quản các nền tảng số', ['@chu-quan-httt']],
    ['Chủ quản các nền tảng số/hệ thống thông tin', ['@chu-quan-httt']],
    ['Các cơ quan trong, tổ chức trong hệ thống chính trị', ['@htct']],
    ['Các cơ quan cấp tỉnh trong hệ thống chính trị', ['@htct-cap-tinh']],
    ['- Cơ quan đầu mối, phê duyệt kế hoạch: Sở Nội vụ\n- Cơ quan thực hiện: Sở Khoa học và Công nghệ', ['so-noi-vu', 'so-khcn']],
    ['Sở Y te\u0302\u0301', []], // NFD "Sở Y tế" – normalised, see below
  ])('%j → %j', (cell, expected) => {
    if (expected.length === 0) expect(refs(cell.normalize('NFC'))).toEqual(['so-y-te']);
    else expect(refs(cell)).toEqual(expected);
  });

  it('returns what it cannot read verbatim and does not guess', () => {
    const r = resolveCell('Sở Y tế; Bảo hiểm xã hội tỉnh, Sở Tài chính', index);
    expect(r.refs).toEqual([{ kind: 'unit', unitId: 'so-y-te' }]);
    expect(r.unresolved).toEqual(['Bảo hiểm xã hội tỉnh, Sở Tài chính']);
  });

  it('does not read a known name that is only the start of a longer word', () => {
    expect(resolveCell('Sở Y tếx', index).unresolved).toEqual(['Sở Y tếx']);
  });
});

describe('inferForm (the default before review)', () => {
  const sk = [{ kind: 'unit', unitId: 'so-khcn' } as const];
  const xa = [{ kind: 'class', classId: 'cap-xa' } as const];
  const all = [{ kind: 'class', classId: 'so-ban-nganh-dia-phuong' } as const];
  const pct = { kind: 'atLeast', value: 100, explicit: false } as const;
  it.each([
    ['Tỷ lệ phủ sóng 5G', pct, sk, 'rate', 'singleSource'],
    ['Tỷ lệ xã, phường có đài truyền thanh', pct, xa, 'yesNo', 'shareYes'],
    ['Tỷ lệ cơ quan, tổ chức trong hệ thống chính trị …', pct, all, 'yesNo', 'shareYes'],
    ['Tỷ lệ cán bộ, công chức …', pct, all, 'countPair', 'ratioOfSums'],
    ['Xây dựng IOC', { kind: 'complete' }, sk, 'status', 'singleSource'],
    ['Hoàn thành …', { kind: 'complete' }, all, 'status', 'allComplete'],
    ['Các ngành có dự án', { kind: 'applied' }, all, 'applied', 'allComplete'],
    ['Hệ thống …', { kind: 'exists' }, sk, 'yesNo', 'singleSource'],
  ] as const)('%s → %s / %s', (text, target, lead, form, aggregation) => {
    const c = inferForm(text, target, lead);
    expect([c.form.kind, c.aggregation.kind]).toEqual([form, aggregation]);
  });
});
