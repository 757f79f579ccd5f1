import type { SubmissionRequest } from '../../src/core/schemas';
import { canonicalRows, rowEvaluations, validateSubmission } from '../../src/core/validate-submission';
import { loadCatalogue } from './fixtures/catalogue';

const catalogue = loadCatalogue();
const base = { clientSubmissionId: '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70', planId: 'nghe-an-1174-2026', unitId: 'so-khcn', period: '2026-Q1' };
const indicators = (rows: Extract<SubmissionRequest, { kind: 'indicators' }>['rows'], over: Partial<typeof base> = {}): SubmissionRequest =>
  ({ ...base, ...over, kind: 'indicators', rows });
const tasks = (rows: Extract<SubmissionRequest, { kind: 'tasks' }>['rows'], over: Partial<typeof base> = {}): SubmissionRequest =>
  ({ ...base, ...over, kind: 'tasks', rows });
const found = (r: ReturnType<typeof validateSubmission>) =>
  (r.ok ? r.warnings : r.issues).map((i) => [i.code, i.severity, i.rowId ?? null, i.field ?? null]);

describe('validateSubmission: indicators', () => {
  it('reads and evaluates every row (5G coverage, IOC, training of staff, non-cash payments)', () => {
    const r = validateSubmission(catalogue, indicators([
      { id: 'ct-01', value: '72,5%' },
      { id: 'ct-11', value: 'đang triển khai', note: 'Đã phê duyệt chủ trương đầu tư' },
      { id: 'ct-16', numerator: '1.200', denominator: '1.500' },
      { id: 'ct-46', value: '65%' },
      { id: 'ct-05' },
    ]));
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'indicators') return;
    expect(r.value.period).toMatchObject({ id: '2026-Q1', start: '2025-12-15', end: '2026-03-14' });
    expect(r.value.rows.map((x) => [x.id, x.evaluation])).toEqual([
      ['ct-01', 'exceeded'], ['ct-11', 'notMet'], ['ct-16', 'notMet'], ['ct-46', 'met'], ['ct-05', 'noData'],
    ]);
    expect(r.value.rows[1]).toEqual({ id: 'ct-11', value: { kind: 'status', status: 'inProgress', evidence: 'Đã phê duyệt chủ trương đầu tư' }, evaluation: 'notMet', note: 'Đã phê duyệt chủ trương đầu tư' });
    expect(rowEvaluations(r.value)).toEqual([
      { id: 'ct-01', evaluation: 'exceeded', display: '72,5%' },
      { id: 'ct-11', evaluation: 'notMet', display: 'Đang triển khai' },
      { id: 'ct-16', evaluation: 'notMet', display: '80% (1.200/1.500)' },
      { id: 'ct-46', evaluation: 'met', display: '65%' },
      { id: 'ct-05', evaluation: 'noData', display: 'Chưa có số liệu' },
    ]);
  });

  it('passes with warnings: a rate typed as a fraction', () => {
    const r = validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '0,725' }]));
    expect(r.ok).toBe(true);
    expect(found(r)).toEqual([['value.readAsFraction', 'warning', 'ct-01', 'value']]);
  });

  it.each([
    ['an unknown id', [{ id: 'ct-99', value: '1%' }], [['row.unknownId', 'error', 'ct-99', 'id']]],
    ['a task id in an indicator report', [{ id: 'nv-07', value: 'Hoàn thành' }], [['row.unknownId', 'error', 'nv-07', 'id']]],
    ['a duplicated row', [{ id: 'ct-01', value: '70%' }, { id: 'ct-01', value: '71%' }], [['row.duplicateId', 'error', 'ct-01', 'id']]],
    ['a numerator above its denominator', [{ id: 'ct-16', numerator: '50', denominator: '40' }], [['value.numeratorAboveDenominator', 'error', 'ct-16', 'numerator']]],
    ['applied without a description, and a fraction', [{ id: 'ct-10', value: 'Ứng dụng' }, { id: 'ct-01', value: '0,7' }],
      [['value.descriptionRequired', 'error', 'ct-10', 'note'], ['value.readAsFraction', 'warning', 'ct-01', 'value']]],
    ['an unreadable yes/no', [{ id: 'ct-05', value: 'Rồi' }], [['value.unknownYesNo', 'error', 'ct-05', 'value']]],
  ] as const)('refuses %s', (_what, rows, expected) => {
    const r = validateSubmission(catalogue, indicators([...rows]));
    expect(r.ok).toBe(false);
    expect(found(r)).toEqual(expected);
  });

  it('refuses rows not assigned to the unit', () => {
    const r = validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }, { id: 'ct-05', value: 'Có' }]), { assignedIds: new Set(['ct-01']) });
    expect(found(r)).toEqual([['row.notAssigned', 'error', 'ct-05', 'id']]);
  });

  it.each([
    ['2025-Q4', [['period.wrongPlanYear', 'error', null, 'period']]],
    ['2026-Q5', [['period.unknown', 'error', null, 'period']]],
  ])('refuses period %s', (period, expected) => {
    expect(found(validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }], { period })))).toEqual(expected);
  });

  it('refuses another plan', () => {
    expect(found(validateSubmission(catalogue, indicators([], { planId: 'ha-tinh-2026' })))).toEqual([['submission.wrongPlan', 'error', null, 'planId']]);
  });
});

