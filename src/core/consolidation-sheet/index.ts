// The consolidation sheet spec: pure, drawn by the Excel adapter and by the .xlsx writer.
export * from './types';
export { buildConsolidationSheet, consolidationSheetName, PRINTED_COLUMNS, PROVINCE_HEADERS, RULE_LABELS, type SheetOptions } from './build';
export { provinceStateLabel, STATUS_LABELS, SUMMARY_HEADERS, UNIT_HEADERS } from './completeness';
export { vietnamTime } from './layout';
export * from './wire';
