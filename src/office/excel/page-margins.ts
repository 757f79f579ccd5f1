// Page margins and the footer for both sheets the add-in prints (a report template, a consolidation):
// the specs give inches, as the .xlsx does; Office.js's pageLayout (ExcelApi 1.9) takes points.

export interface Margins {
  readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number;
}

/** Page margins given in inches (the .xlsx unit), set in points as Office.js takes them. */
export function queueMargins(sheet: Excel.Worksheet, m: Margins): void {
  const pt = (inches: number) => Math.round(inches * 720) / 10;
  sheet.pageLayout.leftMargin = pt(m.left);
  sheet.pageLayout.rightMargin = pt(m.right);
  sheet.pageLayout.topMargin = pt(m.top);
  sheet.pageLayout.bottomMargin = pt(m.bottom);
  sheet.pageLayout.headerMargin = pt(m.header);
  sheet.pageLayout.footerMargin = pt(m.footer);
}

/**
 * The centred footer on every page ("Trang &P/&N": page n of N), as the .xlsx the server makes has
 * it; the codes are Excel's own header/footer codes, which Office.js takes as they are.
 */
export function queueFooter(sheet: Excel.Worksheet, footer: string): void {
  sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = footer;
}
