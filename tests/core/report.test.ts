// The report model over the real catalogue (Phụ lục 01 and 02 of Kế hoạch 1174/KH-UBND).
import type { Unit } from '../../src/core/catalogue-types';
import { buildReportModel, placeDateLine, planAuthority, reportSubmissionFrom, signatureOf, unitForm, type ReportSubmission } from '../../src/core/report';
import { indicatorSummary } from '../../src/core/report/model';
import { loadCatalogue } from './fixtures/catalogue';

const catalogue = loadCatalogue();
const skhcn: Unit = { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' };
const syt: Unit = { id: 'so-y-te', name: 'Sở Y tế', classes: ['so-ban-nganh'], level: 'province' };
const commune: Unit = { id: 'xa-anh-son', name: 'Xã Anh Sơn', classes: ['cap-xa'], level: 'commune' };
const HASH = 'a'.repeat(64);
const header = { submissionId: 's-1', revision: 2, contentHash: HASH, planId: catalogue.planId, unitId: 'so-y-te', period: '2026-Q1' };
const ind = (no: number) => catalogue.indicators.find((i) => i.no === no)!;

describe('place and date line (Nghị định 30: leading zero for days < 10 and months 1–2)', () => {
  it.each([
    ['2026-01-05', 'Nghệ An, ngày 05 tháng 01 năm 2026'],
    ['2026-02-09', 'Nghệ An, ngày 09 tháng 02 năm 2026'],
    ['2026-03-15', 'Nghệ An, ngày 15 tháng 3 năm 2026'],
    ['2026-12-31', 'Nghệ An, ngày 31 tháng 12 năm 2026'],
  ])('%s → %s', (iso, line) => expect(placeDateLine('Nghệ An', iso)).toBe(line));
  it('refuses a date that is not YYYY-MM-DD', () => expect(() => placeDateLine('Nghệ An', '5/1/2026')).toThrow());
});

describe('agency symbol and signature', () => {
  it.each([
    [skhcn, 'SKHCN'], [syt, 'SYT'], [commune, 'UBND'],
    [{ ...syt, name: 'Sở Văn hóa, Thể thao và Du lịch' }, 'SVHTTDL'],
  ])('symbol %#', (unit, symbol) => expect(unitForm(unit, planAuthority(catalogue.document)).symbol).toBe(symbol));
  const kind = (u: Unit) => unitForm(u, planAuthority(catalogue.document)).kind;
  it('a deputy signs "KT."; a commune chair signs "TM." for the committee', () => {
    expect(signatureOf(kind(syt), 'deputy')).toMatchObject({ authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC' });
    expect(signatureOf(kind(syt), 'head')).toMatchObject({ authority: [], title: 'GIÁM ĐỐC' });
    expect(signatureOf(kind(commune), 'head', 'Nguyễn Văn A')).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' });
    expect(signatureOf(kind(commune), 'deputy')).toMatchObject({ authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' });
  });
});

describe('an indicator report over all 51 indicators', () => {
  const values = [
    { kind: 'rate', percent: 72.5 }, { kind: 'rate', percent: 70 }, { kind: 'rate', percent: 10 }, null,
  ] as const;
  const submission: ReportSubmission = {
    ...header, kind: 'indicators',
    // Reversed on purpose: the table follows the plan's order, not the submission's.
    rows: [...catalogue.indicators].reverse().map((i) => ({ id: i.id, value: i.form.kind === 'rate' ? values[i.no % 4] : null, note: null })),
  };
  const model = buildReportModel(catalogue, submission, syt, { date: '2026-04-05', number: '15' });
  const table = model.body.find((b) => b.kind === 'table');

  it('has the header, title and subject the decree prescribes', () => {
    expect(model.header).toMatchObject({
      parentAgency: 'UBND TỈNH NGHỆ AN', agency: 'SỞ Y TẾ', nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc', number: 'Số: 15/BC-SYT', placeDate: 'Nghệ An, ngày 05 tháng 4 năm 2026',
    });
    expect(model.title).toBe('BÁO CÁO');
    expect(model.subject).toBe('Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I');
    expect(model.binding).toEqual({ submissionId: 's-1', revision: 2, contentHash: HASH, kind: 'indicators', unitId: 'so-y-te', period: '2026-Q1' });
  });

  it('has one table row per indicator, in plan order, with Vietnamese numbers and evaluation labels', () => {
    expect(table?.kind === 'table' && table.table.rows.length).toBe(51);
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.columns).toEqual(['TT', 'Chỉ tiêu', 'Mục tiêu 2026', 'Kết quả', 'Đánh giá']);
    expect(table.table.rows.map((r) => r[0])).toEqual(catalogue.indicators.map((i) => String(i.no)));
    const row1 = table.table.rows[0];
    expect(row1.slice(2)).toEqual([ind(1).targetText, ind(1).form.kind === 'rate' ? expect.stringMatching(/%$/) : 'Chưa có số liệu', expect.any(String)]);
  });

  it('shows the target qualifier', () => {
    if (table?.kind !== 'table') throw new Error('no table');
    const qualified = catalogue.indicators.find((i) => 'qualifier' in i.target && i.target.qualifier);
    expect(qualified).toBeDefined();
    const row = table.table.rows.find((r) => r[0] === String(qualified!.no))!;
    expect(row[2]).toContain('đối với các thủ tục đủ điều kiện');
  });

  it('counts met / exceeded / not met / no data with the core engine, adding up to 51', () => {
    const c = model.summary.indicators!;
    expect(c.met + c.exceeded + c.notMet + c.noData + c.contribution).toBe(51);
    expect(c.final).toBe(false);
    const rates = catalogue.indicators.filter((i) => i.form.kind === 'rate');
    expect(c.noData).toBe(51 - rates.length + rates.filter((i) => i.no % 4 === 3).length);
    expect(model.body).toContainEqual({ kind: 'paragraph', text: expect.stringContaining(`chưa có số liệu: ${c.noData}.`) });
  });

  it('ends Nơi nhận with "- Lưu: VT, SYT." and every other line with ";"', () => {
    expect(model.recipients.at(-1)).toBe('- Lưu: VT, SYT.');
    for (const line of model.recipients.slice(0, -1)) expect(line).toMatch(/^- .+;$/);
    expect(model.recipients[0]).toBe('- Sở Khoa học và Công nghệ (để tổng hợp);');
  });
});

describe('a task report over all 57 tasks', () => {
  const statuses = ['done', 'onTrack', 'late', 'notStarted'] as const;
  const rows = catalogue.tasks.map((t, i) => ({
    id: t.id, status: statuses[i % 4], progress: statuses[i % 4] === 'done' ? 100 : 40, result: i === 0 ? 'Đã kiện toàn Ban chỉ đạo' : null,
    obstacles: null, proposal: i === 1 ? 'Bổ sung kinh phí' : null, completedOn: null,
  }));
  // The 6-month report: judged at its cut-off (14/06/2026), whatever day it is printed.
  const submission: ReportSubmission = { ...header, period: '2026-H1', unitId: 'so-khcn', kind: 'tasks', rows };
  const model = buildReportModel(catalogue, submission, skhcn, { date: '2026-03-01', signingAs: 'deputy' });
  const table = model.body.find((b) => b.kind === 'table');

  it('has one row per task with its deadline state on the report date', () => {
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.rows).toHaveLength(catalogue.tasks.length);
    const q1 = catalogue.tasks.findIndex((t) => t.deadline.kind === 'quarter' && t.deadline.quarter === 1);
    expect(q1).toBeGreaterThanOrEqual(0);
    expect(table.table.rows[q1][5]).toBe(statuses[q1 % 4] === 'done' ? 'Đã hoàn thành' : 'Quá hạn');
    expect(table.table.rows[0][3]).toBe('Hoàn thành (100%)');
  });

  it('counts done, on time, late, overdue and not started, adding up', () => {
    const c = model.summary.tasks!;
    expect(c.total).toBe(catalogue.tasks.length);
    expect(c.done + c.onTime + c.late + c.overdue + c.notStarted + c.notReported).toBe(c.total);
    expect(c.done).toBe(rows.filter((r) => r.status === 'done').length);
    expect(c.overdue).toBeGreaterThan(0);
  });

  it('collects proposals from the task rows', () => {
    expect(model.proposals).toEqual([`Nhiệm vụ ${catalogue.tasks[1].no}: Bổ sung kinh phí`]);
    expect(model.body).toContainEqual({ kind: 'paragraph', text: `- Nhiệm vụ ${catalogue.tasks[1].no}: Bổ sung kinh phí.` });
  });

  it('is sent to the province by SKHCN itself, with the monitoring agencies, signed KT.', () => {
    expect(model.recipients[0]).toBe('- UBND tỉnh Nghệ An (để báo cáo);');
    expect(model.recipients).toContain('- Sở Nội vụ (để theo dõi);');
    expect(model.signature).toMatchObject({ authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC' });
  });
});

describe('reportSubmissionFrom (GET /api/submissions/:id)', () => {
  const detail = {
    id: 's-9', planId: catalogue.planId, unitId: 'so-y-te', period: '2026-H1', kind: 'indicators' as const, revision: 2,
    revisions: [
      { revision: 1, contentHash: 'b'.repeat(64), content: { rows: [{ id: 'ct-01', value: { kind: 'rate', percent: 50 }, note: null }] } },
      { revision: 2, contentHash: HASH, content: { rows: [{ id: 'ct-11', value: { kind: 'status', status: 'done', evidence: null }, note: 'QĐ 12' }] } },
    ],
  };
  it('takes the latest revision by default, a named one on request, and null for one that does not exist', () => {
    expect(reportSubmissionFrom(detail)).toMatchObject({ revision: 2, contentHash: HASH, rows: [{ id: 'ct-11', value: { kind: 'status', status: 'done' }, note: 'QĐ 12' }] });
    expect(reportSubmissionFrom(detail)!.rows[0]).not.toHaveProperty('value.evidence');
    expect(reportSubmissionFrom(detail, 1)).toMatchObject({ revision: 1, rows: [{ id: 'ct-01' }] });
    expect(reportSubmissionFrom(detail, 3)).toBeNull();
  });
  it('names the period in the subject after the year, not the year twice ("năm 2026, 6 tháng đầu năm")', () => {
    const m = buildReportModel(catalogue, reportSubmissionFrom(detail)!, commune, { date: '2026-06-20' });
    expect(m.subject).toMatch(/năm 2026, 6 tháng đầu năm$/);
    expect(m.header).toMatchObject({ parentAgency: null, agency: 'ỦY BAN NHÂN DÂN\nXÃ ANH SƠN', number: 'Số: …/BC-UBND' });
  });
});

describe('what a unit’s report says about its values: by whose target, and when (docs/figures.md)', () => {
  const ward = { id: 'phuong-vinh-hung', name: 'Phường Vinh Hưng', classes: ['cap-xa'], level: 'commune' as const };
  const report = (unit: Unit, period: string, rows: ReportSubmission['rows']) => {
    const model = buildReportModel(catalogue, { ...header, unitId: unit.id, period, kind: 'indicators', rows } as ReportSubmission, unit, { date: '2026-04-05' });
    const table = model.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    return { rows: new Map(table.table.rows.map((r) => [r[0], r])), summary: model.summary.indicators! };
  };
  const skhcnUnit = catalogue.units.find((u) => u.id === 'so-khcn')!;

  it.each([
    // indicator, unit, period, value → result column, evaluation column
    [5, 'ward', '2026-Q1', { kind: 'yesNo', yes: true }, 'Có', 'Đóng góp vào số liệu toàn tỉnh'],
    [5, 'ward', '2026-Y', { kind: 'yesNo', yes: true }, 'Có', 'Đóng góp vào số liệu toàn tỉnh'],
    [23, 'ward', '2026-Y', { kind: 'countPair', numerator: 40, denominator: 60 }, '40/60 = 66,67%', 'Đóng góp vào số liệu toàn tỉnh'],
    [7, 'ward', '2026-Y', { kind: 'yesNo', yes: true }, 'Có', 'Đạt'],
    [7, 'ward', '2026-9M', { kind: 'yesNo', yes: false }, 'Không', 'Chưa đạt mục tiêu năm'],
    [18, 'ward', '2026-H1', { kind: 'countPair', numerator: 40, denominator: 80 }, '40/80 = 50%', 'Đạt 50% mục tiêu năm'],
    [1, 'skhcn', '2026-Q1', { kind: 'rate', percent: 35 }, '35%', 'Đạt 50% mục tiêu năm'],
    [1, 'skhcn', '2026-Q1', { kind: 'rate', percent: 72.5 }, '72,5%', 'Đã đạt mục tiêu năm'],
    [1, 'skhcn', '2026-Y', { kind: 'rate', percent: 72.5 }, '72,5%', 'Vượt'],
    [1, 'skhcn', '2026-Y', { kind: 'rate', percent: 35 }, '35%', 'Chưa đạt'],
    [11, 'skhcn', '2026-H1', { kind: 'status', status: 'inProgress' }, 'Đang triển khai', 'Chưa đạt mục tiêu năm'],
    [11, 'skhcn', '2026-H1', { kind: 'status', status: 'done' }, 'Hoàn thành', 'Đã đạt mục tiêu năm'],
    [1, 'skhcn', '2026-9M', null, 'Chưa có số liệu', 'Chưa có số liệu'],
  ] as const)('indicator %d, %s, %s: %j → “%s”, “%s”', (no, who, period, value, result, label) => {
    const unit = who === 'ward' ? ward : skhcnUnit;
    const { rows } = report(unit, period, [{ id: ind(no).id, value: value as never, note: null }]);
    expect(rows.get(String(no))?.slice(3)).toEqual([result, label]);
    expect(rows.get(String(no))?.[1]).toContain(ind(no).measure === 'stock' ? '(số liệu tính đến ngày' : '(số liệu từ ngày');
  });

  it('words the summary as progress before the year’s report and as final evaluations in it, contributions apart', () => {
    const rows = [{ id: 'ct-05', value: { kind: 'yesNo', yes: true }, note: null }, { id: 'ct-07', value: { kind: 'yesNo', yes: true }, note: null }] as ReportSubmission['rows'];
    const q1 = report(ward, '2026-Q1', rows);
    expect(q1.summary).toMatchObject({ met: 1, contribution: 1, final: false });
    expect(indicatorSummary(q1.summary)).toBe('Tổng số chỉ tiêu đơn vị báo cáo: 2; trong đó đã đạt mục tiêu năm: 1; chưa đạt mục tiêu năm: 0; số liệu đóng góp vào chỉ tiêu toàn tỉnh (không đánh giá riêng): 1; chưa có số liệu: 0.');
    expect(indicatorSummary(report(ward, '2026-Y', rows).summary)).toMatch(/trong đó đạt: 1; vượt: 0; chưa đạt: 0; số liệu đóng góp/u);
  });
});

describe('the sections every unit report has (II Khó khăn, vướng mắc; III Đề xuất, kiến nghị; IV Nhiệm vụ trọng tâm kỳ tới)', () => {
  const headings = (m: ReturnType<typeof buildReportModel>) => m.body.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
  const paragraphsUnder = (m: ReturnType<typeof buildReportModel>, heading: string): string[] => {
    const at = m.body.findIndex((b) => b.kind === 'heading' && b.text === heading);
    const next = m.body.findIndex((b, i) => i > at && b.kind === 'heading');
    return m.body.slice(at + 1, next === -1 ? undefined : next).map((b) => (b.kind === 'paragraph' ? b.text : ''));
  };
  const statuses = ['done', 'onTrack', 'late', 'notStarted', null] as const;
  const rows = catalogue.tasks.map((t, i) => ({
    id: t.id, status: statuses[i % 5], progress: null, result: null,
    obstacles: i % 7 === 0 ? `Thiếu kinh phí thực hiện nhiệm vụ ${i};` : null, proposal: null, completedOn: null,
  }));
  const tasks = buildReportModel(catalogue, { ...header, period: '2026-9M', kind: 'tasks', rows }, syt, { date: '2026-09-20' });

  it.each(['indicators', 'tasks'] as const)('a report of %s has the four sections in order, the closing sentence last', (k) => {
    const m = k === 'tasks' ? tasks : buildReportModel(catalogue, { ...header, kind: 'indicators', rows: [] }, syt, { date: '2026-04-05' });
    expect(headings(m).slice(1)).toEqual(['II. KHÓ KHĂN, VƯỚNG MẮC', 'III. ĐỀ XUẤT, KIẾN NGHỊ', 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI']);
    expect(m.body.at(-1)).toEqual({ kind: 'paragraph', text: expect.stringMatching(/^Trên đây là báo cáo .*\.\/\.$/u) });
  });

  it('lists every obstacle a task row gives, by task, in plan order, once each', () => {
    const want = catalogue.tasks.flatMap((t, i) => (i % 7 === 0 ? [`- Nhiệm vụ ${t.no ?? ''}`] : []));
    const got = paragraphsUnder(tasks, 'II. KHÓ KHĂN, VƯỚNG MẮC');
    expect(got).toHaveLength(want.length);
    got.forEach((line) => expect(line).toMatch(/^- Nhiệm vụ .+: Thiếu kinh phí thực hiện nhiệm vụ \d+\.$/u));
    expect(tasks.difficulties).toHaveLength(want.length);
    // Obstacles are not repeated in the table's result column.
    const table = tasks.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.rows.some((r) => r.join(' ').includes('Thiếu kinh phí'))).toBe(false);
  });

  it('says so when there is no obstacle', () => {
    const none = buildReportModel(catalogue, { ...header, kind: 'tasks', rows: rows.map((r) => ({ ...r, obstacles: null })) }, syt, { date: '2026-04-05' });
    expect(paragraphsUnder(none, 'II. KHÓ KHĂN, VƯỚNG MẮC')).toEqual(['Đơn vị không có khó khăn, vướng mắc.']);
  });

  it('names, as next period’s priorities, exactly the overdue, late, not started and unreported tasks', () => {
    const table = tasks.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const numbersWhere = (pred: (r: readonly string[]) => boolean) => table.table.rows.filter(pred).map((r) => r[0]).filter((n) => n !== '');
    const priorities = paragraphsUnder(tasks, 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI').slice(0, -1);
    const listed = (prefix: string) => (priorities.find((p) => p.includes(prefix)) ?? '').replace(/^.*: số /u, '').replace(/\.$/u, '').split(', ').filter((x) => x !== '' && !x.startsWith('"'));
    expect(listed('đã quá hạn')).toEqual(numbersWhere((r) => r[5] === 'Quá hạn'));
    expect(listed('chưa báo cáo')).toEqual(numbersWhere((r) => r[5] === 'Chưa báo cáo'));
    expect(listed('chậm tiến độ')).toEqual(numbersWhere((r) => r[5] !== 'Quá hạn' && r[3].startsWith('Chậm tiến độ')));
    priorities.forEach((p, i) => expect(p).toMatch(new RegExp(`^${i + 1}\\. `, 'u')));
  });

  it('for indicators, names the ones not at the target and the ones without data', () => {
    const m = buildReportModel(catalogue, {
      ...header, kind: 'indicators',
      rows: [{ id: ind(1).id, value: { kind: 'rate', percent: 10 }, note: null }, { id: ind(2).id, value: null, note: null }],
    }, skhcn, { date: '2026-04-05' });
    const p = paragraphsUnder(m, 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI');
    expect(p[0]).toBe('1. Tập trung thực hiện để đạt mục tiêu năm các chỉ tiêu chưa đạt: số 1.');
    expect(p[1]).toBe('2. Thu thập, cập nhật số liệu các chỉ tiêu chưa có số liệu: số 2.');
  });
});

describe('the trích yếu says the year once, for every period of the plan', () => {
  it.each(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-9M', '2026-Y', '2027-Q1'])('%s', (period) => {
    const m = buildReportModel(catalogue, { ...header, period, kind: 'indicators', rows: [] }, syt, { date: '2026-04-05' });
    expect(m.subject.startsWith(`Kết quả thực hiện Kế hoạch ${catalogue.document.title.charAt(0).toLocaleLowerCase('vi')}`)).toBe(true);
    expect(m.subject.match(/2026/gu)).toHaveLength(1);
    // Only a period of another year than the plan's names its own year.
    if (period.startsWith('2026')) expect(m.subject).not.toMatch(/năm \d{4}, .*năm \d{4}/u);
    else expect(m.subject.endsWith(`năm ${period.slice(0, 4)}`)).toBe(true);
  });
});

describe('a commune reports as its People’s Committee, dated at its own name', () => {
  it('header, place, signature and self-naming', () => {
    const m = buildReportModel(catalogue, { ...header, kind: 'indicators', rows: [] }, commune, { date: '2026-04-05', signingAs: 'deputy' });
    expect(m.header).toMatchObject({ parentAgency: null, agency: 'ỦY BAN NHÂN DÂN\nXÃ ANH SƠN', number: 'Số: …/BC-UBND', placeDate: 'Anh Sơn, ngày 05 tháng 4 năm 2026' });
    expect(m.signature).toMatchObject({ authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' });
    expect(m.body[0]).toMatchObject({ text: expect.stringContaining(', UBND xã Anh Sơn báo cáo kết quả thực hiện quý I năm 2026 như sau:') });
  });
});

describe('the plan’s issuer comes from its metadata', () => {
  const city = { ...catalogue, document: { ...catalogue.document, issuer: 'UBND thành phố Cần Thơ', province: 'Cần Thơ', title: 'Chuyển đổi số thành phố Cần Thơ năm 2026' } };
  it('a city plan: its committee over the department, its name in the date line, subject and opening', () => {
    const m = buildReportModel(city, { ...header, kind: 'indicators', rows: [] }, syt, { date: '2026-04-05' });
    expect(m.header).toMatchObject({ parentAgency: 'UBND THÀNH PHỐ CẦN THƠ', placeDate: 'Cần Thơ, ngày 05 tháng 4 năm 2026' });
    expect(m.subject).toBe('Kết quả thực hiện Kế hoạch chuyển đổi số thành phố Cần Thơ năm 2026, quý I');
    expect(m.body[0]).toMatchObject({ text: expect.stringContaining('của UBND thành phố Cần Thơ về chuyển đổi số thành phố Cần Thơ năm 2026') });
    expect(JSON.stringify(m)).not.toMatch(/tỉnh|Nghệ An/u);
  });
});
