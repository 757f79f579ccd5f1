// "Gửi báo cáo" on the Excel side, in one Excel.run of two syncs: the check's read is also the
// submission's read (nothing is read twice), and the client submission id is stamped in the same
// batch as the check's marks. The id is kept while the content is the same – the mapping sheet holds
// a stamp of the content it was sent with – so a retry after a lost answer is the same submission and
// an edited report gets a new id without asking the server first (docs/office-support.md).

import type { Catalogue } from '../../core/catalogue-types';
import { CLIENT_ID_LINE, mappingSheetName, readSheetRows, submissionOf, type SheetRows, type TemplateMapping } from '../../core/template';
import { runCheck, type CheckResult } from './check';
import { done, guarded, type ExcelOutcome } from './errors';

export interface SubmitRead {
  readonly check: CheckResult;
  /** Null when the check found errors: nothing is to be sent, and nothing was stamped. */
  readonly submission: {
    readonly mapping: TemplateMapping;
    readonly rows: SheetRows;
    readonly clientSubmissionId: string;
    /** True when the id was already stamped for this very content (a retry). */
    readonly reused: boolean;
  } | null;
}

/** FNV-1a, 2 × 32 bits: tells one content from another, not a security measure. */
export function contentStamp(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/**
 * Checks the sheet (marks written), and when it has no errors, gives the submission to send with its
 * client id – stamped in the mapping sheet in the same sync as the marks.
 * @example const r = await checkForSubmit('PL01 2026-Q1', catalogue, () => crypto.randomUUID())
 */
export function checkForSubmit(sheetName: string, catalogue: Catalogue, newId: () => string): Promise<ExcelOutcome<SubmitRead>> {
  return guarded(() => Excel.run(async (context) => {
    let submission: SubmitRead['submission'] = null;
    let stamp = '';
    const queueStamp = (id: string) => {
      const cells = context.workbook.worksheets.getItem(mappingSheetName(sheetName)).getRangeByIndexes(CLIENT_ID_LINE, 1, 1, 2);
      cells.numberFormat = [['@', '@']];
      cells.values = [[id, stamp]];
    };
    // Called once with the marks, and once more only if Excel refused them (see runCheck).
    const step = await runCheck(context, sheetName, catalogue, (loaded, result) => {
      if (result.errorCount > 0) return;
      if (!submission) {
        const rows = readSheetRows(loaded.mapping, loaded.values, loaded.numberFormats);
        stamp = contentStamp(JSON.stringify(submissionOf(loaded.mapping, rows, '')));
        const kept = loaded.mapping.clientSubmissionId;
        const reused = kept !== null && loaded.stamp === stamp;
        submission = { mapping: loaded.mapping, rows, clientSubmissionId: reused ? kept : newId(), reused };
      }
      if (!submission.reused) queueStamp(submission.clientSubmissionId);
    });
    if (!step.ok) return step;
    return done<SubmitRead>({ check: step.value.result, submission });
  }));
}
