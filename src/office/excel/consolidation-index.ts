// The consolidator's Excel seam (docs/architecture.md §2): ConsolidatorView gets `excelConsolidation` (or a fake
// of the same shape) and calls nothing else of Excel. Kept apart from index.ts (the clerk's seam) so
// each view's chunk carries only its own adapters.
import { withCellEditRetry } from './errors';
import { writeConsolidation } from './consolidate';

export const excelConsolidation = { writeConsolidation, withCellEditRetry };
export type ExcelConsolidation = typeof excelConsolidation;
export type { Consolidated } from './consolidate';
export type { ExcelOutcome, ExcelFailure } from './errors';
