// Office errors translated, never swallowed (STYLE.md §3): a Word failure reaches the head as a
// Vietnamese sentence that says what to do, with Office's code kept for support.

export class WordError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'WordError';
  }
}

const MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: 'Word không cho phép sửa tài liệu này (tài liệu đang được bảo vệ hoặc chỉ đọc). Hãy mở một tài liệu mới rồi thử lại.',
  InvalidArgument: 'Word từ chối một thao tác khi ghi báo cáo. Hãy tạo lại báo cáo trong một tài liệu mới.',
  ItemNotFound: 'Không tìm thấy phần báo cáo trong tài liệu. Hãy bấm "Tạo báo cáo" lại.',
  GeneralException: 'Word gặp lỗi khi ghi báo cáo. Hãy thử lại; nếu vẫn lỗi, hãy lưu tài liệu và mở lại Word.',
  NotAllowed: 'Word đang bận (có thể đang mở hộp thoại hoặc đang sửa một ô). Hãy đóng hộp thoại rồi thử lại.',
};

/** Runs a Word batch; an Office error becomes a WordError with a Vietnamese message. */
export async function translated<T>(batch: () => Promise<T>): Promise<T> {
  try {
    return await batch();
  } catch (error) {
    if (error instanceof WordError) throw error;
    const code = (error as { code?: unknown })?.code;
    if (typeof code === 'string') {
      throw new WordError(MESSAGES[code] ?? `Word báo lỗi (${code}). Hãy thử lại.`, code);
    }
    throw error;
  }
}
