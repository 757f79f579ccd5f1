// The open feed for the IOC and BI tools (docs/province-report.md), read with an API key
// (header X-API-Key) that an administrator issues – not a user's sign-in:
//   GET /api/open/v1/indicators?planId&period[&format=csv] – province figures from approved reports;
//   GET /api/open/v1/dataValueSets?planId&period           – unit values as a DHIS2 dataValueSet.
// Both carry an ETag; a client that sends it back in If-None-Match gets 304 while nothing changed.
// Administrators issue and revoke keys: GET/POST /api/api-keys, POST /api/api-keys/{id}/revoke.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { API } from '../../core/api';
import { inScheme, parsePeriod, periodLabel, type Period } from '../../core/periods';
import type { Catalogue } from '../../core/catalogue-types';
import { consolidateIndicators } from '../consolidation';
import { effectiveAssignments } from '../effective-assignments';
import { badRequest, HttpError, notFound } from '../errors';
import { dataValueSet, dhis2Period, feedCsv, feedIndicators } from '../open-feed';
import { provinceMarks } from '../repositories/acceptance';
import { activeApiKey, issueApiKey, listApiKeys, revokeApiKey } from '../repositories/api-keys';
import { latestRows } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import { route } from './contract';
import { requireCan } from './guard';

const unauthorizedKey = () => new HttpError(401, 'unauthorized', 'Thiếu khóa truy cập hoặc khóa không hợp lệ / đã bị thu hồi (tiêu đề X-API-Key).');

async function requireKey(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const presented = request.headers['x-api-key'];
  if (typeof presented !== 'string' || presented.length > 200 || !(await activeApiKey(app.db.kysely, presented))) throw unauthorizedKey();
}

function planAndPeriod(app: FastifyInstance, planId: string, periodId: string): { catalogue: Catalogue; period: Period } {
  const catalogue = app.catalogues.get(planId);
  if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
  const period = parsePeriod(periodId);
  if (!period.ok) throw badRequest('Kỳ báo cáo không hợp lệ.', period.issues);
  if (!inScheme(period.value, catalogue.reportingScheme)) throw badRequest(`Kế hoạch không có kỳ báo cáo ${periodLabel(period.value)}.`);
  return { catalogue, period: period.value };
}

/** The consolidation of approved reports only, and which of them the province accepted. */
async function approvedConsolidation(app: FastifyInstance, catalogue: Catalogue, period: Period) {
  const units = await listUnits(app.db.kysely);
  const a = await effectiveAssignments(app.db.kysely, catalogue, units);
  const approved = (await latestRows(app.db.kysely, catalogue.planId, period.id, 'indicators')).filter((r) => r.status === 'approved');
  const marks = await provinceMarks(app.db.kysely, catalogue.planId, period.id, 'indicators');
  const accepted = new Set([...marks].filter(([, m]) => m.provinceState === 'accepted').map(([unitId]) => unitId));
  return { consolidated: consolidateIndicators(catalogue, units, a, approved, period), accepted };
}

/**
 * Sends the answer with a strong ETag of its bytes, or 304 when the client already has them. A JSON
 * answer goes through the route's serializer (checked against the contract in tests), which writes
 * the same bytes as JSON.stringify.
 */
function withEtag(request: FastifyRequest, reply: FastifyReply, answer: { csv: string } | { json: unknown }) {
  const bytes = 'csv' in answer ? answer.csv : JSON.stringify(answer.json);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'no-cache');
  const sent = request.headers['if-none-match'];
  if (typeof sent === 'string' && sent.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return reply.status(304).send();
  if ('csv' in answer) return reply.type('text/csv; charset=utf-8').send(answer.csv);
  return reply.type('application/json; charset=utf-8').send(answer.json);
}

export const openFeedRoutes: FastifyPluginAsync = async (app) => {
  const keyed = { guard: (request: FastifyRequest) => requireKey(app, request) };

  route(app, API.feedIndicators, async (request, reply) => {
    const q = request.query;
    const { catalogue, period } = planAndPeriod(app, q.planId, q.period);
    const { consolidated, accepted } = await approvedConsolidation(app, catalogue, period);
    const indicators = feedIndicators(consolidated, accepted);
    if (q.format === 'csv') return withEtag(request, reply, { csv: feedCsv(indicators) });
    const body = {
      schemaVersion: 1, planId: catalogue.planId, period: period.id, periodLabel: periodLabel(period),
      source: 'approvedReports', unitsExpected: consolidated.summary.expected, unitsApproved: consolidated.summary.approved, indicators,
    };
    return withEtag(request, reply, { json: body });
  }, keyed);

  route(app, API.feedDataValueSets, async (request, reply) => {
    const q = request.query;
    const { catalogue, period } = planAndPeriod(app, q.planId, q.period);
    const code = dhis2Period(period);
    if (code === null) throw badRequest('DHIS2 không có kỳ "9 tháng"; hãy dùng kỳ quý, 6 tháng hoặc năm.');
    const { consolidated } = await approvedConsolidation(app, catalogue, period);
    return withEtag(request, reply, { json: dataValueSet(catalogue, consolidated, code) });
  }, keyed);

  const keys = { capability: 'apiKeys.manage' } as const;
  route(app, API.listApiKeys, async () => ({ keys: await listApiKeys(app.db.kysely) }), keys);
  route(app, API.issueApiKey, async (request, reply) => {
    const principal = requireCan(request, 'apiKeys.manage');
    const { name } = request.body;
    const issued = await issueApiKey(app.db.kysely, { name, userId: principal.userId, now: app.clock().toISOString() });
    return reply.status(201).header('cache-control', 'no-store').send(issued);
  }, keys);
  route(app, API.revokeApiKey, async (request) => {
    const principal = requireCan(request, 'apiKeys.manage');
    const { id } = request.params;
    if (!(await revokeApiKey(app.db.kysely, { id, userId: principal.userId, now: app.clock().toISOString() }))) {
      throw notFound('Không tìm thấy khóa đang dùng với mã này.');
    }
    return { id, revoked: true as const };
  }, keys);
};
