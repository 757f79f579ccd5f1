// For the routes not yet described in src/core/api (the province report, acceptance, the open feed):
// strict parsing with the Vietnamese request.invalid issues, as route() gives the contract routes.
// Strict parsing of what a route receives (unknown fields refused), through the core's parseWith so
// that a refused request reads the same on the taskpane and the server (request.invalid issues).
import type { z } from 'zod';
import { parseWith } from '../../core/schemas';
import { badRequest } from '../errors';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = parseWith(schema, body);
  if (!result.ok) throw badRequest('Dữ liệu gửi lên không đúng định dạng.', result.issues);
  return result.value;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const result = parseWith(schema, query);
  if (!result.ok) throw badRequest('Tham số truy vấn không hợp lệ.', result.issues);
  return result.value;
}
