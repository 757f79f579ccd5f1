// A fake Excel host for tests and the bench: Office.js proxy semantics (load + sync before reading,
// writes applied at sync, counted syncs) over an in-memory workbook. Not part of any bundle.
export { FakeExcelHost, CELL_READ_LIMIT, type FakeExcelOptions } from './host';
export { PROFILES, PROFILE_NAMES, type OfficeProfile, type ProfileName } from '../office-profiles';
export { typeInto, type TypeOptions, type Typed } from './typing';
export { AUTOFIT_HEIGHT, FakeOfficeError, ERROR_CODES, type CellState, type SheetState } from './state';
