// Authentication for every request, and the one gate routes use to ask can() (docs/architecture.md §9).
// Register before the API routes: app.register(authPlugin, { db, config }). The plugin is not
// encapsulated (skip-override), so request.principal and the hooks reach every later route.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { CatalogueStore } from '../catalogues';
import { coordinatorNames } from '../coordinators';
import type { Db } from '../db/connect';
import { rememberedRead } from '../db/read-cache';
import { findByEntra, findById, principalOf } from '../repositories/users';
import { loadEntraConfig, JwksCache, verifyEntraToken, type EntraConfig } from './entra';
import { decodeJwt } from './jwt';
import type { Capability, Principal, Resource } from './principal';
import { can, canForSomeUnit } from './roles';
import { registerAuthRoutes } from './routes';
import { sessionStamp } from './sessions';
import { DEFAULT_LIMITS, SignInThrottle, type ThrottleLimits } from './throttle';
import { DEFAULT_TOKEN_TTL_SEC, isVerifiedLocal, LOCAL_ISSUER, loadAuthSecret, verifyToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null without (valid) credentials. Set by authPlugin before any route runs. */
    principal: Principal | null;
  }
}

export interface AuthSettings {
  readonly secret: Buffer;
  readonly tokenTtlSec: number;
  readonly entra: EntraConfig | null;
  readonly jwks: JwksCache | null;
  /** The sign-in throttle's limits; its counters are in the database (throttle.ts). */
  readonly throttle: ThrottleLimits;
}

export interface AuthPluginOptions {
  /** Defaults to app.db (the server-core db plugin, registered before this one). */
  readonly db?: Db;
  /** Defaults to app.config; only dataDir is used (where auth-secret lives). */
  readonly config?: { readonly dataDir: string };
  /** Overrides for tests; otherwise read from the environment (AUTH_SECRET, ENTRA_*). */
  readonly auth?: Partial<AuthSettings>;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Settings from the environment: AUTH_SECRET or DATA_DIR/auth-secret, ENTRA_* (entra.ts). */
export function loadAuthSettings(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): AuthSettings {
  const entra = loadEntraConfig(env);
  return {
    secret: loadAuthSecret({ authSecret: env.AUTH_SECRET?.trim() || undefined, dataDir }),
    tokenTtlSec: DEFAULT_TOKEN_TTL_SEC,
    entra,
    jwks: entra ? new JwksCache(entra.jwksUrl) : null,
    throttle: DEFAULT_LIMITS,
  };
}

/** Routes a user with a one-time password may still use, to change it. */
const PASSWORD_EXEMPT = new Set(['/api/auth/login', '/api/auth/password', '/api/auth/me', '/api/auth/logout']);

const isApi = (request: FastifyRequest): boolean => request.url === '/api' || request.url.startsWith('/api/');
const pathOf = (request: FastifyRequest): string => request.routeOptions.url ?? request.url.split('?')[0];

function refuse(reply: FastifyReply, status: 401 | 403, code: string, message: string): FastifyReply {
  if (status === 401) reply.header('WWW-Authenticate', code === 'auth.invalidToken' ? 'Bearer error="invalid_token"' : 'Bearer');
  return reply.status(status).send({ error: status === 401 ? 'unauthorized' : 'forbidden', code, message });
}

type Resolved = { kind: 'none' } | { kind: 'principal'; principal: Principal } | { kind: 'invalid' } | { kind: 'unknownEntraUser' };

async function resolve(db: Db, settings: AuthSettings, header: string | undefined): Promise<Resolved> {
  if (!header) return { kind: 'none' };
  const match = /^Bearer +([A-Za-z0-9._-]+)\s*$/i.exec(header);
  if (!match) return { kind: 'invalid' };
  const token = match[1];
  // Route by the (unverified) issuer; each verifier then pins its own algorithm, key and issuer,
  // so a token cannot be sent to the weaker check by lying in its header.
  // A token verified before as ours needs no decoding to know its issuer (decoding was ~2 % of a request).
  const iss = isVerifiedLocal(settings.secret, token) ? LOCAL_ISSUER : decodeJwt(token)?.payload.iss;
  if (iss === LOCAL_ISSUER) {
    const v = await verifyToken(settings.secret, token);
    if (!v.ok) return { kind: 'invalid' };
    const sub = v.value.sub;
    // The user row and grants: on SQLite remembered until the users or grants change (db/read-cache.ts),
    // so revoking (sign-out, disabling, a new password, a role taken away) counts at the next request,
    // as it does on every instance sharing a PostgreSQL database, where they are read every time.
    const known = await rememberedRead(db.kysely, `principal:${sub}`, async () => {
      const user = await findById(db.kysely, sub);
      return user ? { stamp: sessionStamp(user), principal: await principalOf(db.kysely, user, 'local') } : null;
    });
    // A changed password, a sign-out or disabling ends the sessions signed before it.
    if (!known || known.stamp !== v.value.pwd) return { kind: 'invalid' };
    return known.principal ? { kind: 'principal', principal: known.principal } : { kind: 'invalid' };
  }
  if (!settings.entra || !settings.jwks) return { kind: 'invalid' };
  const v = await verifyEntraToken(settings.entra, settings.jwks, token);
  if (!v.ok) return { kind: 'invalid' };
  const user = await findByEntra(db.kysely, v.value);
  if (!user) return { kind: 'unknownEntraUser' };
  const principal = await principalOf(db.kysely, user, 'entra');
  return principal ? { kind: 'principal', principal } : { kind: 'unknownEntraUser' };
}

async function authPluginImpl(app: FastifyInstance, opts: AuthPluginOptions = {}): Promise<void> {
  const db = opts.db ?? app.db;
  const dataDir = opts.config?.dataDir ?? app.config?.dataDir;
  if (!db || !dataDir) throw new Error('authPlugin needs the database and DATA_DIR: register the db plugin and config first, or pass { db, config }.');
  const settings: AuthSettings = { ...loadAuthSettings(dataDir, opts.env ?? process.env), ...opts.auth };
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request, reply) => {
    request.principal = null;
    if (!isApi(request)) return;
    const path = pathOf(request);
    const resolved = await resolve(db, settings, request.headers.authorization);
    if (resolved.kind === 'invalid') {
      // A stale token must not stop someone from signing in again.
      if (path === '/api/auth/login') return;
      return refuse(reply, 401, 'auth.invalidToken', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.');
    }
    if (resolved.kind === 'unknownEntraUser') {
      return refuse(reply, 403, 'auth.unknownUser', 'Tài khoản Microsoft của bạn chưa được cấp quyền trong hệ thống báo cáo. Vui lòng liên hệ quản trị viên để được cấp tài khoản và vai trò.');
    }
    if (resolved.kind === 'principal') {
      request.principal = resolved.principal;
      if (resolved.principal.mustChangePassword && !PASSWORD_EXEMPT.has(path)) {
        return refuse(reply, 403, 'password.mustChange', 'Bạn cần đổi mật khẩu dùng một lần trước khi tiếp tục.');
      }
    }
  });