describe('validateSubmission: tasks (Phụ lục 02)', () => {
  it('reads the province’s progress vocabulary and the narrative cells', () => {
    const r = validateSubmission(catalogue, tasks([
      { id: 'nv-07', status: 'Đang triển khai (đúng tiến độ)', progress: '40%', result: ' Đã có bản thử nghiệm ', obstacles: null },
      { id: 'nv-01', status: 'HOÀN THÀNH', progress: 100, completedOn: '2026-03-10' },
    ]));
    expect(r.ok && r.value.rows).toEqual([
      { id: 'nv-07', status: 'onTrack', progress: 40, result: 'Đã có bản thử nghiệm', obstacles: null, proposal: null, completedOn: null },
      { id: 'nv-01', status: 'done', progress: 100, result: null, obstacles: null, proposal: null, completedOn: '2026-03-10' },
    ]);
  });

  it.each([
    [{ id: 'nv-07', status: 'Hoàn thành', progress: 80 }, true, [['task.inconsistent', 'warning', 'nv-07', 'status']]],
    [{ id: 'nv-07', status: 'Chưa triển khai', progress: 10 }, true, [['task.inconsistent', 'warning', 'nv-07', 'status']]],
    [{ id: 'nv-07', status: 'Chậm tiến độ', completedOn: '2026-03-01' }, true, [['task.inconsistent', 'warning', 'nv-07', 'status']]],
    [{ id: 'nv-07', status: 'Rồi' }, false, [['value.unknownStatus', 'error', 'nv-07', 'status']]],
    [{ id: 'nv-07', status: '', result: 'Đã làm một phần' }, false, [['value.required', 'error', 'nv-07', 'status']]],
    [{ id: 'nv-07', status: 'Chậm tiến độ', progress: '150' }, false, [['value.percentOutOfRange', 'error', 'nv-07', 'progress']]],
    [{ id: 'nv-07', status: 'Hoàn thành', completedOn: '2026-02-30' }, false, [['value.dateInvalid', 'error', 'nv-07', 'completedOn']]],
    [{ id: 'nv-39', status: 'Hoàn thành' }, false, [['row.unknownId', 'error', 'nv-39', 'id']]],
  ] as const)('%j: ok = %p, %j', (row, ok, expected) => {
    const r = validateSubmission(catalogue, tasks([row]));
    expect(r.ok).toBe(ok);
    expect(found(r)).toEqual(expected);
  });

  it('a blank row beside a reported one is not reported, with a warning on its status cell', () => {
    const r = validateSubmission(catalogue, tasks([{ id: 'nv-07', status: ' ' }, { id: 'nv-25', status: 'Hoàn thành' }]));
    expect(r.ok && r.value.rows[0].id === 'nv-07' && r.value.kind === 'tasks' && r.value.rows[0].status).toBe(null);
    expect(found(r)).toEqual([['row.blank', 'warning', 'nv-07', 'status']]);
  });
});

