// GET /api/audit (administrator): every write, newest first, with who, when, what and before/after;
// filtered by who (a user name or an operator label), unit, action (or a family: "user."), entity
// and a date range in Việt Nam time, and paged backwards with beforeId.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { badRequest } from '../errors';
import { countAudit, listAudit } from '../repositories/audit';
import { findByUsername } from '../repositories/users';
import { route } from './contract';

/** The instant a Việt Nam calendar day starts (UTC+7, no daylight saving), as stored (ISO, UTC). */
const vietnamDayStart = (day: string, plusDays = 0): string => new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();

export const auditRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.audit, async (request) => {
    const { limit, beforeId, actor, unitId, action, entity, entityId, from, to } = request.query;
    if (from && to && from > to) throw badRequest('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    // Who: a user name means that user's id; anything else (cli:root, system) is matched as stored.
    const user = actor ? await findByUsername(app.db.kysely, actor) : undefined;
    const actors = actor ? [...new Set([user?.id, actor].filter((a): a is string => a !== undefined))] : undefined;
    const filters = {
      actors, unitId, action, entity, entityId,
      fromAt: from ? vietnamDayStart(from) : undefined,
      toAt: to ? vietnamDayStart(to, 1) : undefined,
    };
    const [records, total] = await Promise.all([listAudit(app.db.kysely, { ...filters, limit, beforeId }), countAudit(app.db.kysely, filters)]);
    const last = records.at(-1);
    return { records, total, nextBeforeId: records.length === limit && last ? last.id : null };
  }, { capability: 'audit.read' });
};
