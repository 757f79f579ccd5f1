// The worker thread's tasks (docs/architecture.md "Worker threads"): the work that would hold the
// event loop for seconds – drawing a consolidation workbook with exceljs, reading an uploaded one –
// done here, off it. Each task takes and returns plain data (structured clone); the builders are
// called exactly as the routes called them, so the bytes and the refusals are the same.
// Entry point of its own bundle (scripts/build-server.mjs: dist/server/xlsx-worker.js); from the
// TypeScript sources it is loaded through source-entry.cjs.
import type { SheetOptions } from '../../core/consolidation-sheet';
import { consolidationBody, type ConsolidationJob } from '../consolidation-job';
import { consolidationWorkbook } from '../xlsx/consolidation';
import { readUpload, type Upload } from '../xlsx/import';

/** A Buffer as it crosses to or from a worker (a plain Uint8Array), viewed as a Buffer again without a copy. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The consolidation of the job, computed and drawn as .xlsx. */
export async function consolidationXlsx(task: { readonly job: ConsolidationJob; readonly options: SheetOptions }): Promise<Uint8Array> {
  return consolidationWorkbook(consolidationBody(task.job), task.options);
}

/** The template in an uploaded file, or why it is refused (a value: the refusal crosses back as data). */
export async function upload(task: { readonly file: Uint8Array; readonly secret: Uint8Array }): Promise<Upload> {
  return readUpload(asBuffer(task.file), asBuffer(task.secret));
}

