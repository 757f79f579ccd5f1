// A test-only authentication plugin: the principal comes from an x-test-principal header (JSON).
// Lets route suites state "a clerk of unit A" in one line; the real sign-in is exercised by the
// authorization matrix and the auth engineer's suites.
import fp from 'fastify-plugin';
import type { Principal, Role } from '../../../src/server/auth/principal';

export const testAuth = fp(
  async (app) => {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const header = request.headers['x-test-principal'];
      request.principal = typeof header === 'string' ? (JSON.parse(header) as Principal) : null;
    });
  },
  { name: 'test-auth' },
);

/** A principal holding one role. */
export function principal(role: Role, unitId: string | null, userId = `${role}-${unitId ?? 'tinh'}`): Principal {
  return { userId, username: userId, displayName: userId, grants: [{ role, unitId }], mustChangePassword: false, via: 'local' };
}

/** The header that makes a request come from the principal. */
export const as = (p: Principal): Record<string, string> => ({ 'x-test-principal': JSON.stringify(p) });
