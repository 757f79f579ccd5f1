// The consolidated report's content and model (src/core/report/province-*.ts), without a server.
import type { Unit } from '../../src/core/catalogue-types';
import { parsePeriod, periodsOfYear } from '../../src/core/periods';
import { periodInYear, provinceReportContent, provinceReportModel, type ProvinceReportInput } from '../../src/core/report';

const DOC = { number: '1174/KH-UBND', issuedOn: '2025-12-31', issuer: 'UBND tỉnh Nghệ An', title: 'Chuyển đổi số tỉnh Nghệ An năm 2026', planYear: 2026, province: 'Nghệ An' };
const unit = (unitId: string, status: string, late: boolean | null, provinceState: string | null = null) => ({ unitId, name: `Đơn vị ${unitId}`, status, late, submittedAt: null, provinceState });
const indicator = (no: number, evaluation: string, reported: number, expected: number) => ({
  id: `ct-${no}`, no, group: 'I', text: `Chỉ tiêu số ${no}`, targetText: '≥ 70%', figureText: '50%', evaluation, evaluationLabel: evaluation,
  expected, reported, provisional: reported < expected,
});
const task = (no: number, group: string, units: { id: string; state: string; obstacles?: string; proposal?: string }[]) => ({
  id: `nv-${no}`, no, group, text: `Nhiệm vụ thứ ${no} của kế hoạch`, deadlineText: 'Quý I/2026',
  units: units.map((u) => ({ unitId: u.id, name: `Đơn vị ${u.id}`, reportStatus: 'approved', deadlineState: u.state, obstacles: u.obstacles ?? null, proposal: u.proposal ?? null })),
});

const input: ProvinceReportInput = {
  planId: 'p', period: '2026-Q1',
  indicatorGroups: [{ id: 'I', title: 'Hạ tầng số' }, { id: 'II', title: 'Nhóm không có chỉ tiêu' }],
  taskGroups: [{ id: 'I', title: 'Lãnh đạo' }, { id: 'II', title: 'Thể chế' }],
  indicators: {
    indicators: [indicator(1, 'met', 2, 2), indicator(2, 'exceeded', 1, 1), indicator(3, 'notMet', 1, 3), indicator(4, 'noData', 0, 3)],
    units: [unit('a', 'approved', false, 'accepted'), unit('b', 'submitted', true), unit('c', 'missing', null)],
  },
  tasks: {
    tasks: [
      task(1, 'I', [{ id: 'a', state: 'done' }, { id: 'b', state: 'overdue', obstacles: '  Thiếu   nhân lực ', proposal: 'Bổ sung biên chế' }]),
      task(2, 'II', [{ id: 'a', state: 'onTime', obstacles: 'Chờ hướng dẫn' }]),
    ],
    units: [unit('a', 'approved', false), unit('b', 'approved', false)],
  },
};

describe('provinceReportContent', () => {
  const c = provinceReportContent(input);

  it('counts reporting per kind: received, on time, late, missing, approved, accepted', () => {
    expect(c.reporting.indicators).toEqual({ expected: 3, received: 2, onTime: 1, late: 1, missing: 1, approved: 1, accepted: 1 });
    expect(c.reporting.tasks).toMatchObject({ expected: 2, received: 2, missing: 0 });
  });

  it('counts met (with exceeded), not met and without data; groups without indicators are left out', () => {
    expect(c.indicatorCounts).toEqual({ total: 4, met: 2, notMet: 1, noData: 1, provisional: 2 });
    expect(c.indicatorGroups.map((g) => g.id)).toEqual(['I']);
  });

  it('lists the overdue tasks with the lead units that have not completed them', () => {
    expect(c.overdueTasks).toEqual([{ no: 1, text: 'Nhiệm vụ thứ 1 của kế hoạch', deadlineText: 'Quý I/2026', units: ['Đơn vị b'] }]);
    expect(c.taskGroups).toEqual([
      { group: 'I', title: 'Lãnh đạo', total: 1, done: 0, overdue: 1 },
      { group: 'II', title: 'Thể chế', total: 1, done: 0, overdue: 0 },
    ]);
  });

  it('lists each unit once, with the state of each of its reports', () => {
    expect(c.lateUnits).toEqual([
      { name: 'Đơn vị b', indicators: 'late', tasks: 'onTime' },
      { name: 'Đơn vị c', indicators: 'missing', tasks: 'notExpected' },
    ]);
  });

  it('compiles difficulties and proposals by task group, each attributed to its unit and task, tidied', () => {
    expect(c.difficulties).toEqual([
      { group: 'I', groupTitle: 'Lãnh đạo', unit: 'Đơn vị b', task: 'Nhiệm vụ 1', text: 'Thiếu nhân lực' },
      { group: 'II', groupTitle: 'Thể chế', unit: 'Đơn vị a', task: 'Nhiệm vụ 2', text: 'Chờ hướng dẫn' },
    ]);
    expect(c.proposals).toEqual([expect.objectContaining({ unit: 'Đơn vị b', text: 'Bổ sung biên chế' })]);
  });

  it('proposes next period’s priorities from what is not yet met, unless the consolidator wrote them', () => {
    expect(c.priorities.join(' ')).toMatch(/1 chỉ tiêu chưa đạt.*1 chỉ tiêu chưa có số liệu.*1 nhiệm vụ đã quá thời hạn/s);
    expect(provinceReportContent({ ...input, priorities: ['  Việc một ', ''] }).priorities).toEqual(['Việc một']);
  });
});

