// GET /api/openapi.json: the API described for integrators (OpenAPI 3.1).
import type { FastifyPluginAsync } from 'fastify';
import { openapiDocument } from './openapi-document';

export const openapiRoutes: FastifyPluginAsync = async (app) => {
  const document = openapiDocument();
  app.get('/openapi.json', async () => document);
};