describe('blank and empty (docs/figures.md): assigned rows still empty are warnings, a report with none filled is refused', () => {
  const assignedIds = new Set(['ct-01', 'ct-11', 'ct-16', 'ct-05']);
  it.each([
    ['rows: []', []],
    ['an untouched template', [{ id: 'ct-01' }, { id: 'ct-11', note: '' }, { id: 'ct-16', numerator: '', denominator: ' ' }, { id: 'ct-05', value: null }]],
    ['only notes', [{ id: 'ct-01', note: 'chưa có số liệu' }]],
  ] as const)('%s is refused as empty, in Vietnamese', (_, rows) => {
    const r = validateSubmission(catalogue, indicators(rows as never), { assignedIds });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['submission.empty']);
    expect(r.issues[0].message).toMatch(/không thể nộp báo cáo trống/u);
  });

  it('counts every assigned row still empty, sent or not, each on its first input cell', () => {
    const r = validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }, { id: 'ct-16' }]), { assignedIds });
    // in plan order
    expect(found(r)).toEqual([['row.blank', 'warning', 'ct-05', 'value'], ['row.blank', 'warning', 'ct-11', 'value'], ['row.blank', 'warning', 'ct-16', 'numerator']]);
    expect(r.ok && r.warnings[0].message).toMatch(/3\/4 dòng được giao còn trống/u);
  });

  it('an empty task report is refused too', () => {
    const r = validateSubmission(catalogue, tasks([{ id: 'nv-07', status: '' }]));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['submission.empty']);
  });
});

describe('the reporting scheme and yearly-only indicators', () => {
  it.each(['2026-Q2', '2026-Q3', '2026-Q4'])('refuses %s: the default scheme is Q1, 6 tháng, 9 tháng, năm', (period) => {
    const r = validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }], { period }));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['period.notInScheme']);
    expect(r.ok ? '' : r.issues[0].message).toMatch(/6 tháng đầu năm 2026 \(2026-H1\)/u);
  });

  it.each(['2026-Q1', '2026-H1', '2026-9M', '2026-Y'])('accepts %s', (period) => {
    expect(validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }], { period })).ok).toBe(true);
  });

  it('follows a plan’s own scheme', () => {
    const quarterly = { ...catalogue, reportingScheme: { periods: ['Q1', 'Q2', 'Q3', 'Q4'] as const, reason: 'hàng quý' } };
    expect(validateSubmission(quarterly, indicators([{ id: 'ct-01', value: '72%' }], { period: '2026-Q2' })).ok).toBe(true);
    expect(validateSubmission(quarterly, indicators([{ id: 'ct-01', value: '72%' }], { period: '2026-H1' })).ok).toBe(false);
  });

  it.each(catalogue.indicators.filter((i) => i.yearlyOnly).map((i) => [i.no, i.id] as const))(
    'yearly-only indicator %d is refused before the year report and taken in it', (_, id) => {
      const row = { id, value: '12%' };
      const q1 = validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }, row], { period: '2026-9M' }));
      expect(q1.ok ? [] : q1.issues.map((i) => [i.code, i.rowId])).toEqual([['period.notInScheme', id]]);
      expect(validateSubmission(catalogue, indicators([{ id: 'ct-01', value: '72%' }, row], { period: '2026-Y' })).ok).toBe(true);
    });
});

