// The columns of each report sheet and, per reporting form, which cells of a row are inputs.
// Source of truth: Phụ lục 01 / 02 of Kế hoạch 1174/KH-UBND (TT, Chỉ tiêu / Nhiệm vụ, Mục tiêu 2026 /
// Thời hạn, Đơn vị chủ trì) and the province's task vocabulary (values.ts TASK_STATUS_LABELS).

import type { ReportingForm } from '../catalogue-types';
import { assertNever } from '../result';
import { APPLIED_LABELS, INDICATOR_STATUS_LABELS, TASK_STATUS_LABELS, YES_NO_LABELS } from '../values';
import { CONTRIBUTION_LABEL, PROGRESS_REACHED_LABEL } from '../assessment';
import { EVALUATION_LABELS } from '../evaluate';
import type { ColumnKey, ColumnSpec, FieldKey, InputCell, ReportKind } from './types';

const col = (key: ColumnKey, header: string, width: number, wrap = false, align: ColumnSpec['align'] = 'left'): ColumnSpec =>
  ({ key, header, width, wrap, align, format: key === 'no' ? 'general' : 'text' });

export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  col('no', 'TT', 5, false, 'center'),
  col('text', 'Chỉ tiêu', 48, true),
  col('target', 'Mục tiêu 2026', 14, true, 'center'),
  col('lead', 'Đơn vị chủ trì', 20, true),
  col('value', 'Giá trị', 16, false, 'center'),
  col('numerator', 'Tử số', 12, false, 'right'),
  col('denominator', 'Mẫu số', 12, false, 'right'),
  col('note', 'Ghi chú / Mô tả', 32, true),
  col('evaluation', 'Đánh giá', 15, true, 'center'),
  col('remarks', 'Nội dung cần kiểm tra', 34, true),
];

export const TASK_COLUMNS: readonly ColumnSpec[] = [
  col('no', 'TT', 5, false, 'center'),
  col('text', 'Nhiệm vụ', 48, true),
  col('deadline', 'Thời hạn', 14, true, 'center'),
  col('status', 'Tình trạng', 22, true),
  col('progress', 'Tiến độ (%)', 11, false, 'right'),
  col('result', 'Kết quả', 30, true),
  col('obstacles', 'Khó khăn, vướng mắc', 26, true),
  col('proposal', 'Đề xuất', 26, true),
  col('completedOn', 'Ngày hoàn thành', 13, false, 'center'),
  col('evaluation', 'Đánh giá thời hạn', 16, true, 'center'),
  col('remarks', 'Nội dung cần kiểm tra', 34, true),
];

export const columnsOf = (kind: ReportKind): readonly ColumnSpec[] => (kind === 'indicators' ? INDICATOR_COLUMNS : TASK_COLUMNS);

/** Column index of each key, for the mapping. */
export function columnIndex(columns: readonly ColumnSpec[]): Partial<Record<ColumnKey, number>> {
  return Object.fromEntries(columns.map((c, i) => [c.key, i]));
}

const at = (columns: readonly ColumnSpec[], key: FieldKey): number => {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`template: no column ${key}`);
  return i;
};

/**
 * The input cells of an indicator row: one per field its reporting form asks for. A count pair is
 * typed as two counts (never as a percentage), a rate as a percentage, words from a drop-down.
 * @example indicatorInputs({ kind: 'rate' }, INDICATOR_COLUMNS).map((c) => c.key) // ['value', 'note']
 */
