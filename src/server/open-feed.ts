// The open feed for the province's IOC (docs/province-report.md): the province figure per indicator
// from APPROVED reports only, with its evaluation, completeness and provisional flag, and how many
// of the counted reports the province has accepted; and the unit values as a DHIS2 dataValueSet.
import type { Catalogue, Indicator } from '../core/catalogue-types';
import type { AggregateFigure } from '../core/aggregate';
import type { Period } from '../core/periods';
import { valuePercent, type ParsedValue } from '../core/values';
import type { consolidateIndicators } from './consolidation';

type Consolidated = ReturnType<typeof consolidateIndicators>;

/** One indicator in the feed: the stable, documented schema (FeedIndicator in the OpenAPI document). */
export interface FeedIndicator {
  readonly id: string;
  readonly no: number;
  readonly group: string;
  readonly text: string;
  readonly target: string;
  /** The province figure in percent, or null (no data, or a figure that is not a percentage). */
  readonly value: number | null;
  readonly valueText: string;
  readonly evaluation: string;
  readonly evaluationLabel: string;
  readonly reported: number;
  readonly expected: number;
  readonly provisional: boolean;
  /** Of the reports counted, how many the province has accepted. */
  readonly accepted: number;
}

function figurePercent(f: AggregateFigure): number | null {
  switch (f.kind) {
    case 'percent': return f.percent;
    case 'allComplete': return f.of === 0 ? null : (f.done * 100) / f.of;
    case 'single': return f.value ? valuePercent(f.value) : null;
    default: return null;
  }
}

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

export function feedIndicators(c: Consolidated, accepted: ReadonlySet<string>): FeedIndicator[] {
  return c.indicators.map((i) => ({
    id: i.id, no: i.no, group: i.group, text: i.text, target: i.targetText,
    value: round(figurePercent(i.figure as AggregateFigure)), valueText: i.figureText,
    evaluation: i.evaluation, evaluationLabel: i.evaluationLabel, reported: i.reported, expected: i.expected, provisional: i.provisional,
    accepted: i.units.filter((u) => u.status === 'approved' && accepted.has(u.unitId)).length,
  }));
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const FEED_COLUMNS = ['id', 'no', 'group', 'text', 'target', 'value', 'valueText', 'evaluation', 'evaluationLabel', 'reported', 'expected', 'provisional', 'accepted'] as const;

export function feedCsv(rows: readonly FeedIndicator[]): string {
  return `\ufeff${[FEED_COLUMNS.join(','), ...rows.map((r) => FEED_COLUMNS.map((k) => csvCell(r[k])).join(','))].join('\r\n')}\r\n`;
}

/** DHIS2's period code: 2026Q1, 2026S1 (Jan–Jun), 2026; null where DHIS2 has none (9 months). */
export function dhis2Period(p: Pick<Period, 'year' | 'code'>): string | null {
  switch (p.code) {
    case 'Q1': case 'Q2': case 'Q3': case 'Q4': return `${p.year}${p.code}`;
    case 'H1': return `${p.year}S1`;
    case 'Y': return String(p.year);
    case '9M': return null;
  }
}

/** A unit's value as DHIS2 stores it: a number (percent, or 1/0 for yes/done/applied). */
function dhis2Value(v: ParsedValue): string | null {
  switch (v.kind) {
    case 'rate': case 'countPair': {
      const p = valuePercent(v);
      return p === null ? null : String(Math.round(p * 100) / 100);
    }
    case 'yesNo': return v.yes ? '1' : '0';
    case 'status': return v.status === 'done' ? '1' : '0';
    case 'applied': return v.applied ? '1' : '0';
    default: return null;
  }
}

export function dataValueSet(catalogue: Catalogue, c: Consolidated, period: string) {
  const known = new Set(catalogue.indicators.map((i: Indicator) => i.id));
  const dataValues = c.indicators.filter((i) => known.has(i.id)).flatMap((i) => i.units.flatMap((u) => {
    const value = u.value ? dhis2Value(u.value as ParsedValue) : null;
    return value === null ? [] : [{ dataElement: i.id, orgUnit: u.unitId, period, value }];
  }));
  return { dataValues };
}
