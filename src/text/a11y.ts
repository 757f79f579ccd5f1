// Names that only assistive technology reads (regions, buttons that look alike), in Vietnamese like
// everything else the user meets. Kept apart from strings.ts: none of it is shown on screen.
export const a11y = {
  /** The signed-in part of a view, where the focus goes after sign-in. */
  workspace: (view: string, who: string) => `${view} – đang đăng nhập: ${who}`,
  /** "Kiểm tra" / "Gửi báo cáo" of one report sheet among several. */
  sheetAction: (action: string, sheetName: string) => `${action} ${sheetName}`,
  /** One "Tạo báo cáo" button among those of the waiting reports. */
  generateFor: (action: string, kind: string, unit: string, period: string, revision: number) =>
    `${action}: ${kind}, ${unit}, ${period}, lần nộp ${revision}`,
  /** "Chấp nhận" / "Trả lại để sửa" of one unit's report among several in the consolidator's pane. */
  unitAction: (action: string, unit: string) => `${action}: ${unit}`,
  /** The list of approved reports the province accepts or sends back. */
  acceptanceList: 'Báo cáo chờ tỉnh tiếp nhận',
  /** The region of the report open in Word, where the focus goes once it is written. */
  openReport: 'Báo cáo đang mở trong Word',
  /** The list of issues found by Kiểm tra. */
  issues: 'Các lỗi và cảnh báo',
  /** Read after the visible label of a field required only for one action. */
  requiredToReturn: 'Bắt buộc khi trả lại báo cáo.',
} as const;
