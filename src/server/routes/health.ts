// GET /api/health: the process is alive (no database call: a liveness check must not restart a
// server because the database is slow). GET /api/health/ready: the database answers within a
// second and a write commits; 503 otherwise, so a load balancer sends requests elsewhere.
// Both public: load balancers, `npm start` and the service manager poll them.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { route } from './contract';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.health, async () => ({ status: 'ok', database: app.db.dialect, time: app.clock().toISOString() }));

  route(app, API.healthReady, async (request, reply) => {
    const result = await app.readiness.check((error, step) => request.log.error({ err: error, step }, 'readiness: database %s failed', step));
    if (result.ready) return { status: 'ready', database: app.db.dialect };
    request.log.warn({ reason: result.reason }, 'not ready');
    return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', database: app.db.dialect, reason: result.reason });
  });
};
