// Lexical checks for the XML Schema simple types SAML uses. Each returns null when the value is
// valid, else a short phrase saying what is wrong.

const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BOOLEAN = /^(true|false|1|0)$/;
const UNSIGNED = /^\+?\d+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]\s*){2,}(?:=\s*){0,2}$/;

/** xs:ID / xs:NCName: a name without a colon that starts with a letter or underscore. */
export function checkNcName(value: string): string | null {
  return NCNAME.test(value) ? null : 'must be an XML name (start with a letter or underscore; no colon or spaces)';
}

/** xs:dateTime. SAML requires UTC (`Z`), but the schema allows any offset; both are accepted here. */
export function checkDateTime(value: string): string | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return 'must be an xs:dateTime such as 2024-03-18T08:49:24.405Z';
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  const endOfDay = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(m[7] ?? '');
  if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59 || second > 59) {
    return 'is not a valid date and time';
  }
  return null;
}

/** Parses an already-checked xs:dateTime into epoch milliseconds (no offset = UTC). */
export function parseDateTime(value: string): number {
  const v = value.trim();
  return Date.parse(/Z$|[+-]\d{2}:\d{2}$/.test(v) ? v : v + 'Z');
}

/** xs:boolean. */
export function checkBoolean(value: string): string | null {
  return BOOLEAN.test(value.trim()) ? null : 'must be true or false';
}

/** Reads an already-checked xs:boolean. */
export function parseBoolean(value: string): boolean {
  const v = value.trim();
  return v === 'true' || v === '1';
}

/** xs:unsignedShort. */
export function checkUnsignedShort(value: string): string | null {
  const v = value.trim();
  return UNSIGNED.test(v) && Number(v) <= 65535 ? null : 'must be a whole number from 0 to 65535';
}

/** xs:nonNegativeInteger. */
export function checkNonNegativeInteger(value: string): string | null {
  return UNSIGNED.test(value.trim()) ? null : 'must be a whole number of 0 or more';
}

/** xs:base64Binary (whitespace allowed between characters). */
export function checkBase64(value: string): string | null {
  return BASE64.test(value.trim()) ? null : 'must be base64';
}

/** xs:anyURI has almost no lexical constraints; refuse only control characters. */
export function checkAnyUri(value: string): string | null {
  return /[\u0000-\u001F\u007F]/.test(value) ? 'must be a URI without control characters' : null;
}

/** xs:string. */
export function checkString(): string | null {
  return null;
}
