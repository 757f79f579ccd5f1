// Every string the taskpane shows. Vietnamese is the product's language; another language is
// added by writing an object of type Strings (the compiler then lists every missing entry).
import type { OutsideReason } from '../office/host';

export const vi = {
  appTitle: 'Báo cáo chuyển đổi số Nghệ An',
  planName: 'Kế hoạch 1174/KH-UBND – Chuyển đổi số tỉnh Nghệ An năm 2026',
  connecting: 'Đang kết nối với Office…',
  loadingView: 'Đang tải…',
  underConstruction: 'Chức năng đang được xây dựng',
  comingLabel: 'Sẽ có trong các bản cập nhật tới:',
  /** Must match the button's label in manifest.xml (tests/manifest.test.ts checks it). */
  ribbonButtonLabel: 'Báo cáo CĐS',
  roles: {
    label: 'Vai trò',
    clerk: 'Cán bộ nhập liệu',
    consolidator: 'Tổng hợp',
  },
  clerk: {
    title: 'Nhập số liệu báo cáo',
    description:
      'Dành cho cán bộ đầu mối của các sở, ban, ngành và UBND cấp xã: nhập số liệu các chỉ tiêu (Phụ lục 01) và tiến độ các nhiệm vụ (Phụ lục 02) mà đơn vị được giao, rồi gửi báo cáo về Sở Khoa học và Công nghệ.',
    coming: [
      'Tạo trang tính nhập liệu theo mẫu cho đúng các chỉ tiêu, nhiệm vụ của đơn vị.',
      'Kiểm tra số liệu ngay khi nhập, báo lỗi bằng tiếng Việt tại ô có lỗi.',
      'Gửi báo cáo quý, 6 tháng và năm; giữ lại báo cáo khi mất mạng để gửi sau.',
    ],
  },
  consolidator: {
    title: 'Tổng hợp toàn tỉnh',
    description:
      'Dành cho Sở Khoa học và Công nghệ: theo dõi đơn vị nào đã nộp báo cáo và tổng hợp số liệu 51 chỉ tiêu, 57 nhiệm vụ của toàn tỉnh.',
    coming: [
      'Danh sách đơn vị đã nộp, chưa nộp, bị trả lại trong từng kỳ báo cáo.',
      'Tổng hợp số liệu toàn tỉnh theo đúng quy tắc của từng chỉ tiêu (cộng tử số và mẫu số, không lấy trung bình các tỷ lệ).',
      'Đánh giá từng chỉ tiêu so với mục tiêu năm 2026: đạt, vượt, chưa đạt, chưa có số liệu.',
    ],
  },
  head: {
    title: 'Phê duyệt báo cáo',
    description:
      'Dành cho lãnh đạo đơn vị: xem báo cáo do cán bộ đầu mối lập, phê duyệt hoặc trả lại kèm ý kiến, và đưa số liệu vào văn bản báo cáo.',
    coming: [
      'Xem báo cáo chờ phê duyệt của đơn vị, với kết quả kiểm tra số liệu.',
      'Phê duyệt hoặc trả lại báo cáo kèm ý kiến.',
      'Chèn bảng số liệu chỉ tiêu, nhiệm vụ vào văn bản Word đang soạn.',
    ],
  },
  /** The head's Word view: sign-in, submissions waiting for sign-off, report, approve / return. */
  word: {
    signInTitle: 'Đăng nhập',
    signInIntro: 'Lãnh đạo đơn vị đăng nhập bằng tài khoản do quản trị hệ thống cấp để xem và ký duyệt báo cáo.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    signedInAs: 'Đang đăng nhập:',
    notApprover: 'Tài khoản này không có quyền phê duyệt báo cáo của đơn vị nào. Hãy liên hệ quản trị hệ thống.',
    pendingTitle: 'Báo cáo chờ ký duyệt',
    nothingPending: 'Không có báo cáo nào đang chờ ký duyệt.',
    refresh: 'Tải lại danh sách',
    kinds: { indicators: 'Chỉ tiêu (Phụ lục 01)', tasks: 'Nhiệm vụ (Phụ lục 02)' },
    revision: 'Lần nộp',
    late: 'Nộp muộn',
    generate: 'Tạo báo cáo',
    generating: 'Đang ghi báo cáo vào văn bản…',
    shown: 'Văn bản đang mở là báo cáo lần nộp',
    approve: 'Ký duyệt',
    giveBack: 'Trả lại',
    comment: 'Ý kiến khi trả lại (bắt buộc)',
    commentRequired: 'Hãy ghi ý kiến để đơn vị biết cần sửa gì.',
    approved: 'Đã ký duyệt báo cáo; thông tin ký duyệt đã được ghi vào văn bản.',
    returned: 'Đã trả lại báo cáo cho đơn vị kèm ý kiến.',
    noReport: 'Văn bản đang mở chưa có báo cáo. Hãy chọn một báo cáo và bấm “Tạo báo cáo”.',
    regenerate: (revision: number) => `Tạo lại báo cáo theo lần nộp ${revision}`,
  },
  outside: {
    title: 'Hãy mở phần bổ trợ trong Excel hoặc Word',
    intro:
      'Trang này là ngăn tác vụ của phần bổ trợ “Báo cáo chuyển đổi số Nghệ An”. Phần bổ trợ chỉ hoạt động bên trong Excel (cán bộ nhập liệu, bộ phận tổng hợp) hoặc Word (lãnh đạo đơn vị). Để cài thử, nạp tệp manifest.xml ở thư mục gốc của dự án vào Excel hoặc Word như sau.',
    desktopTitle: 'Excel, Word trên máy tính (Windows, macOS)',
    desktopStart: 'Giữ máy chủ phát triển đang chạy (npm start).',
    desktopRun: 'Mở một cửa sổ dòng lệnh khác trong thư mục dự án và chạy một trong hai lệnh:',
    desktopCommands: ['npm run sideload:excel', 'npm run sideload:word'],
    desktopAfter: 'Excel hoặc Word sẽ mở ra; bấm nút “Báo cáo CĐS” trên thẻ Trang đầu (Home) để mở ngăn tác vụ.',
    webTitle: 'Excel, Word trên web (Microsoft 365)',
    webSteps: [
      'Mở một sổ làm việc Excel hoặc một tài liệu Word.',
      'Chọn Chèn (Insert) › Phần bổ trợ (Add-ins) › Thêm phần bổ trợ (More Add-ins) › Tải lên Phần bổ trợ của tôi (Upload My Add-in).',
      'Chọn tệp manifest.xml rồi bấm Tải lên (Upload).',
    ],
    certNote:
      'Office chỉ tải phần bổ trợ qua HTTPS: trình duyệt hoặc máy tính phải tin cậy chứng chỉ của máy chủ phát triển (xem mục “Chứng chỉ” trong README.md).',
    reasonLabel: 'Chi tiết kỹ thuật:',
    reasons: {
      'no-office-js': 'không tải được Office.js, cả từ CDN của Microsoft lẫn bản sao cục bộ.',
      'no-host': 'trang đang được mở trong trình duyệt thông thường, không phải trong Excel hoặc Word.',
      'other-host': 'ứng dụng Office này chưa được hỗ trợ; hãy dùng Excel hoặc Word.',
      timeout: 'Office không phản hồi trong thời gian chờ.',
    } satisfies Record<OutsideReason, string>,
  },
};

export type Strings = typeof vi;

/** The strings the taskpane shows. */
export const strings: Strings = vi;
