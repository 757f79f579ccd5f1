// The plan's consolidating body, read from its "Tổ chức thực hiện" (import/coordinator.ts): the ways
// plans say who the units send their reports to, the bounds of the section, and what is refused.
import { formatReview } from '../../src/core/import';
import { buildNameIndex } from '../../src/core/import/cells';
import { readCoordinator } from '../../src/core/import/coordinator';
import { emptyReview, type Review } from '../../src/core/import/review';
import { planLines } from '../../src/core/import/table';
import { imported, loadReview, planText } from './plan';

const review: Review = {
  ...emptyReview('test'),
  units: [
    { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', aliases: ['Sở KH&CN'], classes: [] },
    { id: 'so-tc', name: 'Sở Tài chính', aliases: [], classes: [] },
    { id: 'so-nv', name: 'Sở Nội vụ', aliases: [], classes: [] },
    { id: 'vp-ubnd', name: 'Văn phòng UBND tỉnh', aliases: ['Văn phòng Ủy ban nhân dân tỉnh'], classes: [] },
  ],
};
const names = buildNameIndex(review);
const read = (text: string, reviewed?: string) => readCoordinator(planLines(text), names, reviewed);
const section = (heading: string, ...body: string[]) => ['I. MỤC TIÊU', 'Nội dung mục tiêu.', heading, ...body].join('\n');

describe('readCoordinator: who the plan sends the reports to', () => {
  it.each([
    ['"gửi X tổng hợp"', section('VI. TỔ CHỨC THỰC HIỆN', '3. Các sở, ngành', 'Hằng quý báo cáo tiến độ, gửi Sở Nội vụ tổng hợp, báo cáo UBND tỉnh.'), 'so-nv'],
    ['"gửi về X để tổng hợp"', section('VI. TỔ CHỨC THỰC HIỆN', 'Các đơn vị gửi báo cáo định kỳ gửi về Sở Tài chính để tổng hợp.'), 'so-tc'],
    ['"(qua X)"', section('VI. TỔ CHỨC THỰC HIỆN', 'Nếu có vướng mắc, kịp thời báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) để xem xét./.'), 'vp-ubnd'],
    ['"báo cáo về X để tổng hợp", an alias', section('V. Tổ chức thực hiện', 'Các đơn vị báo cáo về Sở KH&CN để tổng hợp.'), 'so-khcn'],
    ['a numbered paragraph whose duties are to consolidate', section('VI. TỔ CHỨC THỰC HIỆN', '1. Sở Nội vụ', '- Hướng dẫn, đôn đốc thực hiện Kế hoạch.', '- Theo dõi, tổng hợp, báo cáo UBND tỉnh kết quả thực hiện.', '2. Sở Tài chính', '- Bố trí kinh phí.'), 'so-nv'],
    ['a heading without a number, with a colon', section('TỔ CHỨC THỰC HIỆN:', 'Định kỳ gửi Sở Tài chính tổng hợp.'), 'so-tc'],
    ['an Arabic number and lower case', section('6. Tổ chức thực hiện', 'Định kỳ gửi Sở Tài chính tổng hợp.'), 'so-tc'],
    ['a clause to another body before it does not swallow it', section('VI. TỔ CHỨC THỰC HIỆN', 'Rà soát nhu cầu kinh phí, gửi Sở Tài chính báo cáo, tham mưu; hằng quý gửi Sở Nội vụ tổng hợp.'), 'so-nv'],
    ['several phrases naming the same body', section('VI. TỔ CHỨC THỰC HIỆN', 'gửi Sở Nội vụ tổng hợp.', 'báo cáo UBND tỉnh (qua Sở Nội vụ).'), 'so-nv'],
    ['a name split over two lines', section('VI. TỔ CHỨC THỰC HIỆN', 'Hằng quý gửi Sở Khoa học', 'và Công nghệ tổng hợp.'), 'so-khcn'],
  ])('%s', (_name, text, unitId) => {
    expect(read(text)).toMatchObject({ unitId });
  });

  it('reads only its own section: a body named in the next section does not count', () => {
    const text = section('VI. TỔ CHỨC THỰC HIỆN', 'Hằng quý gửi Sở Nội vụ tổng hợp.', 'VII. KINH PHÍ', 'Kinh phí gửi Sở Tài chính tổng hợp.');
    expect(read(text)).toMatchObject({ unitId: 'so-nv' });
    expect(read(section('VI. KINH PHÍ', 'gửi Sở Tài chính tổng hợp.', 'VII. TỔ CHỨC THỰC HIỆN', 'Các đơn vị chủ động thực hiện.'))).toHaveProperty('issue');
  });

  it.each([
    ['no "Tổ chức thực hiện" section', section('VI. KINH PHÍ', 'gửi Sở Nội vụ tổng hợp.'), /Không tìm thấy mục "Tổ chức thực hiện"/],
    ['a section that names nobody', section('VI. TỔ CHỨC THỰC HIỆN', 'Các đơn vị chủ động triển khai.'), /không nói đơn vị nào tổng hợp/],
    ['a body outside the directory', section('VI. TỔ CHỨC THỰC HIỆN', 'Định kỳ gửi Sở Du lịch tổng hợp.'), /không nói đơn vị nào tổng hợp/],
    ['two different bodies', section('VI. TỔ CHỨC THỰC HIỆN', 'gửi Sở Nội vụ tổng hợp.', 'báo cáo UBND tỉnh (qua Sở Tài chính).'), /nhiều đơn vị tổng hợp báo cáo \(so-nv, so-tc\)/],
  ])('warns, in Vietnamese, and names nobody: %s', (_name, text, message) => {
    const r = read(text);
    expect(r).toEqual({ issue: { code: 'import.noCoordinator', severity: 'warning', message: expect.stringMatching(message) } });
    if ('issue' in r) expect(r.issue.message).toMatch(/tệp rà soát/);
  });

  it('takes the review file’s choice over the text', () => {
    expect(read(section('VI. TỔ CHỨC THỰC HIỆN', 'gửi Sở Nội vụ tổng hợp.'), 'so-tc')).toMatchObject({ unitId: 'so-tc' });
  });

  it('finds Sở Khoa học và Công nghệ in Kế hoạch 1174, and the catalogue carries it', () => {
    const lines = planLines(planText);
    expect(readCoordinator(lines.slice(0, lines.findIndex((l) => /^PHỤ LỤC 01/u.test(l.trim()))), buildNameIndex(loadReview()))).toMatchObject({ unitId: 'so-khcn' });
    const report = imported();
    expect(report.catalogue.coordinator).toBe('so-khcn');
    expect(report.issues.map((i) => i.code)).not.toContain('import.noCoordinator');
    expect(formatReview(report).split('\n')[1]).toBe('Đơn vị tổng hợp báo cáo: Sở Khoa học và Công nghệ');
  });
});
