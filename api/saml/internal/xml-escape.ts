import { AppError } from '../../errors';

// XML 1.0 Char production, negated: C0 controls other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<"\t\n\r]/g;
const TEXT_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

function assertXmlChars(value: string, what: string): void {
  if (NOT_XML_CHAR.test(value)) {
    throw new AppError('SAML_VALUE_INVALID', `${what} contains a control character that XML cannot carry; fix the value at its source.`);
  }
}

/**
 * Escapes text content exactly as exclusive canonicalization writes it (C14N §2.3), so a document
 * built from these pieces is already in canonical form and its digest is the digest of its bytes.
 */
export function escapeText(value: string, what = 'A value'): string {
  assertXmlChars(value, what);
  return value.replace(TEXT_SPECIAL, (c) => TEXT_ENTITY[c]!);
}

/** Escapes an attribute value the way canonical XML writes it (tabs and line breaks as character references). */
export function escapeAttr(value: string, what = 'A value'): string {
  assertXmlChars(value, what);
  return value.replace(ATTR_SPECIAL, (c) => ATTR_ENTITY[c]!);
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
