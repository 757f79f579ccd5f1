// UI text of what the running Office can do (src/office/capabilities.ts, the taskpane's notice, the
// old-engine page) and of the Excel failures that come from a version or a platform limit.
// The web app's address is the server's own origin: it is passed in, never written here.

export const officeSupport = {
  /** Shown when Excel or Word cannot run the add-in's actions; `webApp` is the web app's address. */
  excelTooOld: (webApp: string) =>
    `Phiên bản Excel này quá cũ để chèn và kiểm tra mẫu báo cáo (cần Excel 2021, Microsoft 365 hoặc Excel trên web). Bạn vẫn báo cáo được đầy đủ trên trình duyệt: mở ${webApp}, tải mẫu .xlsx, nhập số liệu rồi tải lên.`,
  wordTooOld: (webApp: string) =>
    `Phiên bản Word này quá cũ để viết và ký duyệt báo cáo (cần Word 2019, 2021, Microsoft 365 hoặc Word trên web). Bạn vẫn xem, tải tệp .docx và ký duyệt được trên trình duyệt: mở ${webApp}.`,
  noPageLayout: 'Excel này không đặt được khổ in (cần Excel 2019 bán lẻ trở lên); trang báo cáo vẫn dùng được — hãy đặt A4 ngang trong Bố trí trang (Page Layout) trước khi in.',
  pageLayoutFailed: 'Trang báo cáo đã tạo xong nhưng Excel không đặt được khổ in A4 ngang; hãy đặt trong Bố trí trang (Page Layout) trước khi in.',
  noMicrosoftSignIn: 'Office này không hỗ trợ đăng nhập Microsoft ngay trong ngăn bổ trợ; khi bạn chọn đăng nhập Microsoft, một cửa sổ đăng nhập sẽ mở ra. Tài khoản do quản trị hệ thống cấp vẫn dùng được.',
  noDialog: 'Office này không mở được cửa sổ đăng nhập Microsoft; hãy dùng tài khoản do quản trị hệ thống cấp, hoặc báo cáo trên trình duyệt.',
  dialogBlocked: 'Trình duyệt đã chặn cửa sổ đăng nhập Microsoft. Hãy cho phép cửa sổ bật lên (pop-up) của trang này rồi thử lại, hoặc dùng tài khoản do quản trị hệ thống cấp.',
  dialogBusy: 'Đang có một cửa sổ của phần bổ trợ mở. Hãy đóng cửa sổ đó rồi thử lại.',
  dialogClosed: 'Cửa sổ đăng nhập Microsoft đã bị đóng trước khi đăng nhập xong. Hãy thử lại, hoặc dùng tài khoản do quản trị hệ thống cấp.',
  dialogFailed: 'Không đăng nhập được bằng tài khoản Microsoft trong cửa sổ đăng nhập. Hãy thử lại, hoặc dùng tài khoản do quản trị hệ thống cấp.',
  wordNoPageSetup: 'Word trên web không cho phần bổ trợ đặt khổ giấy và lề; báo cáo giữ khổ và lề của tài liệu — hãy chọn A4 và lề theo Nghị định 30/2020 trong Bố cục (Layout) trước khi in, hoặc tải tệp .docx từ máy chủ.',
  wordNoPageNumbers: 'Word này chưa chèn được số trang tự động; hãy chèn số trang trong Chèn › Số trang (Insert › Page Number), hoặc tải tệp .docx từ máy chủ (đã có số trang).',
  /** An Excel API the running version lacks, met in the middle of an action. */
  apiNotFound: (webApp: string) =>
    `Phiên bản Excel này thiếu một chức năng mà thao tác cần; không có gì bị ghi dở. Hãy cập nhật Office, hoặc báo cáo trên trình duyệt: ${webApp}.`,
  payloadTooLarge: 'Dữ liệu ghi một lần quá lớn đối với Excel trên web; không có gì bị ghi dở. Hãy thử lại; nếu vẫn lỗi, hãy dùng Excel trên máy tính.',
  insertRolledBack: 'Chưa tạo được trang báo cáo; phần đã ghi dở đã được gỡ bỏ, sổ làm việc như trước khi chèn.',
  /** Kiểm tra found issues but could not colour the cells; the list is still right. */
  marksNotWritten: 'Đã kiểm tra xong nhưng Excel không cho tô màu và ghi cột đánh giá trên trang (trang đang được bảo vệ bằng mật khẩu, hoặc Excel từ chối bỏ bảo vệ). Danh sách dưới đây vẫn đầy đủ; bấm vào từng lỗi để đến ô cần sửa.',
  /** Beside a date or a percentage: the value the add-in read, so a locale misreading shows at once. */
  readAs: (values: string) => `Đọc được: ${values}`,
  tooManyCells: 'Trang báo cáo có vùng dữ liệu quá lớn (có thể đã định dạng cả cột); phần bổ trợ chỉ đọc đúng các dòng của mẫu.',
  /** The page an old Office engine shows instead of the pane (src/taskpane/old-engine.js keeps a copy). */
  oldEngineTitle: 'Office này không chạy được phần bổ trợ',
  oldEngineBody: 'Phiên bản Office trên máy này dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge cũ) nên không hiển thị được ngăn báo cáo. Bạn vẫn báo cáo, ký duyệt và tổng hợp được đầy đủ trên trình duyệt (Chrome, Edge, Cốc Cốc, Firefox) tại địa chỉ:',
} as const;
