// GET /api/audit (administrator): every write, newest first, with who, when, what and before/after.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { listAudit } from '../repositories/audit';
import { requireCan } from './guard';
import { parseQuery } from './parse';

const Query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  beforeId: z.coerce.number().int().min(1).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(200).optional(),
});

export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get('/audit', async (request) => {
    requireCan(request, 'audit.read');
    const query = parseQuery(Query, request.query);
    const records = await listAudit(app.db.kysely, query);
    const last = records.at(-1);
    return { records, nextBeforeId: records.length === query.limit && last ? last.id : null };
  });
};
