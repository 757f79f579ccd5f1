// Up, and the database answers: for load balancers and `npm start`.
import { z } from 'zod';
import { endpoint } from './endpoint';

export const HealthSchema = z.looseObject({ status: z.string(), database: z.string() });

export const healthEndpoints = {
  health: endpoint({
    method: 'GET', path: '/api/health', tag: 'health', access: 'public',
    summary: 'Server and database are up (503 while the database does not answer)',
    responses: { 200: HealthSchema, 503: HealthSchema },
  }),
};
