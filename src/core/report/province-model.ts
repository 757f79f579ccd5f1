// The consolidating body's report to the province (Sở KH&CN's to UBND tỉnh in 1174) as a declarative
// document (types.ts), so the .docx route and the Word add-in draw it as they draw a unit's report.
// Layout per Nghị định 30/2020 (docs/province-report.md): I. reporting by the units, II. indicators by
// group with evaluation and completeness, III. tasks by group and the overdue ones with their lead
// units, IV. units not reported or late, V. difficulties, VI. proposals, VII. next period's priorities.
import type { PlanDocument, Unit } from '../catalogue-types';
import { parsePeriod, periodLabel } from '../periods';
import type { ProvinceReportContent, ReportingCounts, ReportState, UnitRemark } from './province-content';
import type { ReportBlock, ReportModel } from './types';
import { placeDateLine, planAuthority, planSubject, signatureOf, unitForm, type SigningAs } from './wording';

export interface ProvinceReportOptions {
  /** ISO "YYYY-MM-DD", the report's date. */
  readonly date: string;
  readonly number?: string;
  readonly signingAs?: SigningAs;
  readonly signerName?: string;
  readonly reportId: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly verification?: ReportModel['verification'];
}

const REPORT_STATE: Readonly<Record<ReportState, string>> = { notExpected: 'Không giao', missing: 'Chưa báo cáo', late: 'Nộp muộn', onTime: 'Đúng hạn' };

