// Who of the expected units reported one period (docs/domain.md §5, DHIS2's reporting rate and reports
// on time): per unit whether it submitted, was approved, returned or is missing, and the rates. Shared
// by the indicators' and the tasks' consolidations.
import type { Unit } from '../core/catalogue-types';
import type { Status } from './repositories/submissions';

export interface StoredReport {
  readonly unitId: string;
  readonly status: Status;
  readonly revision: number;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly content: { readonly rows: readonly unknown[] };
  /** What the province did with it: accepted, or sent back (reopened); absent when neither. */
  readonly provinceState?: 'accepted' | 'reopened' | null;
}

export interface UnitCompleteness {
  readonly unitId: string;
  readonly name: string;
  readonly status: Status | 'missing';
  readonly revision: number | null;
  /** null while missing. */
  readonly late: boolean | null;
  readonly submittedAt: string | null;
  /** The province's mark: 'accepted', 'reopened' (sent back for correction) or null. */
  readonly provinceState: 'accepted' | 'reopened' | null;
}

/** The expected units (in their order) with their report's state, and the period's counts and rates. */
export function completeness(expected: readonly Unit[], reports: ReadonlyMap<string, Omit<StoredReport, 'content'>>) {
  const units: UnitCompleteness[] = expected.map((u) => {
    const r = reports.get(u.id);
    return r
      ? { unitId: u.id, name: u.name, status: r.status, revision: r.revision, late: r.late, submittedAt: r.submittedAt, provinceState: r.provinceState ?? null }
      : { unitId: u.id, name: u.name, status: 'missing', revision: null, late: null, submittedAt: null, provinceState: null };
  });
  const n = (status: UnitCompleteness['status']) => units.filter((u) => u.status === status).length;
  const received = units.length - n('missing');
  const onTime = units.filter((u) => u.late === false).length;
  const rate = (x: number, of: number) => (of === 0 ? null : Math.round((x * 10000) / of) / 100);
  return {
    units,
    summary: {
      expected: units.length, submitted: n('submitted'), approved: n('approved'), returned: n('returned'), missing: n('missing'),
      onTime, late: received - onTime,
      /** Reports received ÷ reports expected, in percent. */
      completenessRate: rate(received, units.length),
      /** Reports received by the deadline ÷ reports expected, in percent. */
      onTimeRate: rate(onTime, units.length),
    },
  };
}
