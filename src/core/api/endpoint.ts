// One endpoint of the HTTP API as data: method, path, what it takes (params, query, body) and what
// it answers per status, all as zod schemas. The server registers its routes from these (request
// validation and the OpenAPI document), src/client builds one typed function per endpoint from them,
// and the tests check every answer against them. Pure: no fetch, no Fastify. See docs/api.md.
import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call at all, before the route's own can() looks at the resource. */
export type Access = 'public' | 'signedIn' | 'admin';

export interface Endpoint {
  readonly method: Method;
  /** Fastify's form, with the /api prefix: '/api/submissions/:id'. */
  readonly path: string;
  /** One line for the OpenAPI document (English: integrators read it; users never do). */
  readonly summary: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Status → schema of the JSON body. The 2xx entries are what the client function returns. */
  readonly responses: Readonly<Record<number, z.ZodType>>;
  /** A file answer instead of JSON for 2xx: its media type(s) (the client returns a Blob). */
  readonly file?: readonly string[];
  /** A multipart upload (one field "file") instead of a JSON body. */
  readonly upload?: boolean;
  /**
   * Read with an API key in the X-API-Key header (the open feed) instead of a sign-in: the access is
   * 'public' for the sign-in check, the route checks the key, the OpenAPI document names the header.
   */
  readonly apiKey?: boolean;
  /**
   * The answer carries an ETag, and a request whose If-None-Match names it gets 304 with no body:
   * documented as its own response (routeSchema) so an integrator's generated client expects it.
   */
  readonly etag?: boolean;
  /** Tag for grouping in the OpenAPI document. */
  readonly tag: string;
}

/** Keeps the literal types of an endpoint while checking its shape. */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type In<S> = S extends z.ZodType ? z.input<S> : never;
type Out<S> = S extends z.ZodType ? z.output<S> : never;
type Has<E, K extends keyof Endpoint> = E extends Record<K, z.ZodType> ? true : false;

/** What a caller gives: the path parameters, the query and the body, each only when the endpoint has one. */
export type EndpointInput<E extends Endpoint> = (Has<E, 'params'> extends true ? { readonly params: In<E['params']> } : unknown) &
  (Has<E, 'query'> extends true ? { readonly query: In<E['query']> } : unknown) &
  (Has<E, 'body'> extends true ? { readonly body: In<E['body']> } : unknown);

type SuccessStatus = 200 | 201;
/** The JSON body of a successful answer (200 or 201). */
export type EndpointOutput<E extends Endpoint> = Out<E['responses'][Extract<keyof E['responses'], SuccessStatus>]>;

/**
 * The URL path with its parameters filled in (encoded) and the query appended (undefined values left out).
 * @example urlOf('/api/submissions/:id', { id: 'a b' }, { revision: 2 }) // '/api/submissions/a%20b?revision=2'
 */
export function urlOf(path: string, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const filled = path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (pairs.length === 0) return filled;
  return `${filled}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** Fastify's `:param` as OpenAPI's `{param}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
