// Verification codes (docs/province-report.md): a short code printed on a report document, bound
// to the revision and content hash it shows and to the hash of the document's own text. The code
// alone tells nothing; the public page shows only what the issue allows (plan, unit, period,
// revision, approval state, content hash).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/connect';
import type { Database } from '../db/schema';

/** Crockford's base32 without I, L, O, U: nothing to misread when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "K7M2-9QXA": 8 characters, 40 random bits. */
export function newVerificationCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A typed code in its stored form: upper case, O→0, I/L→1, the hyphen in place; null when it cannot be one. */
export function normaliseCode(text: string): string | null {
  const s = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export interface DocumentRef {
  readonly document: 'unit' | 'province';
  readonly refId: string;
  readonly revision: number;
  readonly contentHash: string;
}

/** The code of this document text, made on first use. */
export async function codeFor(db: Kysely<Database>, ref: DocumentRef, documentHash: string, now: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await db
      .selectFrom('verification_codes').select('code')
      .where('document', '=', ref.document).where('ref_id', '=', ref.refId).where('revision', '=', ref.revision).where('document_hash', '=', documentHash)
      .executeTakeFirst();
    if (found) return found.code;
    try {
      const code = newVerificationCode();
      await db.insertInto('verification_codes').values({
        code, document: ref.document, ref_id: ref.refId, revision: ref.revision, content_hash: ref.contentHash, document_hash: documentHash, created_at: now,
      }).execute();
      return code;
    } catch (error) {
      // Another request made it first, or (rarely) the random code was taken: look again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('codeFor: no free verification code after 5 attempts');
}

export interface VerifiedDocument {
  readonly code: string;
  readonly planId: string;
  /** The unit's name; for the consolidated report, the plan's consolidating body (Sở KH&CN in 1174). */
  readonly unitName: string;
  readonly period: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly documentHash: string;
  /** Whether this revision is the one approved (and, for a unit's report, whether it is still the latest). */
  readonly approval: 'approved' | 'notApproved' | 'superseded' | 'reopened';
  readonly document: 'unit' | 'province';
}

/**
 * What a code stands for, with the approval state now; undefined for an unknown code.
 * `issuerName` names the body that issues a plan's consolidated report (routes/verify.ts: the plan's coordinator).
 */
export async function lookupCode(db: Kysely<Database>, code: string, issuerName: (planId: string) => string): Promise<VerifiedDocument | undefined> {
  const v = await db.selectFrom('verification_codes').selectAll().where('code', '=', code).executeTakeFirst();
  if (!v) return undefined;
  const base = { code: v.code, revision: v.revision, contentHash: v.content_hash, documentHash: v.document_hash, document: v.document as 'unit' | 'province' };
  if (v.document === 'province') {
    const p = await db.selectFrom('province_reports').selectAll().where('id', '=', v.ref_id).executeTakeFirst();
    if (!p) return undefined;
    const approval = p.status === 'approved' && p.approved_revision === v.revision ? 'approved' : p.latest_revision > v.revision ? 'superseded' : 'notApproved';
    return { ...base, planId: p.plan_id, unitName: issuerName(p.plan_id), period: p.period, approval };
  }
  const s = await db
    .selectFrom('submissions as s').innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.plan_id', 's.period', 's.status', 's.latest_revision', 'u.name'])
    .where('s.id', '=', v.ref_id).executeTakeFirst();
  if (!s) return undefined;
  const approvedThis = await db
    .selectFrom('decisions').select('id')
    .where('submission_id', '=', v.ref_id).where('revision', '=', v.revision).where('action', '=', 'approve').where('content_hash', '=', v.content_hash)
    .executeTakeFirst();
  // Approved, then sent back by the province: the document no longer stands as the unit's report.
  const approval = s.latest_revision > v.revision ? 'superseded' : !approvedThis ? 'notApproved' : s.status === 'approved' ? 'approved' : 'reopened';
  return { ...base, planId: s.plan_id, unitName: s.name, period: s.period, approval };
}
