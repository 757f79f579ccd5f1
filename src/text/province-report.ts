// What the province's report, the verification page and the consolidator's "Tạo báo cáo tổng hợp"
// say to their readers (docs/province-report.md).
export const verifyText = {
  title: 'Xác thực văn bản báo cáo',
  intro: 'Trang này cho biết văn bản mang mã xác thực dưới đây là văn bản nào và tình trạng phê duyệt hiện nay của nó.',
  code: 'Mã xác thực',
  plan: 'Kế hoạch',
  unit: 'Cơ quan, đơn vị báo cáo',
  period: 'Kỳ báo cáo',
  revision: 'Lần nộp / lần lập',
  approval: 'Tình trạng phê duyệt',
  contentHash: 'Mã băm nội dung (SHA-256)',
  approvalStates: {
    approved: 'Đã được phê duyệt',
    notApproved: 'Chưa được phê duyệt',
    superseded: 'Đã có bản mới hơn thay thế; văn bản này không còn hiệu lực',
    reopened: 'Đã được phê duyệt, sau đó bị trả lại để chỉnh sửa',
  },
  unknown: 'Không tìm thấy văn bản nào mang mã xác thực này. Hãy kiểm tra lại mã in trên văn bản.',
  checkTitle: 'Đối chiếu tệp văn bản',
  checkHint: 'Chọn tệp .docx của văn bản để kiểm tra nội dung có đúng với văn bản đã cấp mã hay không.',
  checkButton: 'Đối chiếu',
  matches: 'Nội dung tệp khớp với văn bản đã cấp mã xác thực này.',
  differs: 'Nội dung tệp KHÔNG khớp với văn bản đã cấp mã xác thực này: văn bản đã bị sửa đổi sau khi cấp mã.',
  notDocx: 'Tệp không phải văn bản Word (.docx) đọc được.',
  noFile: 'Chưa chọn tệp.',
} as const;

export const provinceReportText = {
  title: 'Báo cáo tổng hợp của tỉnh',
  create: 'Tạo báo cáo tổng hợp',
  open: 'Mở báo cáo tổng hợp',
  none: 'Kỳ này chưa có báo cáo tổng hợp: cán bộ tổng hợp cần lập trước.',
  /** The plan names no consolidating body (catalogue.coordinator): the server refuses the report too. */
  noCoordinator: 'Kế hoạch chưa xác định đơn vị tổng hợp báo cáo, nên chưa lập được báo cáo tổng hợp.',
  creating: 'Đang lập báo cáo tổng hợp…',
  written: (revision: number) => `Đã ghi báo cáo tổng hợp (lần lập ${revision}) vào văn bản Word.`,
  unchanged: (revision: number) => `Số liệu không thay đổi so với lần lập ${revision}; đã ghi lại lần lập này.`,
  approved: 'Đã phê duyệt báo cáo tổng hợp đúng lần lập đang hiển thị trong văn bản.',
  period: 'Kỳ báo cáo',
  choosePeriod: 'Chọn kỳ báo cáo',
  shown: (revision: number) => `Văn bản đang hiển thị báo cáo tổng hợp, lần lập ${revision}.`,
  approve: 'Phê duyệt báo cáo tổng hợp',
} as const;
