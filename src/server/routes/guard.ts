// Every route asks can() (docs/architecture.md §9): 401 for nobody signed in, 403 for a principal without the
// capability on that resource. A user who must change the password first is told so.
import type { FastifyRequest } from 'fastify';
import type { Capability, Principal, Resource } from '../auth/principal';
import { can, canForSomeUnit } from '../auth/roles';
import { forbidden, unauthorized } from '../errors';

const MUST_CHANGE = 'Bạn cần đổi mật khẩu trước khi tiếp tục.';

export function signedIn(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw unauthorized();
  if (principal.mustChangePassword) throw forbidden(MUST_CHANGE);
  return principal;
}

/** The principal, when it may use the capability on the resource; throws 401/403 otherwise. */
export function requireCan(request: FastifyRequest, capability: Capability, resource?: Resource): Principal {
  const principal = signedIn(request);
  if (!can(principal, capability, resource)) throw forbidden();
  return principal;
}

/** For list routes: the principal holds the capability for at least one unit (rows are filtered after). */
export function requireSomeUnit(request: FastifyRequest, capability: Capability): Principal {
  const principal = signedIn(request);
  if (!canForSomeUnit(principal, capability)) throw forbidden();
  return principal;
}