describe('task deadlines at the period’s cut-off', () => {
  // nv-25 (SKHCN) is due "Quý I/2026" (31/03/2026); nv-07 is due "2026".
  it.each([
    ['2026-Q1', 'nv-25', true],   // cut-off 14/03: not yet due
    ['2026-H1', 'nv-25', false],  // cut-off 14/06: past Quý I
    ['2026-9M', 'nv-07', true],   // due 2026, cut-off 14/09
    ['2026-Y', 'nv-07', false],   // the year report judges every deadline of the year
  ] as const)('in %s "đúng tiến độ" for %s is accepted: %s', (period, id, accepted) => {
    const r = validateSubmission(catalogue, tasks([{ id, status: 'Đang triển khai (đúng tiến độ)' }], { period }));
    expect(r.ok).toBe(accepted);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.rowId, i.field])).toEqual([['task.onTrackOverdue', id, 'status']]);
      expect(r.issues[0].message).toMatch(/quá thời hạn.*Chậm tiến độ/u);
    }
  });

  it('"Chậm tiến độ" after the deadline is accepted (the task is overdue, and says so)', () => {
    expect(validateSubmission(catalogue, tasks([{ id: 'nv-25', status: 'Chậm tiến độ' }], { period: '2026-H1' })).ok).toBe(true);
  });
});

describe('canonicalRows: the content both sides hash', () => {
  const canon = (req: SubmissionRequest) => {
    const r = validateSubmission(catalogue, req);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return canonicalRows(r.value);
  };

  it('is the same whatever the typing: Vietnamese or English decimals, NFD text, row order, spacing', () => {
    const a = canon(indicators([
      { id: 'ct-16', numerator: '1.200', denominator: '1.500' },
      { id: 'ct-01', value: '70,5%', note: 'Số liệu của Sở' },
      { id: 'ct-11', value: 'Hoàn thành', note: 'Quyết định 12' },
    ]));
    const b = canon(indicators([
      { id: 'ct-11', value: ' hoàn thành '.normalize('NFD'), note: ' Quyết  định 12 ' },
      { id: 'ct-01', value: 70.5, note: 'Số liệu của Sở'.normalize('NFD') },
      { id: 'ct-16', numerator: 1200, denominator: 1500 },
    ]));
    expect(a).toBe(b);
    expect(a).toBe(
      '{"planId":"nghe-an-1174-2026","unitId":"so-khcn","period":"2026-Q1","kind":"indicators","rows":[' +
        '{"id":"ct-01","value":{"kind":"rate","percent":70.5},"note":"Số liệu của Sở"},' +
        '{"id":"ct-11","value":{"kind":"status","status":"done","evidence":"Quyết định 12"},"note":"Quyết định 12"},' +
        '{"id":"ct-16","value":{"kind":"countPair","numerator":1200,"denominator":1500},"note":null}]}',
    );
  });

  it.each([
    [{ id: 'ct-01', value: '70,6%' }],
    [{ id: 'ct-01', value: '70,5%', note: 'khác' }],
  ])('changes when the content changes: %j', (row) => {
    expect(canon(indicators([row]))).not.toBe(canon(indicators([{ id: 'ct-01', value: '70,5%' }])));
  });

  it('binds unit and period', () => {
    const rows = [{ id: 'ct-01', value: '70,5%' }];
    expect(canon(indicators(rows, { unitId: 'so-y-te' }))).not.toBe(canon(indicators(rows)));
    expect(canon(indicators(rows, { period: '2026-H1' }))).not.toBe(canon(indicators(rows)));
  });

  it('serialises task rows with every key, absent ones as null', () => {
    expect(canon(tasks([{ id: 'nv-07', status: 'Chậm tiến độ', obstacles: 'Thiếu kinh phí' }]))).toBe(
      '{"planId":"nghe-an-1174-2026","unitId":"so-khcn","period":"2026-Q1","kind":"tasks","rows":[' +
        '{"id":"nv-07","status":"late","progress":null,"result":null,"obstacles":"Thiếu kinh phí","proposal":null,"completedOn":null}]}',
    );
  });
});
