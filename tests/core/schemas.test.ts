import {
  IndicatorRowSchema, IssuesResponseSchema, LIMITS, SubmissionRequestSchema, SubmissionResponseSchema, TaskRowSchema, parseWith,
} from '../../src/core/schemas';

const header = { clientSubmissionId: '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70', planId: 'nghe-an-1174-2026', unitId: 'so-khcn', period: '2026-Q1' };

describe('IndicatorRow and TaskRow', () => {
  it.each([
    { id: 'ct-01', value: '70,5%' },
    { id: 'ct-01', value: 70.5 },
    { id: 'ct-16', numerator: '1.200', denominator: 1500, note: 'Số liệu đến 14/03' },
    { id: 'ct-05', value: null },
    { id: 'ct-05' },
  ])('accepts %j', (row) => {
    expect(IndicatorRowSchema.safeParse(row).success).toBe(true);
  });

  it.each([
    [{ id: 'ct-01', value: '70%', extra: 1 }, 'an unknown field'],
    [{ id: '', value: '70%' }, 'an empty id'],
    [{ id: 'ct-01', value: true }, 'a boolean value'],
    [{ id: 'ct-01', value: Infinity }, 'an infinite number'],
    [{ id: 'ct-01', value: 'x'.repeat(LIMITS.value + 1) }, 'a value too long'],
    [{ id: 'ct-01', note: 'x'.repeat(LIMITS.note + 1) }, 'a note too long'],
  ] as [unknown, string][])('refuses %j (%s)', (row) => {
    expect(IndicatorRowSchema.safeParse(row).success).toBe(false);
  });

  it.each([
    [{ id: 'nv-07', status: 'Đang triển khai (đúng tiến độ)', progress: 40, result: 'Đã xây dựng bản thử', obstacles: null }, true],
    [{ id: 'nv-07', status: 'Hoàn thành', progress: '100%', completedOn: '2026-03-10' }, true],
    [{ id: 'nv-07', status: 'Hoàn thành', progress: 120 }, false],
    [{ id: 'nv-07', status: 'Hoàn thành', completedOn: '10/03/2026' }, false],
    [{ id: 'nv-07', status: 'Hoàn thành', completedOn: '2026-02-30' }, false],
    [{ id: 'nv-07' }, false],
    [{ id: 'nv-07', status: 'Hoàn thành', evidence: 'x' }, false],
  ])('%j valid = %p', (row, valid) => {
    expect(TaskRowSchema.safeParse(row).success).toBe(valid);
  });
});

describe('SubmissionRequest', () => {
  it('takes indicator rows under kind "indicators" and task rows under kind "tasks"', () => {
    expect(SubmissionRequestSchema.safeParse({ ...header, kind: 'indicators', rows: [{ id: 'ct-01', value: '72%' }] }).success).toBe(true);
    expect(SubmissionRequestSchema.safeParse({ ...header, kind: 'tasks', rows: [{ id: 'nv-07', status: 'Hoàn thành' }] }).success).toBe(true);
    expect(SubmissionRequestSchema.safeParse({ ...header, kind: 'tasks', rows: [{ id: 'ct-01', value: '72%' }] }).success).toBe(false);
  });

  it.each([
    [{ clientSubmissionId: 'abc' }, 'clientSubmissionId'],
    [{ period: '2026-Q5' }, 'period'],
    [{ planId: 'Nghệ An' }, 'planId'],
    [{ kind: 'other' }, 'kind'],
    [{ rows: Array.from({ length: LIMITS.rows + 1 }, (_, i) => ({ id: `ct-${i}` })) }, 'rows'],
    [{ signedBy: 'x' }, ''],
  ])('refuses %#: the error points at %j', (change, path) => {
    const r = parseWith(SubmissionRequestSchema, { ...header, kind: 'indicators', rows: [], ...change });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: 'request.invalid', severity: 'error' });
    expect(!r.ok && (r.issues[0].field ?? '')).toBe(path);
  });

  it('reports zod’s finding in Vietnamese, with the path of the row', () => {
    const r = parseWith(SubmissionRequestSchema, { ...header, kind: 'indicators', rows: [{ id: 'ct-01', valeur: '1' }] });
    expect(!r.ok && r.issues[0].field).toBe('rows.0');
    expect(!r.ok && r.issues[0].message).toMatch(/^Dữ liệu gửi lên không đúng cấu trúc tại “rows.0”: .*valeur/);
  });

  it('returns the typed request when it is valid', () => {
    const r = parseWith(SubmissionRequestSchema, { ...header, kind: 'indicators', rows: [{ id: 'ct-01', value: '72%' }] });
    expect(r.ok && r.value.kind === 'indicators' && r.value.rows[0].value).toBe('72%');
  });
});

describe('responses', () => {
  const response = {
    id: 'sub-1', revision: 2, status: 'submitted', contentHash: 'a'.repeat(64), late: false,
    evaluations: [{ id: 'ct-01', evaluation: 'exceeded', display: '72%' }],
    warnings: [{ rowId: 'ct-05', field: 'value', code: 'value.readAsFraction', severity: 'warning', message: 'Giá trị …' }],
  };
  it('accepts a submission response', () => {
    expect(SubmissionResponseSchema.safeParse(response).success).toBe(true);
  });
  it.each([
    [{ status: 'draft' }],
    [{ revision: 0 }],
    [{ contentHash: 'xyz' }],
    [{ evaluations: [{ id: 'ct-01', evaluation: 'đạt', display: '' }] }],
    [{ warnings: [{ code: 'not a code', severity: 'warning', message: '' }] }],
  ])('refuses %j', (change) => {
    expect(SubmissionResponseSchema.safeParse({ ...response, ...change }).success).toBe(false);
  });
  it('carries refused requests as a list of issues', () => {
    expect(IssuesResponseSchema.safeParse({ issues: [{ code: 'row.unknownId', severity: 'error', message: 'Mã …', rowId: 'ct-99' }] }).success).toBe(true);
  });
});
