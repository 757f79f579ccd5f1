// Requirement sets of the Excel APIs the fake models (Microsoft's API reference, per member).
import type { Requirement } from '../fake-office';

/**
 * The requirement set of each API the fake models that is newer than ExcelApi 1.1 (Microsoft's
 * reference pages, per member); an operation using one fails at sync on a host without it.
 */
export const API = {
  protection: ['ExcelApi', '1.2'],
  usedRangeValuesOnly: ['ExcelApi', '1.2'],
  format12: ['ExcelApi', '1.2'], // columnWidth, rowHeight, autofitRows, protection.locked, merge
  nullObjects: ['ExcelApi', '1.4'],
  conditionalFormats: ['ExcelApi', '1.6'],
  getRangeByIndexes: ['ExcelApi', '1.7'],
  freezePanes: ['ExcelApi', '1.7'],
  dataValidation: ['ExcelApi', '1.8'],
  pageLayout: ['ExcelApi', '1.9'],
} as const satisfies Record<string, Requirement>;
