// Reads which revision the document shows and records the sign-off in it (content controls, see
// binding-text.ts). One sync to read; two to record (find an earlier record, then write).
import { APPROVAL_TAG, APPROVAL_TITLE, REPORT_TAG, approvalText, parseApprovalText, parseBindingText, type ApprovalRecord, type DocumentBinding } from './binding-text';
import { loadBindingProperties } from './document-properties';
import { translated } from './errors';

/**
 * Which submission revision the open document shows, or null when it holds no (readable) report:
 * the add-in's content control, or, in a document without one, its custom properties – what the
 * server's .docx carries (document-properties.ts). One sync for both.
 * @example const b = await readReportBinding(); if (b) await api.approve(b.submissionId, b.contentHash);
 */
export async function readReportBinding(): Promise<DocumentBinding | null> {
  return translated(() =>
    Word.run(async (context) => {
      const control = context.document.body.contentControls.getByTag(REPORT_TAG).getFirstOrNullObject();
      control.load('text');
      const properties = loadBindingProperties(context.document);
      await context.sync();
      // A binding line edited beyond reading is not overridden: the head sees that something is wrong.
      return control.isNullObject ? properties.take() : parseBindingText(control.text);
    }),
  );
}

/** The sign-off recorded in the document, if any (1 sync). */
export async function readApproval(): Promise<ApprovalRecord | null> {
  return translated(() =>
    Word.run(async (context) => {
      const control = context.document.body.contentControls.getByTag(APPROVAL_TAG).getFirstOrNullObject();
      control.load('text');
      await context.sync();
      return control.isNullObject ? null : parseApprovalText(control.text);
    }),
  );
}

/**
 * Writes who approved which content and when into the "cds-approval" control (replacing an
 * earlier one), just below the report's own binding line.
 */
export async function recordApproval(record: ApprovalRecord): Promise<void> {
  await translated(() =>
    Word.run(async (context) => {
      const body = context.document.body;
      const existing = body.contentControls.getByTag(APPROVAL_TAG).getFirstOrNullObject();
      existing.load('text');
      await context.sync();
      const text = approvalText(record);
      if (!existing.isNullObject) {
        existing.insertText(text, 'Replace');
      } else {
        const p = body.insertParagraph(text, 'End');
        p.font.size = 8;
        p.font.bold = false;
        p.font.italic = false;
        p.font.color = '#595959';
        p.alignment = 'Left';
        const control = p.insertContentControl();
        control.tag = APPROVAL_TAG;
        control.title = APPROVAL_TITLE;
      }
      await context.sync();
    }),
  );
}
