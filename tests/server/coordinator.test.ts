// The consolidating body comes from each plan (catalogue.coordinator), not from a fixed name: on a
// server holding three plans – Sở KH&CN consolidates one, Sở Nội vụ another, the third names nobody –
// each plan's province report is issued and approved by its own body, and refused, in Vietnamese,
// to the others; a plan without one cannot have a province report, and nothing is stored.
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../../src/core/catalogue-types';
import { buildApp } from '../../src/server/app';
import { catalogueStore } from '../../src/server/catalogues';
import { loadConfig } from '../../src/server/config';
import { syncCatalogueUnits } from '../../src/server/repositories/units';
import { SKHCN, SNV, SYT, testCatalogue } from './support/catalogue';
import { sqliteTestDatabase } from './support/databases';
import { as, principal, testAuth } from './support/test-auth';

const plan = (planId: string, number: string, coordinator: string | undefined): Catalogue => {
  const { coordinator: _unused, ...rest } = testCatalogue;
  return { ...rest, planId, document: { ...testCatalogue.document, number }, ...(coordinator ? { coordinator } : {}) };
};
const PLANS = [plan('plan-khcn', '101/KH-UBND', SKHCN), plan('plan-noi-vu', '202/KH-UBND', SNV), plan('plan-none', '303/KH-UBND', undefined)];
const NAMES: Record<string, string> = { [SKHCN]: 'Sở Khoa học và Công nghệ', [SNV]: 'Sở Nội vụ' };

let app: FastifyInstance;
let db: Awaited<ReturnType<typeof sqliteTestDatabase.create>>;
beforeAll(async () => {
  db = await sqliteTestDatabase.create();
  await syncCatalogueUnits(db.kysely, testCatalogue, '2026-04-01T02:00:00.000Z');
  const config = loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent-dist', DATA_DIR: '/nonexistent-data' });
  app = await buildApp({ config, catalogues: catalogueStore(PLANS), openDb: () => db, closeDb: false, auth: testAuth, clock: () => new Date('2026-04-10T02:00:00.000Z'), checkResponses: true });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const consolidator = as(principal('consolidator', null));
const headOf = (unitId: string) => as(principal('approver', unitId));
const generate = (planId: string) => app.inject({ method: 'POST', url: '/api/province-reports', headers: consolidator, payload: { planId, period: '2026-Q1' } });

describe.each(PLANS.filter((p) => p.coordinator).map((p) => [p.planId, p.coordinator!] as const))('plan %s, consolidated by %s', (planId, coordinator) => {
  const other = coordinator === SKHCN ? SNV : SKHCN;
  let id: string;
  let contentHash: string;
  beforeAll(async () => {
    const made = await generate(planId);
    expect(made.statusCode).toBe(201);
    ({ id, contentHash } = made.json());
  });

  it('is issued by the plan’s body: its name heads the document and says who consolidated', async () => {
    const docx = await app.inject({ method: 'GET', url: `/api/province-reports/${id}/report.docx?date=2026-04-10`, headers: consolidator });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(NAMES[coordinator].toLocaleUpperCase('vi'));
    expect(text).toContain(`${NAMES[coordinator]} tổng hợp, báo cáo`);
    expect(text).toContain(`${NAMES[coordinator]} đã tiếp nhận`);
    expect(text).toContain(`của ${NAMES[coordinator]}, kính báo cáo`);
    // The other body appears only as a unit that reports (section IV), never as the issuer.
    for (const issuerWords of [`${NAMES[other]} tổng hợp`, `${NAMES[other]} đã tiếp nhận`, `của ${NAMES[other]}, kính báo cáo`, NAMES[other].toLocaleUpperCase('vi')]) {
      expect(text).not.toContain(issuerWords);
    }
  });

  it('is read and approved by the head of that body only', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/province-reports?planId=${planId}`, headers: headOf(coordinator) })).statusCode).toBe(200);
    for (const url of [`/api/province-reports?planId=${planId}`, `/api/province-reports/${id}`]) {
      const refused = await app.inject({ method: 'GET', url, headers: headOf(other) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe(`Chỉ ${NAMES[coordinator]} được xem báo cáo tổng hợp.`);
    }
    // The head of a unit that consolidates no plan is refused with every plan's body named.
    const nobody = await app.inject({ method: 'GET', url: `/api/province-reports/${id}`, headers: headOf(SYT) });
    expect(nobody.statusCode).toBe(403);
    expect(nobody.json().message).toMatch(/^Chỉ (Sở Khoa học và Công nghệ hoặc Sở Nội vụ|Sở Nội vụ hoặc Sở Khoa học và Công nghệ) được xem/);
    const wrong = await app.inject({ method: 'POST', url: `/api/province-reports/${id}/approve`, headers: headOf(other), payload: { contentHash } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toBe(`Chỉ lãnh đạo ${NAMES[coordinator]} được phê duyệt báo cáo tổng hợp.`);
    const ok = await app.inject({ method: 'POST', url: `/api/province-reports/${id}/approve`, headers: headOf(coordinator), payload: { contentHash } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved' });
  });

  it('names the body on the verification page', async () => {
    const v = await app.inject({ method: 'GET', url: `/api/province-reports/${id}/verification?date=2026-04-10`, headers: consolidator });
    expect(v.statusCode).toBe(200);
    const page = await app.inject({ method: 'GET', url: `/verify/${v.json().code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(NAMES[coordinator]);
    expect(page.body).not.toContain(NAMES[other]);
  });
});

describe('a plan that names no consolidating body', () => {
  it('cannot have a province report: refused in Vietnamese, nothing stored', async () => {
    const refused = await generate('plan-none');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^Kế hoạch chưa xác định đơn vị tổng hợp báo cáo/);
    expect((await app.inject({ method: 'GET', url: '/api/province-reports?planId=plan-none', headers: consolidator })).json()).toEqual({ reports: [] });
  });
});
