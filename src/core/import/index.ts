// The plan importer's public face: text + hand review → Catalogue (+ what it could not read).
export { CATALOGUE_VERSION, importPlan, type ImportOptions, type ImportReport } from './import-plan';
export { compareCatalogueText, serializeCatalogue } from './check';
export { emptyReview, parseReview, type IndicatorReview, type Review } from './review';
export { derivePlanId, readDocument } from './metadata';
export { resolveCell, buildNameIndex, type ResolvedCell } from './cells';
export { inferForm, type FormChoice } from './forms';
