// The consolidating body of each plan the server holds (catalogue.coordinator, read by the importer
// from the plan's "Tổ chức thực hiện"): its head approves the plan's province report, and refusals
// name it – "Sở Khoa học và Công nghệ" for 1174, whatever body another plan names.
import type { Unit } from '../core/catalogue-types';
import { coordinatorOf } from '../core/units';
import type { CatalogueStore } from './catalogues';

/** What a refusal calls the body when no plan names one. */
const UNNAMED = 'đơn vị tổng hợp báo cáo của kế hoạch';

/** The plan's consolidating body; null for an unknown plan or one that names none. */
export function planCoordinator(catalogues: CatalogueStore, planId: string): Unit | null {
  const catalogue = catalogues.get(planId);
  return catalogue ? coordinatorOf(catalogue) : null;
}

/** Every plan's consolidating body, each once. */
export function allCoordinators(catalogues: CatalogueStore): Unit[] {
  const found = new Map<string, Unit>();
  for (const c of catalogues.catalogues.values()) {
    const unit = coordinatorOf(c);
    if (unit) found.set(unit.id, unit);
  }
  return [...found.values()];
}

/**
 * The body's name for a message: the plan's when it is known, else every plan's ("A hoặc B").
 * @example coordinatorNames(app.catalogues) // 'Sở Khoa học và Công nghệ'
 */
export function coordinatorNames(catalogues: CatalogueStore, planId?: string): string {
  const one = planId === undefined ? null : planCoordinator(catalogues, planId);
  if (one) return one.name;
  const names = [...new Set(allCoordinators(catalogues).map((u) => u.name))];
  return names.length > 0 ? names.join(' hoặc ') : UNNAMED;
}