const pct = (x: number, of: number): string => (of === 0 ? '—' : `${(Math.round((x * 1000) / of) / 10).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);

function reportingText(label: string, c: ReportingCounts, issuer: string): string {
  if (c.expected === 0) return `- ${label}: không có đơn vị nào được giao báo cáo.`;
  return `- ${label}: ${c.received}/${c.expected} cơ quan, đơn vị đã gửi báo cáo (đạt ${pct(c.received, c.expected)}), trong đó đúng hạn ${c.onTime}, muộn ${c.late}; chưa báo cáo ${c.missing}; đã được lãnh đạo đơn vị phê duyệt ${c.approved}; ${issuer} đã tiếp nhận ${c.accepted}.`;
}

function remarksBlocks(items: readonly UnitRemark[], none: string): ReportBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', text: none }];
  const out: ReportBlock[] = [];
  const groups = [...new Set(items.map((r) => r.group))];
  groups.forEach((g, i) => {
    const inGroup = items.filter((r) => r.group === g);
    out.push({ kind: 'paragraph', text: `${i + 1}. ${inGroup[0].groupTitle}:` });
    for (const r of inGroup) out.push({ kind: 'paragraph', text: `- ${r.unit} (${r.task}): ${r.text.replace(/[.;]\s*$/u, '')}.` });
  });
  return out;
}

/**
 * The consolidated report of a plan and period, issued by the plan's consolidating body
 * (`coordinatorOf(catalogue)`): its header, number symbol, signer and wording.
 * @example provinceReportModel(catalogue.document, coordinatorOf(catalogue)!, content, { date: '2026-04-10', reportId, revision: 1, contentHash }).subject
 * // 'Tổng hợp kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I'
 */
export function provinceReportModel(doc: PlanDocument, issuer: Unit, content: ProvinceReportContent, options: ProvinceReportOptions): ReportModel {
  const period = parsePeriod(content.period);
  if (!period.ok) throw new Error(`provinceReportModel: unreadable period ${content.period}`);
  const authority = planAuthority(doc);
  // The consolidated report goes to whoever issued the plan (its metadata), not to a fixed body.
  const addressee = authority.issuerFull;
  const form = unitForm(issuer, authority);
  // In running text the period's full name: "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026".
  const span = periodLabel(period.value).replace(/^./u, (c) => c.toLocaleLowerCase('vi'));
  const c = content;
  const body: ReportBlock[] = [
    { kind: 'paragraph', text: `Kính gửi: ${addressee}.` },
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch số ${doc.number} ngày ${doc.issuedOn.split('-').reverse().join('/')} của ${doc.issuer} về ${doc.title.charAt(0).toLocaleLowerCase('vi')}${doc.title.slice(1)}, trên cơ sở báo cáo của các cơ quan, đơn vị, ${issuer.name} tổng hợp, báo cáo kết quả thực hiện ${span} như sau:`,
    },
    { kind: 'heading', text: 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ' },
    { kind: 'paragraph', text: reportingText('Báo cáo kết quả thực hiện các chỉ tiêu (Phụ lục 01)', c.reporting.indicators, issuer.name) },
    { kind: 'paragraph', text: reportingText('Báo cáo tiến độ thực hiện các nhiệm vụ (Phụ lục 02)', c.reporting.tasks, issuer.name) },
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU' },
    {
      kind: 'paragraph',
      text: `Tổng số ${c.indicatorCounts.total} chỉ tiêu; trong đó đạt (kể cả vượt) ${c.indicatorCounts.met}, chưa đạt ${c.indicatorCounts.notMet}, chưa có số liệu ${c.indicatorCounts.noData}.`
        + (c.indicatorCounts.provisional > 0 ? ` Có ${c.indicatorCounts.provisional} chỉ tiêu là số liệu tạm tính do còn đơn vị chưa báo cáo (cột "Đơn vị báo cáo" ghi số đơn vị đã báo cáo trên số đơn vị phải báo cáo).` : ''),
    },
  ];
  c.indicatorGroups.forEach((g, i) => {
    const rows = c.indicators.filter((x) => x.group === g.id);
    body.push(
      { kind: 'paragraph', text: `${i + 1}. ${g.title}` },
      {
        kind: 'table',
        table: {
          columns: ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả toàn tỉnh', 'Đánh giá', 'Đơn vị báo cáo'],
          widths: [6, 38, 14, 16, 12, 14],
          rows: rows.map((x) => [
            String(x.no), x.text, x.targetText, x.figureText + (x.provisional && x.reported > 0 ? ' (tạm tính)' : ''), x.evaluationLabel, `${x.reported}/${x.expected}`,
          ]),
          centred: [0, 2, 4, 5],
        },
      },
    );
  });
  body.push(
    { kind: 'heading', text: 'III. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ' },
    { kind: 'paragraph', text: `Tổng số ${c.taskCounts.total} nhiệm vụ; trong đó hoàn thành ${c.taskCounts.done}, quá hạn chưa hoàn thành ${c.taskCounts.overdue}.` },
    {
      kind: 'table',
      table: {
        columns: ['TT', 'Nhóm nhiệm vụ', 'Số nhiệm vụ', 'Hoàn thành', 'Quá hạn'],
        widths: [8, 56, 12, 12, 12],
        rows: c.taskGroups.map((g) => [g.group, g.title, String(g.total), String(g.done), String(g.overdue)]),
        centred: [0, 2, 3, 4],
      },
    },
  );
  if (c.overdueTasks.length === 0) body.push({ kind: 'paragraph', text: 'Không có nhiệm vụ quá hạn chưa hoàn thành.' });
  else {
    body.push(
      { kind: 'paragraph', text: 'Các nhiệm vụ quá hạn chưa hoàn thành:' },
      {
        kind: 'table',
        table: {
          columns: ['TT', 'Nhiệm vụ', 'Thời hạn', 'Đơn vị chủ trì chưa hoàn thành'],
          widths: [7, 51, 14, 28],
          rows: c.overdueTasks.map((t) => [t.no === null ? '' : String(t.no), t.text, t.deadlineText ?? '', t.units.join('; ')]),
          centred: [0, 2],
        },
      },
    );
  }
  body.push({ kind: 'heading', text: 'IV. CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN' });
  if (c.lateUnits.length === 0) body.push({ kind: 'paragraph', text: 'Tất cả cơ quan, đơn vị đã báo cáo đúng hạn.' });
  else {
    body.push({
      kind: 'table',
      table: {
        columns: ['TT', 'Cơ quan, đơn vị', 'Báo cáo chỉ tiêu (Phụ lục 01)', 'Báo cáo nhiệm vụ (Phụ lục 02)'],
        widths: [7, 45, 24, 24],
        rows: c.lateUnits.map((u, i) => [String(i + 1), u.name, REPORT_STATE[u.indicators], REPORT_STATE[u.tasks]]),
        centred: [0, 2, 3],
      },
    });
  }
  body.push({ kind: 'heading', text: 'V. KHÓ KHĂN, VƯỚNG MẮC' });
  body.push(...remarksBlocks(c.difficulties, 'Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.'));
  body.push({ kind: 'heading', text: 'VI. ĐỀ XUẤT, KIẾN NGHỊ' });
  body.push(...remarksBlocks(c.proposals, 'Các cơ quan, đơn vị không có đề xuất, kiến nghị.'));
  body.push({ kind: 'heading', text: `VII. NHIỆM VỤ TRỌNG TÂM KỲ TỚI` });
  body.push(...c.priorities.map((p, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${p}` })));
  body.push({ kind: 'paragraph', text: `Trên đây là báo cáo tổng hợp kết quả thực hiện ${span} của ${issuer.name}, kính báo cáo ${addressee}./.` });

  return {
    binding: { submissionId: options.reportId, revision: options.revision, contentHash: options.contentHash, kind: 'province', unitId: 'province', period: c.period },
    header: {
      parentAgency: form.parent,
      agency: form.agency,
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      number: `Số: ${options.number?.trim() || '…'}/BC-${form.symbol}`,
      placeDate: placeDateLine(doc.province, options.date),
    },
    title: 'BÁO CÁO',
    subject: planSubject('Tổng hợp kết quả thực hiện', doc, period.value),
    body,
    summary: { indicators: null, tasks: null },
    proposals: c.proposals.map((p) => `${p.unit}: ${p.text}`),
    difficulties: c.difficulties.map((p) => `${p.unit}: ${p.text}`),
    signature: signatureOf(form.kind, options.signingAs ?? 'head', options.signerName),
    recipients: [
      `- ${doc.issuer} (để báo cáo);`,
      '- Các sở, ban, ngành cấp tỉnh;',
      '- UBND các xã, phường;',
      `- Lưu: VT, ${form.symbol}.`,
    ],
    ...(options.verification ? { verification: options.verification } : {}),
  };
}
