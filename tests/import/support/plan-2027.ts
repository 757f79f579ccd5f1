// A second plan for the tests: "next year's" plan made from the 2026 plan's own rows, published in
// another layout – markdown tables under "PHỤ LỤC I / II", a separate "Đơn vị" column beside the
// target, sub-rows 11.1–11.3 under indicator 11 and 7.1–7.2 under task 7, one target the grammar cannot read, a title
// without " về " and an upper-case title under "KẾ HOẠCH" – as another province's page would be.
import { planText } from '../plan';
import { planParts, tableLines } from './layouts';

const year = (s: string): string => s.replace(/2026/g, '2027').replace(/2025/g, '2026');

export const PLAN_2027_ID = 'nghe-an-1250-2027';

export function plan2027Text(): string {
  const parts = planParts(planText);
  const [ap01, ap02] = parts.appendices;
  const top = parts.top.map((l, i) =>
    i === 0
      ? 'Kế hoạch 1250/KH-UBND năm 2026 triển khai chuyển đổi số'
      : year(l).replace('1174/KH-UBND', '1250/KH-UBND').replace('31/12/2026', '30/12/2026').replace('ngày 31 tháng 12 năm 2026', 'ngày 30 tháng 12\nnăm 2026'),
  );
  // A percentage target "≥ 70%" is printed as "≥ 70" beside the unit "%".
  const rows01 = ap01.rows.flatMap((r): string[][] => {
    const [tt, text, target, lead] = r;
    const pct = /^(.*?\d)\s*%$/u.exec(target);
    const row = [tt, text, pct ? '%' : '', pct ? pct[1] : target, lead];
    if (tt === '48') row[3] = 'Top 3 Đông Nam Á';
    if (tt !== '11') return [row];
    const subTexts = ap02.rows.filter((x) => ['55', '56', '57'].includes(x[0])).map((x) => x[1]);
    return [row, ...subTexts.map((t, k) => [`11.${k + 1}`, t, '', 'Hoàn thành', ''])];
  });
  const header01 = ['TT', 'Chỉ tiêu', 'Đơn vị', 'Mục tiêu 2027', 'Đơn vị chủ trì tham mưu'];
  // Task 7 (the reporting tool) gets two sub-rows, led by its own lead unit (empty cells).
  const rows02 = ap02.rows.flatMap((r) => {
    const row = r.map((c, i) => (i === 4 ? year(c) : c));
    if (r[0] !== '7') return [row];
    return [row, ['7.1', 'Phân cấp, phân quyền truy cập cho các cơ quan, tổ chức', '', '', 'Quý I/2027'], ['7.2', 'Kiểm tra, giám sát trực tuyến tiến độ các nhiệm vụ', '', '', '2027']];
  });
  return [
    ...top,
    'PHỤ LỤC I',
    ...ap01.preamble.map(year).map((l) => l.replace('1174/KH-UBND', '1250/KH-UBND').replace('ngày 31 tháng 12', 'ngày 30 tháng 12')),
    '',
    ...tableLines(header01, rows01, 'markdown'),
    '',
    'PHỤ LỤC II',
    ...ap02.preamble.map(year).map((l) => l.replace('1174/KH-UBND', '1250/KH-UBND').replace('ngày 31 tháng 12', 'ngày 30 tháng 12')),
    '',
    ...tableLines(ap02.header, rows02, 'markdown'),
    '',
  ].join('\n');
}
