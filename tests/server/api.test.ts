// The app's plumbing: health, plans, periods, OpenAPI, errors, security headers, CORS, body limit.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));

describeEachDatabase('API basics', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
  });
  afterAll(async () => t.close());

  it('GET /api/health answers without signing in and names the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: database.kind });
  });

  it('GET /api/plans needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', message: 'Bạn cần đăng nhập.' });
  });

  it('GET /api/plans lists the plan with its counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans', headers: clerk });
    expect(res.statusCode).toBe(200);
    expect(res.json().plans).toEqual([
      expect.objectContaining({ planId: PLAN_ID, number: '1174/KH-UBND', planYear: 2026, indicators: 4, tasks: 2 }),
    ]);
  });

  it('GET /api/plans/{planId} gives the catalogue and each unit with what it reports', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/plans/${PLAN_ID}`, headers: clerk });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.catalogue.planId).toBe(PLAN_ID);
    const skhcn = body.units.find((u: { id: string }) => u.id === SKHCN);
    expect(skhcn.indicators.sort()).toEqual(['ct-01', 'ct-11', 'ct-16']);
    expect(skhcn.tasks.sort()).toEqual(['nv-01', 'nv-03']);
    const commune = body.units.find((u: { id: string }) => u.id === 'xa-dien-chau');
    expect(commune).toMatchObject({ level: 'commune', indicators: ['ct-05', 'ct-16'] });
  });

  it('GET /api/plans/{unknown} is 404 in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans/khong-co', headers: clerk });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Không tìm thấy kế hoạch.');
  });

  it('GET /api/periods gives the cut-off windows and the deadlines', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/periods?planId=${PLAN_ID}`, headers: clerk });
    expect(res.statusCode).toBe(200);
    const { periods } = res.json();
    // The plan's reporting scheme: four reports a year, 6 tháng standing for Q2 and năm for Q4.
    expect(periods.map((p: { id: string }) => p.id)).toEqual(['2026-Q1', '2026-H1', '2026-9M', '2026-Y']);
    expect(res.json().scheme.periods).toEqual(['Q1', 'H1', '9M', 'Y']);
    expect(periods[0]).toEqual({ id: '2026-Q1', code: 'Q1', label: 'Quý I năm 2026', start: '2025-12-15', end: '2026-03-14', deadline: '2026-03-20' });
  });

  it('refuses unknown query parameters (strict schemas)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/periods?planId=${PLAN_ID}&x=1`, headers: clerk });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ code: 'request.invalid' });
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      // (this app signs in with the tests' header plugin: /api/auth/login, /me and /password are the real auth plugin's)
      '/api/audit', '/api/auth/config', '/api/consolidation', '/api/health', '/api/health/ready', '/api/periods', '/api/plans', '/api/plans/{planId}', '/api/plans/{planId}/assignment-overrides',
      '/api/submissions', '/api/submissions/{id}', '/api/submissions/{id}/approve', '/api/submissions/{id}/report.docx', '/api/submissions/{id}/verification', '/api/submissions/{id}/return',
      '/api/templates/{file}', '/api/imports',
      '/api/admin/users', '/api/admin/users/{username}/password-reset', '/api/admin/users/{username}/roles', '/api/admin/users/{username}/disable',
      '/api/admin/users/{username}/enable', '/api/admin/units', '/api/admin/units/import',
      '/api/submissions/{id}/accept', '/api/submissions/{id}/reopen',
      '/api/province-reports', '/api/province-reports/{id}', '/api/province-reports/{id}/report.docx', '/api/province-reports/{id}/verification',
      '/api/province-reports/{id}/approve', '/api/province-reports/{id}/return',
      '/api/open/v1/indicators', '/api/open/v1/dataValueSets', '/api/api-keys', '/api/api-keys/{id}/revoke',
    ].sort());
    expect(doc.components.schemas.SubmissionRequest.oneOf ?? doc.components.schemas.SubmissionRequest.anyOf).toHaveLength(2);
    expect(doc.components.schemas.SubmissionResponse.required).toEqual(expect.arrayContaining(['id', 'revision', 'contentHash', 'late']));
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors');
  });

  it('allows CORS only for the configured add-in origin', async () => {
    const allowed = await t.app.inject({ method: 'OPTIONS', url: '/api/plans', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const other = await t.app.inject({ method: 'OPTIONS', url: '/api/plans', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['PUT', 'DELETE'])('lets the configured origin send %s (assignment overrides), no other origin', async (method) => {
    const url = `/api/plans/${PLAN_ID}/assignment-overrides`;
    const allowed = await t.app.inject({ method: 'OPTIONS', url, headers: { origin: 'http://localhost:3000', 'access-control-request-method': method } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(String(allowed.headers['access-control-allow-methods']).split(/, ?/)).toContain(method);
    const other = await t.app.inject({ method: 'OPTIONS', url, headers: { origin: 'https://evil.example', 'access-control-request-method': method } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/submissions', headers: { ...clerk, 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: { ...clerk, 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: 'unsupported_media_type', message: 'Chỉ nhận dữ liệu JSON.' });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });

  it('refuses malformed JSON with 400 in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: { ...clerk, 'content-type': 'application/json' }, payload: '{"a":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Yêu cầu không hợp lệ.');
  });
});

describe('a 5xx never shows internals', () => {
  it('answers a failing database with a generic message and a request id', async () => {
    const { sqliteTestDatabase } = await import('./support/databases');
    const t = await testApp(sqliteTestDatabase);
    try {
      await t.db.kysely.schema.dropTable('audit').execute();
      await t.db.kysely.schema.alterTable('units').renameTo('units_gone').execute();
      const res = await t.app.inject({ method: 'GET', url: `/api/plans/${PLAN_ID}`, headers: clerk });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body).toEqual({ error: 'internal', message: 'Máy chủ gặp lỗi, vui lòng thử lại sau.', requestId: expect.any(String) });
      expect(res.body).not.toMatch(/units|sqlite|SELECT|stack/i);
    } finally {
      await t.close();
    }
  });
});
