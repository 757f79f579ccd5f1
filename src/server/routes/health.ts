// GET /api/health: up, and the database answers. Public: load balancers and `npm start` poll it.
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { API } from '../../core/api';
import { route } from './contract';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.health, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.db.kysely);
      return { status: 'ok', database: app.db.dialect, time: app.clock().toISOString() };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unavailable');
      return reply.status(503).send({ status: 'unavailable', database: app.db.dialect });
    }
  });
};
