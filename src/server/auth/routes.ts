// POST /api/auth/login, POST /api/auth/password, POST /api/auth/logout, GET /api/auth/me. Bodies are checked with zod's
// strict objects: Fastify's default JSON-schema setup would silently drop unknown fields instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/connect';
import { endSessions, findById, findByUsername, getPrincipal, setPassword } from '../repositories/users';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import type { AuthSettings } from './plugin';
import type { Principal } from './principal';
import { sessionStamp } from './sessions';
import type { SignInThrottle } from './throttle';
import { signToken } from './tokens';

const LoginBody = z.strictObject({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) });
const PasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

/** The user as the client shows it. */
export const userView = (p: Principal) => ({
  username: p.username,
  displayName: p.displayName,
  roles: p.grants,
  mustChangePassword: p.mustChangePassword,
  via: p.via,
});

function send(reply: FastifyReply, status: number, error: string, code: string, message: string): FastifyReply {
  return reply.status(status).send({ error, code, message });
}

function parse<T>(schema: z.ZodType<T>, request: FastifyRequest, reply: FastifyReply): T | null {
  const result = schema.safeParse(request.body);
  if (result.success) return result.data;
  send(reply, 400, 'bad_request', 'auth.badRequest', 'Yêu cầu không hợp lệ: chỉ gửi đúng các trường được yêu cầu, dạng văn bản.');
  return null;
}

function tooMany(reply: FastifyReply, retryAfterSec: number): FastifyReply {
  reply.header('Retry-After', String(retryAfterSec));
  return send(reply, 429, 'too_many_requests', 'auth.throttled', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSec / 60)} phút.`);
}

export function registerAuthRoutes(app: FastifyInstance, db: Db, settings: AuthSettings, throttle: SignInThrottle): void {
  const issue = async (userId: string) => {
    const user = await findById(db.kysely, userId);
    const principal = user ? await getPrincipal(db.kysely, userId, 'local') : null;
    if (!user || !principal) return null;
    const { token, expiresAt } = signToken(settings.secret, { sub: userId, pwd: sessionStamp(user) }, { ttlSec: settings.tokenTtlSec });
    return { token, expiresAt, user: userView(principal) };
  };

  app.post('/api/auth/login', async (request, reply) => {
    const body = parse(LoginBody, request, reply);
    if (!body) return reply;
    const decision = await throttle.begin(body.username, request.ip);
    if (!decision.allowed) return tooMany(reply, decision.retryAfterSec);
    let session: Awaited<ReturnType<typeof issue>> = null;
    try {
      const user = await findByUsername(db.kysely, body.username);
      // Always one scrypt run (a dummy one for unknown users) and one message: no account enumeration.
      const passwordOk = await verifyPassword(body.password, user?.password_hash ?? null);
      session = user && passwordOk && user.disabled === 0 ? await issue(user.id) : null;
    } finally {
      await throttle.end(decision.attempt, session !== null);
    }
    if (!session) {
      request.log.info({ username: body.username.slice(0, 64) }, 'sign-in refused');
      return send(reply, 401, 'unauthorized', 'auth.invalidCredentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    return session;
  });

  app.post('/api/auth/password', async (request, reply) => {
    const principal = request.principal;
    if (!principal) return send(reply, 401, 'unauthorized', 'auth.required', 'Bạn cần đăng nhập.');
    if (principal.via !== 'local') {
      return send(reply, 400, 'bad_request', 'password.entra', 'Tài khoản Microsoft đổi mật khẩu tại Microsoft, không đổi tại đây.');
    }
    const body = parse(PasswordBody, request, reply);
    if (!body) return reply;
    // A stolen session must not be a free password-guessing oracle: the same throttle as sign-in.
    const decision = await throttle.begin(principal.username, request.ip);
    if (!decision.allowed) return tooMany(reply, decision.retryAfterSec);
    let currentOk = false;
    let user: Awaited<ReturnType<typeof findById>>;
    try {
      user = await findById(db.kysely, principal.userId);
      currentOk = user !== undefined && (await verifyPassword(body.currentPassword, user.password_hash));
    } finally {
      await throttle.end(decision.attempt, currentOk);
    }
    if (!user || !currentOk) return send(reply, 400, 'bad_request', 'password.currentWrong', 'Mật khẩu hiện tại không đúng.');
    const policy = checkPasswordPolicy(body.newPassword, user.username);
    if (policy) return send(reply, 400, 'bad_request', 'password.policy', policy);
    if (body.newPassword === body.currentPassword) {
      return send(reply, 400, 'bad_request', 'password.unchanged', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
    }
    const hash = await hashPassword(body.newPassword);
    await db.kysely.transaction().execute(async (trx) => {
      const r = await setPassword(trx, user.id, hash, { mustChange: false }, user.id);
      if (!r.ok) throw new Error(r.message);
    });
    // The old token carries the old password's fingerprint and stops working: hand out a new one.
    return issue(user.id);
  });

  // Signing out ends every session of the user (all devices): a token is a bearer secret, and one
  // left on a shared office computer must not outlive the sign-out.
  app.post('/api/auth/logout', async (request, reply) => {
    const principal = request.principal;
    if (!principal) return send(reply, 401, 'unauthorized', 'auth.required', 'Bạn cần đăng nhập.');
    if (principal.via === 'local') {
      const r = await db.kysely.transaction().execute((trx) => endSessions(trx, principal.userId, principal.userId));
      if (!r.ok) return send(reply, 404, 'not_found', r.code, r.message);
    }
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    if (!request.principal) return send(reply, 401, 'unauthorized', 'auth.required', 'Bạn cần đăng nhập.');
    return { user: userView(request.principal) };
  });
}
