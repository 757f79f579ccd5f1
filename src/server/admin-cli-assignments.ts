// The admin CLI's assignment commands (DOMAIN.md §3: "an administrator can override an
// assignment"): include or exclude one unit for one indicator or task, remove that override, and
// list the effective assignment with where each unit comes from. Item-level only: making a unit a
// member of a class would be another way, but one pair at a time is what the plan's cases need.
import type { Kysely } from 'kysely';
import type { Catalogue } from '../core/catalogue-types';
import { assignmentSources } from './assignments';
import { defaultSeedsDir, loadCatalogues, type CatalogueStore } from './catalogues';
import type { Database } from './db/schema';
import { unassignedItems, unassignedWarning } from './effective-assignments';
import { clearOverride, listOverrides, setOverride, type OverrideResult } from './repositories/assignment-overrides';
import { listUnits } from './repositories/units';

export const ASSIGNMENT_USAGE = `  assign <mã kế hoạch> <mã chỉ tiêu/nhiệm vụ> <mã đơn vị> --reason "…"    giao thêm cho đơn vị
  unassign <mã kế hoạch> <mã chỉ tiêu/nhiệm vụ> <mã đơn vị> --reason "…"  không giao cho đơn vị
  assignment clear <mã kế hoạch> <mã chỉ tiêu/nhiệm vụ> <mã đơn vị>      bỏ điều chỉnh, theo lại kế hoạch
  assignments <mã kế hoạch> [mã chỉ tiêu/nhiệm vụ]                       đơn vị được giao và nguồn gốc`;

export const isAssignmentCommand = (cmd: string | undefined, sub: string | undefined): boolean =>
  cmd === 'assign' || cmd === 'unassign' || cmd === 'assignments' || (cmd === 'assignment' && sub === 'clear');

/** What the CLI lends this module: its error type, its output and its one-transaction runner. */
export interface AssignmentCli {
  readonly db: Kysely<Database>;
  readonly actor: string;
  readonly reason: string | undefined;
  out(line: string): void;
  inTransaction(work: (trx: Kysely<Database>) => Promise<string>): Promise<void>;
  fail(code: string, message: string, exitCode?: number): never;
  catalogues?: CatalogueStore;
}

/** Runs assign / unassign / assignment clear / assignments; `args` are the words after the command. */
export async function runAssignmentCommand(cmd: string, args: readonly string[], cli: AssignmentCli): Promise<void> {
  const words = cmd === 'assignment' ? args.slice(1) : args;
  const [planId, itemId, unitId] = words;
  const expected = cmd === 'assignments' ? [1, 2] : [3, 3];
  if (words.length < expected[0] || words.length > expected[1]) cli.fail('cli.usage', `Sai số tham số cho "${cmd === 'assignment' ? 'assignment clear' : cmd}".\n${ASSIGNMENT_USAGE}`, 2);
  const catalogue: Catalogue | undefined = (cli.catalogues ?? loadCatalogues(defaultSeedsDir)).get(planId);
  if (!catalogue) return cli.fail('plan.notFound', `Không tìm thấy kế hoạch "${planId}".`);
  const unwrap = <T>(r: OverrideResult<T>): T => (r.ok ? r.value : cli.fail(r.code, r.message));
  const now = new Date().toISOString();

  if (cmd === 'assignments') return listAssignments(cli, catalogue, itemId);
  if (cmd === 'assignment') {
    return cli.inTransaction(async (trx) => {
      const change = unwrap(await clearOverride(trx, catalogue, { itemId, unitId }, cli.actor, now));
      const warning = unassignedWarning(await unassignedItems(trx, catalogue));
      return `Đã bỏ điều chỉnh ${itemId} – ${unitId}; theo kế hoạch: ${change.after.assigned ? 'được giao' : 'không được giao'}.${warning}`;
    });
  }
  const effect = cmd === 'assign' ? 'include' : 'exclude';
  return cli.inTransaction(async (trx) => {
    const change = unwrap(await setOverride(trx, catalogue, { itemId, unitId, effect, reason: cli.reason ?? '' }, cli.actor, now));
    if (!change.changed) return `${unitId} đã có điều chỉnh này cho ${itemId}; không thay đổi.`;
    const verb = effect === 'include' ? 'Đã giao' : 'Đã thôi giao';
    const warning = unassignedWarning(await unassignedItems(trx, catalogue));
    return `${verb} ${itemId} cho ${unitId}${change.before.assigned === change.after.assigned ? ' (trước đó cũng vậy; ghi nhận để giữ cố định)' : ''}.${warning}`;
  });
}

/** One line per item and unit: item, unit, name, source (kế hoạch / điều chỉnh / both), and the reason. */
async function listAssignments(cli: AssignmentCli, catalogue: Catalogue, itemId: string | undefined): Promise<void> {
  const items = [...catalogue.indicators, ...catalogue.tasks].map((i) => i.id);
  if (itemId !== undefined && !items.includes(itemId)) cli.fail('item.notFound', `Kế hoạch ${catalogue.planId} không có chỉ tiêu / nhiệm vụ "${itemId}".`);
  const units = await listUnits(cli.db);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const overrides = await listOverrides(cli.db, catalogue.planId, itemId);
  const reasons = new Map(overrides.map((o) => [`${o.itemId}/${o.unitId}`, o.reason]));
  for (const id of itemId ? [itemId] : items) {
    const sources = assignmentSources(catalogue, units, overrides, id);
    if (sources.length === 0) cli.out(`${id}\t-\t(chưa giao đơn vị nào)\t-`);
    for (const s of sources) {
      const from = s.override === 'exclude' ? 'loại trừ (điều chỉnh)' : s.override === 'include' ? (s.plan ? 'kế hoạch + điều chỉnh' : 'điều chỉnh') : 'kế hoạch';
      const reason = reasons.get(`${id}/${s.unitId}`);
      cli.out(`${id}\t${s.unitId}\t${names.get(s.unitId) ?? s.unitId}\t${from}${reason ? `\t${reason}` : ''}`);
    }
  }
  const warning = unassignedWarning(await unassignedItems(cli.db, catalogue));
  if (warning) cli.out(warning.trim());
}