export function indicatorInputs(form: ReportingForm, columns: readonly ColumnSpec[] = INDICATOR_COLUMNS): InputCell[] {
  const note = (prompt: string): InputCell => ({ key: 'note', col: at(columns, 'note'), format: 'text', prompt });
  const value = (format: InputCell['format'], list?: readonly string[], prompt?: string): InputCell =>
    ({ key: 'value', col: at(columns, 'value'), format, ...(list ? { list } : {}), ...(prompt ? { prompt } : {}) });
  switch (form.kind) {
    case 'rate':
      return [value('percent', undefined, 'Nhập tỷ lệ phần trăm, ví dụ 70,5%.'), note('Ghi chú (nếu có).')];
    case 'countPair':
      return [
        { key: 'numerator', col: at(columns, 'numerator'), format: 'count', prompt: `Tử số: ${form.numeratorLabel}.` },
        { key: 'denominator', col: at(columns, 'denominator'), format: 'count', prompt: `Mẫu số: ${form.denominatorLabel}.` },
        note('Ghi chú (nếu có).'),
      ];
    case 'yesNo':
      return [value('text', [YES_NO_LABELS.yes, YES_NO_LABELS.no], 'Chọn Có hoặc Không.'), note('Ghi chú (nếu có).')];
    case 'status':
      return [value('text', Object.values(INDICATOR_STATUS_LABELS), 'Chọn tình trạng.'), note('Minh chứng: văn bản, kết quả cụ thể.')];
    case 'applied':
      return [value('text', [APPLIED_LABELS.yes, APPLIED_LABELS.no], 'Chọn Đã ứng dụng hoặc Chưa ứng dụng.'), note('Bắt buộc khi đã ứng dụng: mô tả việc ứng dụng.')];
    default:
      return assertNever(form);
  }
}

/** The input cells of a task row (the same for every task). */
export function taskInputs(columns: readonly ColumnSpec[] = TASK_COLUMNS): InputCell[] {
  return [
    { key: 'status', col: at(columns, 'status'), format: 'text', list: Object.values(TASK_STATUS_LABELS), prompt: 'Chọn tình trạng thực hiện.' },
    { key: 'progress', col: at(columns, 'progress'), format: 'percent', prompt: 'Tiến độ, ví dụ 60%.' },
    { key: 'result', col: at(columns, 'result'), format: 'text' },
    { key: 'obstacles', col: at(columns, 'obstacles'), format: 'text' },
    { key: 'proposal', col: at(columns, 'proposal'), format: 'text' },
    { key: 'completedOn', col: at(columns, 'completedOn'), format: 'date', prompt: 'Ngày/tháng/năm, ví dụ 14/03/2026.' },
  ];
}

/** Fill and font colours of the evaluation words (conditional formatting on the evaluation column). */
export const EVALUATION_STYLES = [
  { text: EVALUATION_LABELS.exceeded, fill: '#C6EFCE', fontColor: '#006100' },
  { text: EVALUATION_LABELS.met, fill: '#C6EFCE', fontColor: '#006100' },
  { text: EVALUATION_LABELS.notMet, fill: '#FFC7CE', fontColor: '#9C0006' },
  { text: EVALUATION_LABELS.noData, fill: '#EDEDED', fontColor: '#595959' },
  { text: PROGRESS_REACHED_LABEL, fill: '#C6EFCE', fontColor: '#006100' },
  { text: CONTRIBUTION_LABEL, fill: '#EDEDED', fontColor: '#404040' },
  { text: 'Quá hạn', fill: '#FFC7CE', fontColor: '#9C0006' },
  { text: 'Lỗi nhập liệu', fill: '#FFEB9C', fontColor: '#9C5700' },
] as const;

/** The words of the input cells' data validation, shared by the Excel and .xlsx renderers. */
export const VALIDATION_TEXT = {
  promptTitle: 'Hướng dẫn',
  errorTitle: 'Giá trị không hợp lệ',
  /** @example VALIDATION_TEXT.listError(['Có', 'Không']) // 'Chọn một trong: Có; Không.' */
  listError: (list: readonly string[]): string => `Chọn một trong: ${list.join('; ')}.`,
} as const;

/** Fills of the sheet, shared by the Excel and .xlsx renderers and by Kiểm tra's marks. */
export const SHEET_COLORS = {
  input: '#FFF2CC',
  header: '#D9E1F2',
  group: '#F2F2F2',
  error: '#FFC7CE',
  warning: '#FFEB9C',
} as const;
