// Sở KH&CN's consolidated report written into Word (docs/province-report.md). It is a report model
// like a unit's (src/core/report/province-model.ts), so the unit report's writer draws it; this
// function only insists that it is the province's, so the document's binding names the
// consolidated report's id and revision, which the head's approval is bound to.
import type { ReportModel } from '../../core/report';
import { writeReport } from './report-writer';

/**
 * Replaces the document's content with the consolidated report (1 Word.run, 1 sync).
 * @example await writeProvinceReport(provinceReportModel(catalogue.document, content, { date, reportId, revision, contentHash }));
 */
export async function writeProvinceReport(model: ReportModel): Promise<void> {
  if (model.binding.kind !== 'province') throw new Error('writeProvinceReport: the model is not a consolidated report');
  await writeReport(model);
}
