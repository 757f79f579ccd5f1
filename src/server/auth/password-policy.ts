// The password policy for local accounts (docs/security.md), after NIST SP 800-63B: a length of at
// least 12, no password from a list of leaked ones, nothing easy to guess, not the user name.
// The list and the guess estimate come from zxcvbn-ts (its common-language package holds about
// 50 000 passwords seen in breaches); no composition rules, which make passwords worse, not better.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" for an online attacker and a slow hash). */
const MIN_SCORE = 3;
/** zxcvbn's work grows with the length; what decides the score is in the first characters anyway. */
const SCORED_PREFIX = 64;

let estimator: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;

/** Lower-case, without Vietnamese marks (đ → d) and without anything but letters and digits. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Returns a Vietnamese message for the user, or null when the password is acceptable.
 * @example checkPasswordPolicy('1234567890') // "Mật khẩu phải có ít nhất 12 ký tự."
 */
export function checkPasswordPolicy(password: string, username?: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`;
  if (password.trim() !== password) return 'Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng.';
  // "vt.hoa" is inside "VT-Hoa 2026…" and "vthoa…" alike: compared without case, marks or separators.
  const name = username ? fold(username) : '';
  if (name.length >= 3 && fold(password).includes(name)) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (new Set(password).size < 4) return 'Mật khẩu quá đơn giản: hãy dùng nhiều ký tự khác nhau.';
  common ??= new Set(dictionary['passwords-common']);
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.replace(/[^\p{L}\p{N}]/gu, ''))) {
    return 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến đã bị lộ; hãy chọn mật khẩu khác.';
  }
  if (estimator.check(password.slice(0, SCORED_PREFIX), username ? [username] : []).score < MIN_SCORE) {
    return 'Mật khẩu quá dễ đoán (dãy số, dãy phím, từ phổ biến kèm vài chữ số…); hãy dùng một câu dài, ít gặp.';
  }
  return null;
}
