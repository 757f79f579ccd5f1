// The consolidation as GET /api/consolidation sends it (format=json) and as the clients read it.
// Indicators travel packed (issue 12, the national scale): 3,400 units × ~50 indicators written out
// unit by unit, with each unit's name repeated per indicator, made a 13 MB answer whose writing alone
// (JSON.stringify, UTF-8, the client's reading) took longer than the whole budget. Packed, a line
// carries its units as positions in the answer's `units` (which has each unit's id, name and report
// status once), and per unit a position in the line's `values` – the distinct values reported for
// the indicator, each pointing to what is said of it among the line's few distinct `judgements`
// (words, evaluation, assessment: free texts make values many). `expandConsolidation` gives back the
// unit-by-unit form every consumer reads (ConsolidationData); `packConsolidation` is its inverse, for
// stubbed servers in tests and benches. Tasks travel as they are: a task has a few lead units.
import type { Evaluation } from '../evaluate';
import type { ParsedValue } from '../values';
import type { CompletenessUnit, ConsolidationData, IndicatorLine, ReportStatus } from './types';

/** One expected unit's value for an indicator, unit by unit (what the drill-down, CSV and sheet read). */
export interface IndicatorUnitValue {
  readonly unitId: string;
  readonly name: string;
  readonly status: ReportStatus;
  /** null: no report, or the report has no row for the indicator. */
  readonly value: ParsedValue | null;
  readonly display: string | null;
  readonly note: string | null;
  readonly evaluation: Evaluation | null;
  /** What the unit's own report prints: judged, progress, or a contribution (docs/figures.md). */
  readonly assessment: string | null;
}

/** What the consolidation says of a value: its words, its judgement against the target, and the unit's assessment. */
export interface Judgement {
  readonly display: string;
  readonly evaluation: Evaluation;
  readonly assessment: string;
}

export interface PackedIndicatorLine extends Omit<IndicatorLine, 'units'> {
  /** The units expected to report the indicator, as positions in the answer's `units`, in its order. */
  readonly unitIndexes: readonly number[];
  /** Per expected unit (same order), the position in `values` of its value; null: nothing reported for it. */
  readonly valueIndexes: readonly (number | null)[];
  /** The distinct values reported (null: a row left blank). */
  readonly values: readonly (ParsedValue | null)[];
  /** Per value (same order), the position in `judgements` of what is said of it: many values, few judgements. */
  readonly judged: readonly number[];
  readonly judgements: readonly Judgement[];
  /** The notes units wrote, by position in `unitIndexes` (most units write none). */
  readonly notes: Readonly<Record<string, string>>;
}

type Header = Omit<ConsolidationData, 'kind' | 'indicators' | 'tasks'>;
type TasksData = Extract<ConsolidationData, { kind: 'tasks' }>;

/** The JSON of GET /api/consolidation (format=json). */
export type ConsolidationWire =
  | (Header & { readonly kind: 'indicators'; readonly indicators: readonly PackedIndicatorLine[] })
  | TasksData;

/** An indicator line with its units written out (ConsolidationData's line, with every field the server gives). */
export type ExpandedIndicatorLine = Omit<IndicatorLine, 'units'> & { readonly units: readonly IndicatorUnitValue[] };

/**
 * The units of one packed line, written out: id, name and report status from the answer's units.
 * @example expandIndicatorUnits(line, wire.units)[0] // { unitId: 'xa-dien-chau', name: 'Xã Diễn Châu', status: 'submitted', value: …, display: '80%', … }
 */
export function expandIndicatorUnits(line: PackedIndicatorLine, units: readonly CompletenessUnit[]): IndicatorUnitValue[] {
  const out = new Array<IndicatorUnitValue>(line.unitIndexes.length);
  for (let k = 0; k < line.unitIndexes.length; k++) {
    const u = units[line.unitIndexes[k]];
    if (!u) throw new Error(`consolidation: indicator ${line.id} names unit position ${line.unitIndexes[k]}, beyond the answer's units`);
    const at = line.valueIndexes[k];
    const j = at === null || at === undefined ? undefined : line.judgements[line.judged[at]];
    out[k] = {
      unitId: u.unitId, name: u.name, status: u.status, value: j ? line.values[at!] : null, display: j?.display ?? null,
      note: line.notes[k] ?? null, evaluation: j?.evaluation ?? null, assessment: j?.assessment ?? null,
    };
  }
  return out;
}

/** A packed line written out unit by unit. */
export function expandIndicatorLine(line: PackedIndicatorLine, units: readonly CompletenessUnit[]): ExpandedIndicatorLine {
  const { unitIndexes: _u, valueIndexes: _v, values: _values, judged: _j, judgements: _js, notes: _n, ...rest } = line;
  return { ...rest, units: expandIndicatorUnits(line, units) };
}

/**
 * What the clients read: the answer with every indicator line written out unit by unit.
 * @example const data = expandConsolidation(await call(api, API.consolidation, …)); data.indicators[0].units
 */
export function expandConsolidation(wire: Extract<ConsolidationWire, { kind: 'indicators' }>): Extract<ConsolidationData, { kind: 'indicators' }>;
export function expandConsolidation(wire: ConsolidationWire): ConsolidationData;
export function expandConsolidation(wire: ConsolidationWire): ConsolidationData {
  if (wire.kind !== 'indicators') return wire;
  return { ...wire, indicators: wire.indicators.map((line) => expandIndicatorLine(line, wire.units)) };
}

/**
 * The packed form of a consolidation written out unit by unit (a test's or bench's stubbed server).
 * A unit with no value, display, evaluation nor assessment sent nothing for the indicator; each
 * unit's name and report status are the answer's (`units`), as the server gives them.
 */
export function packConsolidation(data: ConsolidationData): ConsolidationWire {
  if (data.kind === 'tasks') return data;
  const position = new Map(data.units.map((u, k) => [u.unitId, k]));
  const indicators = data.indicators.map((line): PackedIndicatorLine => {
    const { units, ...rest } = line;
    const values: (ParsedValue | null)[] = [];
    const judged: number[] = [];
    const judgements: Judgement[] = [];
    const valueAt = new Map<string, number>();
    const judgementAt = new Map<string, number>();
    const notes: Record<string, string> = {};
    const valueIndexes = units.map((u, k) => {
      const full = u as Partial<IndicatorUnitValue> & IndicatorLine['units'][number];
      if (full.note !== null && full.note !== undefined) notes[k] = full.note;
      const value = full.value ?? null;
      if (value === null && u.display === null && u.evaluation === null && (u.assessment ?? null) === null) return null;
      const j: Judgement = { display: u.display ?? '', evaluation: u.evaluation ?? 'noData', assessment: u.assessment ?? '' };
      const jKey = JSON.stringify([j.display, j.evaluation, j.assessment]);
      let ja = judgementAt.get(jKey);
      if (ja === undefined) judgementAt.set(jKey, (ja = judgements.push(j) - 1));
      const key = JSON.stringify([value, ja]);
      let at = valueAt.get(key);
      if (at === undefined) {
        valueAt.set(key, (at = values.push(value) - 1));
        judged.push(ja);
      }
      return at;
    });
    const unitIndexes = units.map((u) => {
      const at = position.get(u.unitId);
      if (at === undefined) throw new Error(`packConsolidation: unit ${u.unitId} of indicator ${line.id} is not in the answer's units`);
      return at;
    });
    return { ...rest, unitIndexes, valueIndexes, values, judged, judgements, notes };
  });
  return { ...data, indicators };
}
