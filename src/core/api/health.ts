// Liveness (the process answers) and readiness (the database answers and a write commits within a
// second): for load balancers, service managers and `npm start`.
import { z } from 'zod';
import { endpoint } from './endpoint';

export const HealthSchema = z.looseObject({ status: z.string(), database: z.string() });

export const healthEndpoints = {
  health: endpoint({
    method: 'GET', path: '/api/health', tag: 'health', access: 'public',
    summary: 'The server process is alive (no database call)',
    responses: { 200: HealthSchema },
  }),
  healthReady: endpoint({
    method: 'GET', path: '/api/health/ready', tag: 'health', access: 'public',
    summary: 'Ready for requests: the database answers and a write commits within a second (503 otherwise, with Retry-After)',
    responses: { 200: HealthSchema, 503: HealthSchema },
  }),
};
