// The seal of a template's mapping: HMAC-SHA256 with a server-side key over the mapping table as
// downloaded, in one extra line after the table ("cds-seal", hex). An upload whose mapping was edited
// (another unit, period or row ids) no longer matches and is refused. The client submission id line
// is left out of the seal: the add-in stamps it after a submission, which is not tampering.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadAuthSecret } from '../auth/tokens';
import { CLIENT_ID_LINE } from '../../core/template';

export const SEAL_KEY = 'cds-seal';
const MIN_SECRET = 32;

export const sealLine = (seal: string): string[] => [SEAL_KEY, seal];

/** The table without the client id line, as text: what the seal covers. */
function sealed(lines: readonly (readonly unknown[])[]): string {
  return JSON.stringify(lines.filter((_, i) => i !== CLIENT_ID_LINE).map((l) => [String(l[0] ?? ''), String(l[1] ?? '')]));
}

export function sealMapping(secret: Buffer, lines: readonly (readonly unknown[])[]): string {
  return createHmac('sha256', secret).update('cds-template-mapping-v1\n').update(sealed(lines)).digest('hex');
}

export function verifySeal(secret: Buffer, lines: readonly (readonly unknown[])[], seal: string): boolean {
  const expected = Buffer.from(sealMapping(secret, lines), 'hex');
  const given = /^[0-9a-f]{64}$/.test(seal) ? Buffer.from(seal, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let cached: Buffer | null = null;

/**
 * The sealing key: TEMPLATE_SECRET (at least 32 bytes) when set; otherwise derived from the server's
 * signing secret (AUTH_SECRET or DATA_DIR/auth-secret), so templates stay valid across restarts.
 */
export function templateSecret(config: { readonly dataDir: string }, env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env.TEMPLATE_SECRET;
  if (configured) {
    const key = Buffer.from(configured, 'utf8');
    if (key.length < MIN_SECRET) throw new Error(`TEMPLATE_SECRET phải dài ít nhất ${MIN_SECRET} byte.`);
    return key;
  }
  cached ??= createHmac('sha256', loadAuthSecret({ authSecret: env.AUTH_SECRET, dataDir: config.dataDir })).update('cds-template-seal').digest();
  return cached;
}
