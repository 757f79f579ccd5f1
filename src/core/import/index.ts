// The plan importer's public face: text or .docx + hand review → Catalogue (+ what it could not read).
export { CATALOGUE_VERSION, importPlan, type ImportOptions, type ImportReport, type PlanSource } from './import-plan';
export { readDocx } from './docx';
export { formatReview } from './review-print';
export { compareCatalogueText, serializeCatalogue } from './check';
export { emptyReview, parseReview, type IndicatorReview, type Review } from './review';
export { derivePlanId, readDocument } from './metadata';
export { resolveCell, buildNameIndex, type ResolvedCell } from './cells';
export { inferForm, type FormChoice } from './forms';
