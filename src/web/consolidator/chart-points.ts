// The bars of a group's chart: each indicator whose province figure is a percentage (a shared rate,
// a ratio of sums, or one unit's rate), with its number; the others are not drawn on a % axis.
import type { IndicatorLine } from '../../core/consolidation-sheet';

export interface ChartPoint {
  readonly label: string;
  readonly percent: number;
}

/**
 * @example chartPoints([{ no: 1, figure: { kind: 'percent', percent: 72.5, … }, … }]) // [{ label: 'CT 1', percent: 72.5 }]
 */
export function chartPoints(lines: readonly Pick<IndicatorLine, 'no' | 'figure'>[], label: (no: number) => string): ChartPoint[] {
  return lines.flatMap((line) => {
    const f = line.figure;
    const percent = f.kind === 'percent' ? f.percent : f.kind === 'single' && f.value?.kind === 'rate' ? f.value.percent : f.kind === 'single' && f.value?.kind === 'countPair' && f.value.denominator > 0 ? (100 * f.value.numerator) / f.value.denominator : null;
    return percent === null ? [] : [{ label: label(line.no), percent: Math.round(percent * 10) / 10 }];
  });
}
