// Every string the taskpane shows. Vietnamese is the product's language; another language is
// added by writing an object of type Strings (the compiler then lists every missing entry).
// The one module for UI text, also used by src/office and src/client (pure data, so importable anywhere).
import type { OutsideReason } from '../office/host';
import { ADDIN_NAME, PROVINCE_NAME } from './deployment';

export const vi = {
  // The deployment names the add-in and the province; the plan itself is named by the catalogue.
  appTitle: ADDIN_NAME,
  planName: PROVINCE_NAME ? `Kế hoạch chuyển đổi số ${PROVINCE_NAME}` : 'Kế hoạch chuyển đổi số',
  connecting: 'Đang kết nối với Office…',
  loadingView: 'Đang tải…',
  /** Must match the button's label in manifest.xml (tests/manifest.test.ts checks it). */
  ribbonButtonLabel: 'Báo cáo CĐS',
  roles: {
    label: 'Vai trò',
    clerk: 'Cán bộ nhập liệu',
    consolidator: 'Tổng hợp',
  },
  clerk: {
    title: 'Nhập số liệu báo cáo',
  },
  /** The clerk's Excel view: sign-in, unit and period, Chèn Phụ lục, Kiểm tra, Gửi báo cáo, outbox, status. */
  clerkFlow: {
    signInTitle: 'Đăng nhập',
    signInIntro: 'Cán bộ đầu mối đăng nhập để lập và gửi báo cáo của đơn vị. Thông tin đăng nhập không được lưu vào sổ làm việc.',
    signInMicrosoft: 'Đăng nhập bằng tài khoản Microsoft',
    orLocal: 'hoặc dùng tài khoản do quản trị hệ thống cấp:',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    signOut: 'Đăng xuất',
    signedInAs: 'Đang đăng nhập:',
    loadingPlan: 'Đang tải danh mục chỉ tiêu, nhiệm vụ và kỳ báo cáo…',
    retry: 'Thử lại',
    notReporter: 'Tài khoản này chưa được giao nhập báo cáo cho đơn vị nào. Hãy liên hệ quản trị hệ thống để được phân quyền.',
    unit: 'Đơn vị báo cáo',
    period: 'Kỳ báo cáo',
    deadline: (date: string) => `Hạn nộp: ${date}`,
    insert01: 'Chèn Phụ lục 01',
    insert02: 'Chèn Phụ lục 02',
    inserting: 'Đang tạo trang báo cáo trong Excel…',
    inserted: (sheet: string, rows: number) => `Đã tạo trang “${sheet}” với ${rows} dòng cần nhập. Nhập số liệu vào các ô màu vàng nhạt, rồi bấm Kiểm tra.`,
    overwriteTitle: 'Thay trang báo cáo đã có?',
    overwrite: 'Ghi đè',
    cancel: 'Huỷ',
    sheetsTitle: 'Trang báo cáo trong sổ làm việc',
    noSheets: 'Sổ làm việc chưa có trang báo cáo. Chọn đơn vị, kỳ báo cáo rồi bấm Chèn Phụ lục 01 hoặc 02.',
    findingSheets: 'Đang tìm các trang báo cáo…',
    refreshSheets: 'Tìm lại',
    kinds: { indicators: 'Phụ lục 01 – Chỉ tiêu', tasks: 'Phụ lục 02 – Nhiệm vụ' },
    check: 'Kiểm tra',
    checking: 'Đang kiểm tra số liệu…',
    submit: 'Gửi báo cáo',
    submitting: 'Đang kiểm tra và gửi báo cáo…',
    checkedClean: 'Không có lỗi. Có thể gửi báo cáo.',
    checkSummary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} lưu ý.`,
    blocked: (errors: number) => `Chưa gửi: còn ${errors} lỗi. Bấm vào từng lỗi để đến ô cần sửa, sửa xong bấm Gửi báo cáo lại.`,
    errorLabel: 'Lỗi',
    warningLabel: 'Lưu ý',
    wholeReport: 'Cả báo cáo',
    sent: (revision: number) => `Đã gửi báo cáo (lần nộp ${revision}).`,
    sentLater: 'Đã gửi báo cáo.',
    sentFromOutbox: (sheet: string) => `Đã gửi báo cáo “${sheet}” từ hộp thư đi khi kết nối lại được máy chủ.`,
    queued: 'Chưa gửi được: báo cáo đang chờ trong hộp thư đi và sẽ tự gửi lại khi kết nối được máy chủ. Có thể đóng ngăn tác vụ; báo cáo vẫn được giữ.',
    refused: 'Máy chủ không nhận báo cáo:',
    outboxTitle: 'Hộp thư đi',
    outboxWaiting: (attempts: number) => `Đang chờ gửi (đã thử ${attempts} lần)`,
    outboxWaitingShort: 'Đang chờ gửi',
    outboxAttempts: (attempts: number) => `Đã thử gửi ${attempts} lần.`,
    outboxRefused: 'Bị từ chối',
    sendNow: 'Gửi lại ngay',
    dismiss: 'Bỏ khỏi danh sách',
    statusTitle: 'Tình trạng trên máy chủ',
    refreshStatus: 'Cập nhật',
    status: {
      none: 'Chưa gửi',
      submitted: 'Đã gửi, chờ lãnh đạo ký duyệt',
      approved: 'Đã được phê duyệt',
      returned: 'Bị trả lại',
    },
    revision: (n: number) => `Lần nộp ${n}`,
    late: 'Nộp muộn',
    returnedComment: 'Ý kiến của lãnh đạo:',
    /** The province sent an approved report back: by the plan's consolidating body, named when the plan names it. */
    provinceComment: (coordinator: string | null) => `${coordinator ?? 'Cấp tỉnh'} trả lại báo cáo đã phê duyệt để chỉnh sửa. Lý do:`,
    returnedHint: 'Sửa số liệu trên trang rồi bấm Gửi báo cáo: báo cáo sẽ được gửi thành lần nộp mới.',
    otherUnit: 'Trang này thuộc đơn vị mà tài khoản đang dùng không được giao báo cáo.',
    noPlan: 'Máy chủ chưa có kế hoạch nào. Hãy liên hệ quản trị hệ thống.',
    unexpected: 'Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ nội dung sau:',
  },
  consolidator: {
    title: 'Tổng hợp toàn tỉnh',
  },
  /** The consolidator's Excel view: plan, period and appendix, Tổng hợp, Làm mới. */
  consolidatorFlow: {
    signedInAs: 'Đang đăng nhập:',
    signOut: 'Đăng xuất',
    notConsolidator: 'Tài khoản này không có quyền tổng hợp. Hãy liên hệ quản trị hệ thống để được cấp vai trò tổng hợp.',
    loading: 'Đang tải danh sách kế hoạch, kỳ báo cáo…',
    plan: 'Kế hoạch',
    period: 'Kỳ báo cáo',
    kind: 'Nội dung',
    kinds: { indicators: 'Chỉ tiêu (Phụ lục 01)', tasks: 'Nhiệm vụ (Phụ lục 02)' },
    consolidate: 'Tổng hợp',
    refresh: 'Làm mới',
    working: 'Đang lấy số liệu và ghi trang tổng hợp…',
    done: (sheet: string, units: number, missing: number) => `Đã ghi trang “${sheet}”: ${units} đơn vị phải báo cáo, ${missing} đơn vị chưa nộp.`,
    refreshed: (sheet: string) => `Đã làm mới trang “${sheet}” với số liệu mới nhất.`,
    explain: 'Trang tổng hợp gồm: số liệu toàn tỉnh và đánh giá so với mục tiêu, tình hình nộp báo cáo (đúng hạn, trễ hạn, tỷ lệ báo cáo), biểu đồ theo nhóm và số liệu của từng đơn vị. Cơ quan theo dõi chỉ thấy các nhiệm vụ mình theo dõi.',
    /** The province's acceptance of the units' approved reports, under the consolidation. */
    acceptance: {
      title: 'Tiếp nhận báo cáo đã phê duyệt',
      intro: 'Báo cáo đã được lãnh đạo đơn vị phê duyệt: chấp nhận, hoặc trả lại để đơn vị sửa (ghi rõ lý do). Sau mỗi lần chấp nhận hoặc trả lại, trang tổng hợp được làm mới và cột “Tiếp nhận của tỉnh” ghi kết quả.',
      none: 'Chưa có báo cáo nào đã phê duyệt trong kỳ này.',
      loading: 'Đang tải danh sách báo cáo đã phê duyệt…',
      revision: (n: number) => `lần nộp ${n}`,
      accept: 'Chấp nhận',
      sendBack: 'Trả lại để sửa',
      reason: 'Lý do trả lại',
      reasonHint: 'Đơn vị đọc lý do này trong phần nhập báo cáo để sửa cho đúng.',
      confirmSendBack: 'Gửi trả lại',
      cancel: 'Huỷ',
      working: 'Đang gửi ý kiến của tỉnh…',
      reasonMissing: 'Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.',
      accepted: (unit: string) => `Đã chấp nhận báo cáo của ${unit}.`,
      sentBack: (unit: string) => `Đã trả lại báo cáo của ${unit} để sửa; đơn vị sẽ thấy lý do.`,
    },
  },
  head: {
    title: 'Phê duyệt báo cáo',
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
    loadingPending: 'Đang tải các báo cáo chờ ký duyệt…',
    nothingPending: 'Không có báo cáo nào đang chờ ký duyệt.',
    refresh: 'Tải lại danh sách',
    kinds: { indicators: 'Chỉ tiêu (Phụ lục 01)', tasks: 'Nhiệm vụ (Phụ lục 02)', province: 'Báo cáo tổng hợp của tỉnh' },
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
    missingData: (submissionId: string) => `Không đủ dữ liệu để lập báo cáo ${submissionId}.`,
    changed: (shown: number, latest: number) =>
      `Báo cáo đã được đơn vị nộp lại (lần ${latest}) sau khi văn bản này được tạo (lần ${shown}), nên chưa thể ký duyệt văn bản đang mở. Hãy tạo lại báo cáo theo lần nộp mới, đọc lại rồi ký duyệt.`,
  },
  outside: {
    title: 'Hãy mở phần bổ trợ trong Excel hoặc Word',
    intro:
      `Trang này là ngăn tác vụ của phần bổ trợ “${ADDIN_NAME}”. Phần bổ trợ chỉ hoạt động bên trong Excel (cán bộ nhập liệu, bộ phận tổng hợp) hoặc Word (lãnh đạo đơn vị). Để cài thử, nạp tệp manifest.xml ở thư mục gốc của dự án vào Excel hoặc Word như sau.`,
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
  /** Office errors as the taskpane shows them (src/office/excel/errors.ts, src/office/word/errors.ts). */
  officeErrors: {
    excel: {
      cellEdit: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc nhập ô; thao tác sẽ tự chạy lại.',
      notFound: 'Không tìm thấy trang báo cáo hoặc trang ánh xạ của nó (có thể đã bị xóa hoặc đổi tên).',
      exists: 'Đã có một trang tính cùng tên trong sổ làm việc.',
      protected: 'Ô hoặc trang tính đang được bảo vệ nên Excel không cho thay đổi.',
      other: (code: string) => `Excel báo lỗi (${code}). Hãy thử lại; nếu vẫn lỗi, gửi mã lỗi này cho bộ phận hỗ trợ.`,
    },
    word: {
      /** By Office error code; any other code gets `other`. */
      byCode: {
        AccessDenied: 'Word không cho phép sửa tài liệu này (tài liệu đang được bảo vệ hoặc chỉ đọc). Hãy mở một tài liệu mới rồi thử lại.',
        InvalidArgument: 'Word từ chối một thao tác khi ghi báo cáo. Hãy tạo lại báo cáo trong một tài liệu mới.',
        ItemNotFound: 'Không tìm thấy phần báo cáo trong tài liệu. Hãy bấm "Tạo báo cáo" lại.',
        GeneralException: 'Word gặp lỗi khi ghi báo cáo. Hãy thử lại; nếu vẫn lỗi, hãy lưu tài liệu và mở lại Word.',
        NotAllowed: 'Word đang bận (có thể đang mở hộp thoại hoặc đang sửa một ô). Hãy đóng hộp thoại rồi thử lại.',
      },
      other: (code: string) => `Word báo lỗi (${code}). Hãy thử lại.`,
      tooOld: 'Phiên bản Word này chưa hỗ trợ tạo bảng báo cáo (cần Word 2019, 2021, Microsoft 365 hoặc Word trên web). Hãy mở ứng dụng web của hệ thống báo cáo để xem, tải tệp .docx và ký duyệt.',
    },
  },
  /** Failures and notes of Chèn Phụ lục, Kiểm tra and reading report sheets (src/office/excel). */
  excelSheets: {
    nothingAssigned: 'Đơn vị không được giao chỉ tiêu / nhiệm vụ nào trong phụ lục này nên không tạo trang báo cáo.',
    sheetExists: (sheet: string) =>
      `Đã có trang “${sheet}”. Chọn Ghi đè để thay bằng mẫu trống (số liệu đã nhập trên trang cũ sẽ mất), hoặc đổi tên trang cũ rồi chèn lại.`,
    noPageLayout: 'Excel này chưa hỗ trợ ExcelApi 1.9 nên chưa đặt khổ in A4 ngang; hãy đặt trong Bố trí trang (Page Layout).',
    notReportSheet: (sheet: string) =>
      `Trang “${sheet}” không phải là trang báo cáo do phần bổ trợ tạo ra (không có hoặc hỏng trang ánh xạ).`,
    catalogueMismatch: (sheet: string, sheetPlan: string, sheetVersion: number, plan: string, version: number) =>
      `Trang “${sheet}” được tạo từ danh mục ${sheetPlan} (phiên bản ${sheetVersion}), khác danh mục đang dùng (${plan}, phiên bản ${version}). Hãy chèn lại mẫu mới.`,
  },
  /** The HTTP client, the outbox and Microsoft sign-in (src/client). */
  client: {
    /** A failed response without a message of the server's own, by status. */
    byStatus: {
      400: 'Yêu cầu không hợp lệ.',
      401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      403: 'Bạn không có quyền thực hiện thao tác này.',
      404: 'Không tìm thấy dữ liệu yêu cầu.',
      409: 'Dữ liệu đã thay đổi trên máy chủ.',
      422: 'Dữ liệu gửi lên có lỗi.',
      423: 'Báo cáo đã được phê duyệt nên bị khoá.',
      429: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    },
    offline: 'Không kết nối được máy chủ báo cáo. Hãy kiểm tra mạng rồi thử lại.',
    server: 'Máy chủ báo cáo gặp lỗi. Vui lòng thử lại sau.',
    outboxSignedOut: 'Phiên đăng nhập đã hết hạn: báo cáo sẽ được gửi sau khi bạn đăng nhập lại.',
    entraFailed: 'Không đăng nhập được bằng tài khoản Microsoft. Hãy thử lại, hoặc dùng tài khoản do quản trị hệ thống cấp.',
  },
};

export type Strings = typeof vi;

/** The strings the taskpane shows. */
export const strings: Strings = vi;
