import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES_WITH_MESSAGES, issueMessage, makeIssue } from '../../src/core/messages';
import type { IssueCode } from '../../src/core/result';

// The IssueCode union as written in result.ts (the union is a type, so it is read from the source).
const source = readFileSync(join(__dirname, '..', '..', 'src', 'core', 'result.ts'), 'utf8');
const union = source.slice(source.indexOf('export type IssueCode'), source.indexOf('export type Severity'));
const CODES = [...union.matchAll(/\|\s*'([^']+)'/g)].map((m) => m[1] as IssueCode);

describe('Vietnamese messages, one per issue code', () => {
  it('reads the union', () => {
    expect(CODES).toEqual(expect.arrayContaining(['value.notNumber', 'value.readAsFraction', 'row.unknownId', 'period.unknown']));
  });

  it('has a message for every code of the union', () => {
    expect(CODES.filter((c) => !CODES_WITH_MESSAGES.includes(c))).toEqual([]);
  });

  it.each(CODES)('%s has a Vietnamese message', (code) => {
    const m = issueMessage(code, { field: 'value', text: 'x' });
    expect(m).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    expect(m).toBe(m.normalize('NFC'));
  });

  it.each([
    ['value.negative', { field: 'numerator', text: '-3' }, 'Tử số “-3” không được là số âm.'],
    ['value.required', { field: 'denominator' }, 'Mẫu số chưa được nhập.'],
    ['row.notAssigned', { text: 'ct-16' }, 'Mã “ct-16” không được giao cho đơn vị này báo cáo.'],
    ['value.unknownYesNo', { text: 'Rồi', accepted: ['Có', 'Không'] }, 'Câu trả lời “Rồi” không hợp lệ. Chọn một trong: Có; Không.'],
  ] as const)('%s reads %j', (code, params, expected) => {
    expect(issueMessage(code, params)).toBe(expected);
  });

  it('makeIssue locates the issue', () => {
    expect(makeIssue('row.unknownId', 'error', { rowId: 'ct-99', field: 'id', text: 'ct-99' })).toEqual({
      code: 'row.unknownId', severity: 'error', field: 'id', rowId: 'ct-99', message: 'Mã “ct-99” không có trong danh mục của kế hoạch.',
    });
  });
});
