// Expected failures are values (docs/architecture.md §4): parsers and validators return a Result,
// and every issue carries a code from a closed union, where it happened and a Vietnamese message.

/** Codes of every issue the core can report. Extend the union; never reuse a code for another meaning. */
export type IssueCode =
  // plan text grammars (targets, deadlines, importer)
  | 'target.unknown'
  | 'deadline.unknown'
  | 'import.noAppendix01'
  | 'import.noAppendix02'
  | 'import.unreadableRow'
  | 'import.unknownUnit'
  /** The plan's metadata (number, date, issuer, title …) could not be read. */
  | 'import.missingMetadata'
  /** An appendix's table has no header row naming its columns, or lacks a column it needs. */
  | 'import.noHeader'
  /** An appendix's table was found but no indicator / task was read from it. */
  | 'import.noRows'
  /** The numbering skips or repeats numbers: rows were lost or doubled. */
  | 'import.numbering'
  /** A target the grammar cannot read, kept as text for a person to evaluate. */
  | 'import.manualTarget'
  /** The .docx could not be opened or has no document body. */
  | 'import.docx'
  /** The hand review file does not fit the plan (an entry's text differs, an indicator is not reviewed). */
  | 'import.review'
  /** The plan does not say which unit consolidates the reports ("Tổ chức thực hiện"). */
  | 'import.noCoordinator'
  // unit directory CSV (communes and wards loaded by the administrator)
  | 'units.csvHeader'
  | 'units.csvRow'
  | 'units.duplicateId'
  // values as clerks type them
  | 'value.required'
  | 'value.notNumber'
  | 'value.percentOutOfRange'
  | 'value.negative'
  | 'value.fractionalCount'
  | 'value.numeratorAboveDenominator'
  | 'value.denominatorZero'
  | 'value.unknownStatus'
  | 'value.unknownYesNo'
  | 'value.descriptionRequired'
  | 'value.dateInvalid'
  | 'value.tooLong'
  /** A warning: a rate typed without "%" and ≤ 1 (e.g. "0,705") was read as a fraction (70,5 %). */
  | 'value.readAsFraction'
  /** A warning: an assigned row is still empty (nothing typed in any of its input cells). */
  | 'row.blank'
  /** No assigned row has a value: an empty report is refused, not counted as submitted. */
  | 'submission.empty'
  /** The plan's reporting scheme does not ask for this period (e.g. Quý II where 6 tháng stands for it). */
  | 'period.notInScheme'
  /** "Đang triển khai (đúng tiến độ)" for a task whose deadline has passed at the report's reference date. */
  | 'task.onTrackOverdue'
  // submissions
  | 'row.unknownId'
  | 'row.notAssigned'
  | 'row.duplicateId'
  | 'period.unknown'
  | 'period.wrongPlanYear'
  /** The submission names another plan than the catalogue it is checked against. */
  | 'submission.wrongPlan'
  /** The request does not have the agreed shape (schemas.ts); `field` holds the path. */
  | 'request.invalid'
  /** A warning: a task's status and its progress / completion date disagree. */
  | 'task.inconsistent'
  /** A sheet row's number or text is not what the template wrote there (rows sorted or moved). */
  | 'row.moved';

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Vietnamese, for the user. */
  readonly message: string;
  /** Which field of the input (e.g. "value", "numerator", "status"). */
  readonly field?: string;
  /** Which row (indicator or task id) when the input is a list of rows. */
  readonly rowId?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues });

/** Exhaustiveness guard for `switch` over a tagged union. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected variant: ${JSON.stringify(x)}`);
}
