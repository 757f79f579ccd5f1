// Office errors become Vietnamese failure values; anything else is a bug and is rethrown.
import { translateOfficeError, withCellEditRetry, type ExcelOutcome } from '../../../src/office/excel';

describe('translateOfficeError', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'cellEditMode', true, /^Excel đang ở chế độ sửa ô/],
    ['ItemNotFound', 'sheetNotFound', false, /^Không tìm thấy trang báo cáo/],
    ['ItemAlreadyExists', 'sheetExists', false, /^Đã có một trang tính cùng tên/],
    ['AccessDenied', 'protected', false, /được bảo vệ/],
    ['GeneralException', 'office', false, /\(GeneralException\)/],
  ])('%s → %s', (officeCode, code, retryable, message) => {
    const f = translateOfficeError({ code: officeCode, message: 'english text' });
    expect(f).toMatchObject({ code, retryable, officeCode, detail: 'english text' });
    expect(f.message).toMatch(message);
  });

  it('rethrows what is not an Office error', () => {
    const bug = new TypeError('x is undefined');
    expect(() => translateOfficeError(bug)).toThrow(bug);
    expect(() => translateOfficeError('text')).toThrow();
  });
});

describe('withCellEditRetry', () => {
  const cellEdit: ExcelOutcome<number> = { ok: false, error: { code: 'cellEditMode', message: 'm', retryable: true } };
  const other: ExcelOutcome<number> = { ok: false, error: { code: 'protected', message: 'p', retryable: false } };

  it('does not wait for a success or for another failure, and reports no waiting', async () => {
    const onWaiting = jest.fn();
    for (const first of [{ ok: true, value: 1 } as const, other]) {
      const action = jest.fn().mockResolvedValue(first);
      expect(await withCellEditRetry(action, { onWaiting, sleep: async () => undefined })).toBe(first);
      expect(action).toHaveBeenCalledTimes(1);
    }
    expect(onWaiting).not.toHaveBeenCalled();
  });

  it('stops retrying at the first other failure', async () => {
    const action = jest.fn().mockResolvedValueOnce(cellEdit).mockResolvedValueOnce(other);
    expect(await withCellEditRetry(action, { sleep: async () => undefined })).toBe(other);
    expect(action).toHaveBeenCalledTimes(2);
  });
});