  registerAuthRoutes(app, db, settings, new SignInThrottle(db.kysely, settings.throttle));
}

// What fastify-plugin does, without depending on it: share decorators and hooks with the parent.
Object.assign(authPluginImpl, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'auth' });
/** For app.ts: `buildApp({ …, auth: authPlugin })`, or `app.register(authPlugin, { db, config })`. */
export const authPlugin: FastifyPluginAsync<AuthPluginOptions> = authPluginImpl;

/** The plugin with fixed options, e.g. test settings: `buildApp({ …, auth: withAuthOptions({ auth: { throttle } }) })`. */
export function withAuthOptions(options: AuthPluginOptions): FastifyPluginAsync {
  const plugin = (app: FastifyInstance) => authPluginImpl(app, options);
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'auth' });
  return plugin;
}

const REASONS: Readonly<Record<Capability, string>> = {
  'plan.read': 'Bạn cần đăng nhập để xem kế hoạch.',
  'submission.create': 'Bạn không có quyền nộp báo cáo cho đơn vị này.',
  'submission.read': 'Bạn không có quyền xem báo cáo của đơn vị này.',
  'submission.approve': 'Bạn không có quyền phê duyệt báo cáo của đơn vị này.',
  'submission.return': 'Bạn không có quyền trả lại báo cáo của đơn vị này.',
  'consolidation.read': 'Bạn không có quyền xem số liệu tổng hợp này.',
  'audit.read': 'Chỉ quản trị viên được xem nhật ký thay đổi.',
  'units.manage': 'Chỉ quản trị viên được quản lý danh mục đơn vị.',
  'users.manage': 'Chỉ quản trị viên được quản lý người dùng và phân quyền.',
  'submission.accept': 'Chỉ {coordinator} được tiếp nhận báo cáo của đơn vị.',
  'submission.reopen': 'Bạn không có quyền trả lại báo cáo đã phê duyệt để đơn vị chỉnh sửa.',
  'provinceReport.write': 'Chỉ cán bộ tổng hợp của {coordinator} được lập báo cáo tổng hợp.',
  'provinceReport.approve': 'Chỉ lãnh đạo {coordinator} được phê duyệt báo cáo tổng hợp.',
  'apiKeys.manage': 'Chỉ quản trị viên được cấp và thu hồi khóa truy cập dữ liệu mở.',
};

/** The refusal's words; {coordinator} is the consolidating body the plans name (coordinators.ts). */
function reasonFor(request: FastifyRequest, capability: Capability): string {
  const reason = REASONS[capability] ?? 'Bạn không có quyền thực hiện thao tác này.';
  const catalogues = request.server.catalogues as CatalogueStore | undefined;
  return reason.includes('{coordinator}') ? reason.replace('{coordinator}', catalogues ? coordinatorNames(catalogues) : 'đơn vị tổng hợp báo cáo của kế hoạch') : reason;
}

/** 'someUnit': the route lists rows and filters them with visibleUnitIds(); it only needs the capability somewhere. */
export type ResourceFrom = ((request: FastifyRequest) => Resource | undefined | Promise<Resource | undefined>) | 'someUnit';

/**
 * A preHandler that answers 401 without a principal and 403 with a Vietnamese reason when can() says no.
 * Without resourceFrom only province-wide grants pass: a route about one unit must name the unit.
 * @example app.post('/api/submissions', { preHandler: requireCapability('submission.create', (r) => ({ unitId: body(r).unitId })) }, …)
 */
export function requireCapability(capability: Capability, resourceFrom?: ResourceFrom): preHandlerAsyncHookHandler {
  return async function (request, reply) {
    const principal = request.principal;
    if (!principal) return refuse(reply, 401, 'auth.required', 'Bạn cần đăng nhập.');
    let allowed: boolean;
    if (resourceFrom === 'someUnit') allowed = canForSomeUnit(principal, capability);
    else allowed = can(principal, capability, resourceFrom ? await resourceFrom(request) : undefined);
    if (!allowed) return refuse(reply, 403, 'auth.forbidden', reasonFor(request, capability));
  };
}

/** Any signed-in user (e.g. reading the plan catalogue). */
export const requireSignedIn = (): preHandlerAsyncHookHandler => requireCapability('plan.read');
