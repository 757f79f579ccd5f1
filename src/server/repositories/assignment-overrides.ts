// The administrator's item-level assignment overrides (docs/domain.md §3, §5). Every write checks the
// item against the plan's catalogue and the unit against the directory, and leaves an audit row
// (who, when, what, before/after – including whether the unit was assigned) in the caller's
// transaction, so the CLI and the HTTP route make one change and its record together.
import type { Kysely } from 'kysely';
import type { Catalogue } from '../../core/catalogue-types';
import { assignmentSources, type AssignmentOverride, type OverrideEffect } from '../assignments';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';
import { listUnits } from './units';

type Q = Kysely<Database>;

export interface StoredOverride extends AssignmentOverride {
  readonly planId: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export type OverrideErrorCode = 'item.notFound' | 'unit.notFound' | 'reason.required' | 'reason.tooLong' | 'override.notFound';
export type OverrideResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: OverrideErrorCode; readonly message: string };
const fail = (code: OverrideErrorCode, message: string): OverrideResult<never> => ({ ok: false, code, message });

export const REASON_MAX = 1000;

/** The overrides of a plan (or of one item), ordered by item and unit. */
export async function listOverrides(db: Q, planId: string, itemId?: string): Promise<StoredOverride[]> {
  let q = db.selectFrom('assignment_overrides').selectAll().where('plan_id', '=', planId);
  if (itemId !== undefined) q = q.where('item_id', '=', itemId);
  const rows = await q.orderBy('item_id').orderBy('unit_id').execute();
  return rows.map((r) => ({
    planId: r.plan_id, itemId: r.item_id, unitId: r.unit_id, effect: r.effect as OverrideEffect,
    reason: r.reason, createdBy: r.created_by, createdAt: r.created_at,
  }));
}

export interface OverrideKey {
  readonly itemId: string;
  readonly unitId: string;
}

/** What the audit keeps of one (item, unit) pair: its override, if any, and the outcome. */
async function stateOf(db: Q, catalogue: Catalogue, key: OverrideKey) {
  const overrides = await listOverrides(db, catalogue.planId, key.itemId);
  const own = overrides.find((o) => o.unitId === key.unitId);
  const source = assignmentSources(catalogue, await listUnits(db), overrides, key.itemId).find((s) => s.unitId === key.unitId);
  return {
    override: own ? { effect: own.effect, reason: own.reason, createdBy: own.createdBy, createdAt: own.createdAt } : null,
    plan: source?.plan ?? false,
    assigned: source?.assigned ?? false,
  };
}
type State = Awaited<ReturnType<typeof stateOf>>;

const entityId = (planId: string, key: OverrideKey) => `${planId}/${key.itemId}/${key.unitId}`;
const hasItem = (catalogue: Catalogue, itemId: string) =>
  catalogue.indicators.some((i) => i.id === itemId) || catalogue.tasks.some((t) => t.id === itemId);

export interface OverrideChange {
  readonly changed: boolean;
  readonly before: State;
  readonly after: State;
}

/**
 * Includes or excludes one unit for one indicator or task, replacing an earlier override of the pair.
 * @example await setOverride(trx, catalogue, { itemId: 'ct-10', unitId: 'so-noi-vu', effect: 'exclude', reason: 'Không thuộc 9 ngành' }, 'cli:root', now)
 */
export async function setOverride(
  db: Q, catalogue: Catalogue, input: OverrideKey & { readonly effect: OverrideEffect; readonly reason: string }, actor: string, now: string,
): Promise<OverrideResult<OverrideChange>> {
  const reason = input.reason.trim();
  if (!reason) return fail('reason.required', 'Cần ghi lý do điều chỉnh (--reason "…").');
  if (reason.length > REASON_MAX) return fail('reason.tooLong', `Lý do dài quá ${REASON_MAX} ký tự.`);
  if (!hasItem(catalogue, input.itemId)) return fail('item.notFound', `Kế hoạch ${catalogue.planId} không có chỉ tiêu / nhiệm vụ "${input.itemId}".`);
  const unit = await db.selectFrom('units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || unit.active !== 1) return fail('unit.notFound', `Không tìm thấy đơn vị "${input.unitId}".`);

  const before = await stateOf(db, catalogue, input);
  if (before.override?.effect === input.effect && before.override.reason === reason) return { ok: true, value: { changed: false, before, after: before } };
  const row = { effect: input.effect, reason, created_by: actor, created_at: now };
  await db
    .insertInto('assignment_overrides')
    .values({ plan_id: catalogue.planId, item_id: input.itemId, unit_id: input.unitId, ...row })
    .onConflict((oc) => oc.columns(['plan_id', 'item_id', 'unit_id']).doUpdateSet(row))
    .execute();
  const after = await stateOf(db, catalogue, input);
  await recordAudit(db, { at: now, userId: actor, action: `assignment.${input.effect}`, entity: 'assignment', entityId: entityId(catalogue.planId, input), before, after });
  return { ok: true, value: { changed: true, before, after } };
}

/** Removes the override of one pair: the catalogue's reading applies again. */
export async function clearOverride(db: Q, catalogue: Catalogue, key: OverrideKey, actor: string, now: string): Promise<OverrideResult<OverrideChange>> {
  const before = await stateOf(db, catalogue, key);
  if (!before.override) return fail('override.notFound', `Không có điều chỉnh nào của "${key.itemId}" cho đơn vị "${key.unitId}".`);
  await db
    .deleteFrom('assignment_overrides')
    .where('plan_id', '=', catalogue.planId).where('item_id', '=', key.itemId).where('unit_id', '=', key.unitId)
    .execute();
  const after = await stateOf(db, catalogue, key);
  await recordAudit(db, { at: now, userId: actor, action: 'assignment.clear', entity: 'assignment', entityId: entityId(catalogue.planId, key), before, after });
  return { ok: true, value: { changed: true, before, after } };
}
