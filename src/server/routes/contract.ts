// Routes registered from the API contract (src/core/api, docs/api.md): the endpoint's zod schemas
// become the route's schema (fastify-type-provider-zod), so requests are validated before the
// handler, the OpenAPI document is generated from them (@fastify/swagger), and – in tests – every
// JSON answer is checked against its response schema. The endpoint's access ('signedIn', 'admin')
// is checked before validation: nobody learns more from a malformed request than from a good one.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import type { Endpoint } from '../../core/api';
import { parseWith } from '../../core/schemas';
import type { Capability } from '../auth/principal';
import { badRequest } from '../errors';
import { requireCan, signedIn } from './guard';

declare module 'fastify' {
  interface FastifyInstance {
    /** The serializer compiler of the app's JSON answers (checking in tests), for routes registered outside it. */
    contractSerializer: FastifySerializerCompiler<unknown>;
  }
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The request as a handler of the endpoint sees it: params, query and body already parsed. */
export type ContractRequest<E extends Endpoint> = FastifyRequest<{
  Params: Out<E['params']>;
  Querystring: Out<E['query']>;
  Body: Out<E['body']>;
}>;

export interface RouteOptions {
  /** For access 'admin': the capability asked of a province-wide grant (default users.manage). */
  readonly capability?: Capability;
  /**
   * A check of who calls that runs with the access check, before the request's shape is validated
   * (the open feed's API key: a caller without a key learns nothing from a malformed query).
   */
  readonly guard?: (request: FastifyRequest) => Promise<void>;
}

const MESSAGES: Readonly<Record<string, string>> = {
  body: 'Dữ liệu gửi lên không đúng định dạng.',
  querystring: 'Tham số truy vấn không hợp lệ.',
  params: 'Tham số truy vấn không hợp lệ.',
};

/**
 * Validates with the core's parseWith: a refused request answers 400 with request.invalid issues
 * whose detail is zod's Vietnamese message – the same body the taskpane's own check produces.
 */
export const validatorCompiler: FastifySchemaCompiler<Record<string, unknown>> = ({ schema, httpPart }) => (data) => {
  const result = parseWith(schema as unknown as z.ZodType, data);
  if (result.ok) return { value: result.value };
  return { error: badRequest(MESSAGES[httpPart ?? 'body'] ?? MESSAGES.body, result.issues) };
};

/** Production: answers are written as they are (a schema slip must not turn a stored report into a 500). */
export const plainSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

/** Tests: every JSON answer must match its response schema, or the request fails with a 500. */
export const checkingSerializerCompiler = createSerializerCompiler({}) as FastifySerializerCompiler<unknown>;

const binary = z.string().meta({ format: 'binary' });

/** The Fastify schema of an endpoint: its zod schemas, and the file types it answers with. */
export function routeSchema(e: Endpoint): Record<string, unknown> {
  const response: Record<number, unknown> = { ...e.responses };
  if (e.file) {
    const json = e.responses[200];
    const content: Record<string, { schema: z.ZodType }> = json ? { 'application/json': { schema: json } } : {};
    for (const type of e.file) content[type] = { schema: type.startsWith('text/') ? z.string() : binary };
    response[200] = { description: 'OK', content };
  }
  return {
    summary: e.summary,
    tags: [e.tag],
    ...(e.apiKey ? { security: [{ apiKey: [] }] } : e.access === 'public' ? { security: [] } : {}),
    ...(e.params ? { params: e.params } : {}),
    ...(e.query ? { querystring: e.query } : {}),
    ...(e.body ? { body: e.body } : {}),
    ...(e.upload ? { consumes: ['multipart/form-data'] } : {}),
    response,
  };
}

/**
 * Registers the endpoint on an app whose prefix is /api.
 * @example route(app, API.listUsers, async () => ({ users: await listUsersWithRoles(app.db.kysely) }));
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  e: E,
  handler: (request: ContractRequest<E>, reply: FastifyReply) => Promise<unknown>,
  options: RouteOptions = {},
): void {
  const access = e.access;
  app.route({
    method: e.method,
    url: e.path.replace(/^\/api/, ''),
    schema: routeSchema(e),
    preValidation: async (request: FastifyRequest) => {
      if (access === 'signedIn') signedIn(request);
      else if (access === 'admin') requireCan(request, options.capability ?? 'users.manage');
      if (options.guard) await options.guard(request);
    },
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}
