// Office errors as values the taskpane can show, in Vietnamese. Source of truth: Excel.ErrorCodes
// (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes)
// and docs/architecture.md §3–4: translated, never swallowed; expected failures are values, bugs are exceptions.
// The messages live in src/text/strings.ts (officeErrors.excel), with the rest of the UI text.
import { officeSupport } from '../../text/office-support';
import { strings } from '../../text/strings';
import { webAppAddress } from '../host';

const T = strings.officeErrors.excel;

export type ExcelFailureCode =
  /** The clerk is typing in a cell: Excel refuses every API call until Enter / Esc. Retry. */
  | 'cellEditMode'
  /** A sheet of that name exists and the caller did not ask to overwrite it. */
  | 'sheetExists'
  /** The report sheet (or its mapping sheet) is gone: deleted or renamed. */
  | 'sheetNotFound'
  /** The sheet was made from another plan or catalogue version than the one loaded. */
  | 'catalogueMismatch'
  /** The unit has nothing assigned in this appendix: no sheet is made. */
  | 'nothingAssigned'
  /** A protected cell or sheet refused the change. */
  | 'protected'
  /** The running Excel lacks an API the action needs (a requirement set below ours). */
  | 'unsupported'
  /** Excel on the web refused a request over its 5 MB limit. */
  | 'tooLarge'
  /** Excel said something else: kept with its code, for support. */
  | 'office';

export interface ExcelFailure {
  readonly code: ExcelFailureCode;
  readonly message: string;
  readonly retryable: boolean;
  /** Excel's own error code and message, when the failure came from Excel. */
  readonly officeCode?: string;
  readonly detail?: string;
}

export type ExcelOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExcelFailure };

export const done = <T>(value: T): ExcelOutcome<T> => ({ ok: true, value });
export const failed = <T = never>(code: ExcelFailureCode, message: string, extra: Partial<ExcelFailure> = {}): ExcelOutcome<T> =>
  ({ ok: false, error: { code, message, retryable: code === 'cellEditMode', ...extra } });

/** Kept as an export: the taskpane and the browser tests wait for this exact text. */
export const CELL_EDIT_MESSAGE = T.cellEdit;

/** The shape of OfficeExtension.Error that matters here. */
interface OfficeErrorLike {
  readonly code: string;
  readonly message?: string;
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/**
 * An Office error as a failure value; anything that is not an Office error is a bug and is rethrown.
 * @example translateOfficeError({ code: 'InvalidOperationInCellEditMode' }).code === 'cellEditMode'
 */
export function translateOfficeError(e: unknown): ExcelFailure {
  if (!isOfficeError(e)) throw e;
  const extra = { officeCode: e.code, detail: e.message };
  switch (e.code) {
    case 'InvalidOperationInCellEditMode':
      return { code: 'cellEditMode', message: CELL_EDIT_MESSAGE, retryable: true, ...extra };
    case 'ItemNotFound':
      return { code: 'sheetNotFound', message: T.notFound, retryable: false, ...extra };
    case 'ItemAlreadyExists':
      return { code: 'sheetExists', message: T.exists, retryable: false, ...extra };
    case 'AccessDenied':
      return { code: 'protected', message: T.protected, retryable: false, ...extra };
    case 'ApiNotFound':
      return { code: 'unsupported', message: officeSupport.apiNotFound(webAppAddress()), retryable: false, ...extra };
    case 'RequestPayloadSizeLimitExceeded':
      return { code: 'tooLarge', message: officeSupport.payloadTooLarge, retryable: false, ...extra };
    default:
      return { code: 'office', message: T.other(e.code), retryable: false, ...extra };
  }
}

/** Runs an Excel action; an Office error becomes a failure value (a bug still throws). */
export async function guarded<T>(action: () => Promise<ExcelOutcome<T>>): Promise<ExcelOutcome<T>> {
  try {
    return await action();
  } catch (e) {
    return { ok: false, error: translateOfficeError(e) };
  }
}

export interface WaitingState {
  readonly attempt: number;
  readonly message: string;
  readonly retryInMs: number;
}

export interface RetryOptions {
  /** Called before each wait with what to show, and with null once the wait is over. */
  readonly onWaiting?: (state: WaitingState | null) => void;
  /** Waits between attempts; the last failure is returned when they run out (about 30 s by default). */
  readonly delaysMs?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 3000, 5000, 8000, 10_000];

/**
 * Runs an action again while Excel is in cell-edit mode, telling the taskpane it is waiting. The
 * action is a whole Excel.run: a batch refused in cell-edit mode applied nothing, so re-running it
 * loses nothing and reads the clerk's latest values.
 * @example await withCellEditRetry(() => excel.checkSheet(name, catalogue), { onWaiting: setBanner })
 */
export async function withCellEditRetry<T>(action: () => Promise<ExcelOutcome<T>>, options: RetryOptions = {}): Promise<ExcelOutcome<T>> {
  const delays = options.delaysMs ?? DEFAULT_DELAYS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let outcome = await action();
  let waited = false;
  for (let attempt = 0; !outcome.ok && outcome.error.code === 'cellEditMode' && attempt < delays.length; attempt++) {
    waited = true;
    options.onWaiting?.({ attempt: attempt + 1, message: outcome.error.message, retryInMs: delays[attempt] });
    await sleep(delays[attempt]);
    outcome = await action();
  }
  if (waited) options.onWaiting?.(null);
  return outcome;
}
