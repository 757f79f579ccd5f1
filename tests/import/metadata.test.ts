// The plan's identity across the layouts other provinces' pages and Word files use: a title with
// or without " về ", an issuer that is a province or a city, a date split over two lines, an
// upper-case header and title as the signed document prints them.
import { readDocument, derivePlanId } from '../../src/core/import';
import { planLines } from '../../src/core/import/table';

const PREAMBLE_NGHE_AN = ['(Ban hành kèm theo Kế hoạch số: 1174/KH-UBND ngày 31 tháng 12 năm 2025 của UBND', 'tỉnh Nghệ An)'];

const CASES: [string, string, readonly string[], Record<string, unknown>][] = [
  [
    'the 2026 web page (metadata table, title with " về ")',
    'Kế hoạch 1174/KH-UBND năm 2025 về chuyển đổi số tỉnh Nghệ An năm 2026\n| Số hiệu | 1174/KH-UBND |\n| Ngày ban hành | 31/12/2025 |\n| Cơ quan ban hành | Tỉnh Nghệ An |',
    PREAMBLE_NGHE_AN,
    { number: '1174/KH-UBND', issuedOn: '2025-12-31', issuer: 'UBND tỉnh Nghệ An', title: 'Chuyển đổi số tỉnh Nghệ An năm 2026', planYear: 2026, province: 'Nghệ An' },
  ],
  [
    'a city, a title without " về ", no preamble issuer',
    'Kế hoạch 245/KH-UBND năm 2025 chuyển đổi số\n| Số hiệu | 245/KH-UBND |\n| Ngày ban hành | 05/01/2026 |\n| Cơ quan ban hành | Thành phố Cần Thơ |\nKẾ HOẠCH\nChuyển đổi số thành phố Cần Thơ năm 2026\nI. MỤC ĐÍCH',
    ['(Kèm theo Kế hoạch số 245/KH-UBND)'],
    { number: '245/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND thành phố Cần Thơ', title: 'Chuyển đổi số thành phố Cần Thơ năm 2026', planYear: 2026, province: 'Cần Thơ' },
  ],
  [
    'the signed document: upper-case header and title, date split over two lines',
    '| ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n| Số: 88/KH-UBND | Hà Tĩnh, ngày 09 tháng 01\nnăm 2026 |\nKẾ HOẠCH\nCHUYỂN ĐỔI SỐ TỈNH HÀ TĨNH\nNĂM 2026\nI. MỤC TIÊU',
    [],
    { number: '88/KH-UBND', issuedOn: '2026-01-09', issuer: 'UBND tỉnh Hà Tĩnh', title: 'Chuyển đổi số tỉnh Hà Tĩnh năm 2026', planYear: 2026, province: 'Hà Tĩnh' },
  ],
  [
    'a body that names the authority in a sentence',
    'Số: 12/KH-UBND\nỦy ban nhân dân thành phố Hải Phòng ban hành kế hoạch như sau\nKẾ HOẠCH\nVề chuyển đổi số năm 2027',
    [],
    { number: '12/KH-UBND', issuer: 'UBND thành phố Hải Phòng', title: 'Chuyển đổi số năm 2027', planYear: 2027, province: 'Hải Phòng' },
  ],
];

describe('readDocument', () => {
  it.each(CASES)('%s', (_what, text, preamble, expected) => {
    const r = readDocument(planLines(text), preamble);
    expect(r.document).toMatchObject(expected);
  });

  it('a year the title does not name is asked for, and --year answers it', () => {
    const text = planLines('Số: 12/KH-UBND\nỦy ban nhân dân tỉnh Lào Cai\nKẾ HOẠCH\nChuyển đổi số giai đoạn tới');
    const r = readDocument(text, []);
    expect(r.document.planYear).toBe(0);
    expect(r.issues.find((i) => i.field === 'năm kế hoạch')?.message).toContain('--year');
    expect(readDocument(text, [], { year: 2027 }).document.planYear).toBe(2027);
  });

  it('derives the plan id from province, number and year', () => {
    expect(derivePlanId({ province: 'Cần Thơ', number: '245/KH-UBND', planYear: 2026 })).toBe('can-tho-245-2026');
  });
});
