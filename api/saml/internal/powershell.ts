import { AppError } from '../../errors';

// PowerShell treats the typographic single quotes as quote characters too, so each must be
// doubled like the ASCII one.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A PowerShell single-quoted string literal: no variable expansion, quotes doubled. Refuses control characters. */
export function psQuote(value: string): string {
  if (/[\u0000-\u001F\u007F\u2028\u2029\u0085]/.test(value)) {
    throw new AppError('BAD_USER_INPUT', 'A value for the federation script contains a line break or control character.');
  }
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/** Lines joined with CRLF, as Windows PowerShell ISE and Notepad expect, ending with a line break. */
export function psScript(lines: readonly string[]): string {
  return lines.join('\r\n') + '\r\n';
}