describe('provinceReportModel', () => {
  const c = provinceReportContent(input);
  const SKHCN_UNIT: Unit = { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' };
  const model = (period: string) => provinceReportModel(DOC, SKHCN_UNIT, { ...c, period }, { date: '2026-04-03', reportId: 'r', revision: 2, contentHash: 'h' });

  it.each(periodsOfYear(2026).map((p) => [p.id] as const))('names the year once in the trích yếu (%s)', (id) => {
    const subject = model(id).subject;
    expect(subject.match(/2026/g)).toHaveLength(1);
    const parsed = parsePeriod(id);
    const label = parsed.ok ? periodInYear(parsed.value) : 'unreadable';
    if (label) expect(subject.endsWith(`, ${label}`)).toBe(true);
  });

  it('is issued by Sở KH&CN under UBND tỉnh, dated, bound to its revision, with every section in order', () => {
    const m = model('2026-Q1');
    expect(m.header).toMatchObject({ parentAgency: 'UBND TỈNH NGHỆ AN', agency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', number: 'Số: …/BC-SKHCN', placeDate: 'Nghệ An, ngày 03 tháng 4 năm 2026' });
    expect(m.binding).toEqual({ submissionId: 'r', revision: 2, contentHash: 'h', kind: 'province', unitId: 'province', period: '2026-Q1' });
    const headings = m.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text.split('.')[0]);
    expect(headings).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(m.recipients.at(-1)).toBe('- Lưu: VT, SKHCN.');
    // Running text names the period in full, once: never "6 tháng đầu năm năm 2026".
    for (const id of ['2026-Q1', '2026-H1', '2026-9M', '2026-Y']) {
      const text = model(id).body.map((b) => ('text' in b ? b.text : '')).join(' ');
      expect(text).not.toMatch(/năm năm/);
      expect(text).toMatch(/thực hiện (quý I năm|6 tháng đầu năm|9 tháng năm|năm) 2026/);
    }
    expect(m.signature).toMatchObject({ authority: [], title: 'GIÁM ĐỐC' });
    expect(m.body[0]).toEqual({ kind: 'paragraph', text: 'Kính gửi: Ủy ban nhân dân tỉnh Nghệ An.' });
    expect(m.recipients[0]).toBe('- UBND tỉnh Nghệ An (để báo cáo);');
  });

  it.each([
    // issuer in the plan's metadata → addressee, parent line, first recipient
    ['UBND thành phố Cần Thơ', 'Cần Thơ', 'Ủy ban nhân dân thành phố Cần Thơ', 'UBND THÀNH PHỐ CẦN THƠ', '- UBND thành phố Cần Thơ (để báo cáo);'],
    ['Ban Chỉ đạo chuyển đổi số tỉnh Hà Tĩnh', 'Hà Tĩnh', 'Ban Chỉ đạo chuyển đổi số tỉnh Hà Tĩnh', 'UBND TỈNH HÀ TĨNH', '- Ban Chỉ đạo chuyển đổi số tỉnh Hà Tĩnh (để báo cáo);'],
  ])('is addressed to the plan’s issuer, not a fixed body: %s', (issuer, province, addressee, parent, recipient) => {
    const m = provinceReportModel({ ...DOC, issuer, province, title: `Chuyển đổi số năm 2026` }, SKHCN_UNIT, { ...c, period: '2026-Q1' }, { date: '2026-04-03', reportId: 'r', revision: 1, contentHash: 'h' });
    expect(m.body[0]).toEqual({ kind: 'paragraph', text: `Kính gửi: ${addressee}.` });
    expect(m.body.at(-1)).toMatchObject({ text: expect.stringMatching(new RegExp(`kính báo cáo ${addressee}\\./\\.$`, 'u')) });
    expect(m.header).toMatchObject({ parentAgency: parent, placeDate: expect.stringMatching(new RegExp(`^${province}, ngày`, 'u')) });
    expect(m.recipients[0]).toBe(recipient);
    expect(m.body[1]).toMatchObject({ text: expect.stringContaining(`của ${issuer} về chuyển đổi số năm 2026`) });
  });

  it.each([
    // the plan's consolidating body (catalogue.coordinator) → header, number symbol, signer, wording, archive
    [{ id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' }, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'SKHCN', 'GIÁM ĐỐC'],
    [{ id: 'so-tttt', name: 'Sở Thông tin và Truyền thông', classes: ['so-ban-nganh'], level: 'province' }, 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'STTTT', 'GIÁM ĐỐC'],
    [{ id: 'vp-ubnd', name: 'Văn phòng UBND tỉnh', classes: ['so-ban-nganh'], level: 'province' }, 'VĂN PHÒNG', 'VPUB', 'CHÁNH VĂN PHÒNG'],
  ] as [Unit, string, string, string][])('is issued by the plan’s consolidating body: %s', (unit, agency, symbol, title) => {
    const m = provinceReportModel(DOC, unit, { ...c, period: '2026-H1' }, { date: '2026-07-03', reportId: 'r', revision: 1, contentHash: 'h' });
    expect(m.header).toMatchObject({ parentAgency: 'UBND TỈNH NGHỆ AN', agency, number: `Số: …/BC-${symbol}` });
    expect(m.signature).toMatchObject({ title });
    expect(m.recipients.at(-1)).toBe(`- Lưu: VT, ${symbol}.`);
    const text = m.body.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(text).toContain(`${unit.name} tổng hợp, báo cáo kết quả thực hiện`);
    expect(text).toContain(`${unit.name} đã tiếp nhận`);
    expect(m.body.at(-1)).toMatchObject({ text: expect.stringContaining(`của ${unit.name}, kính báo cáo`) });
    // No other body is named as the issuer.
    if (unit.id !== 'so-khcn') expect(text).not.toContain('Sở Khoa học và Công nghệ');
  });
});
