// RFC 4514, read leniently the way directories accept DNs typed by people: spaces around
// separators, ';' as a separator, quoted values (RFC 1779). An unescaped '=' inside a value is
// refused: RFC 4514 allows it, but typed by a person it is nearly always a missing comma.
const attributeType = String.raw`(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)`;
const attributeValue = String.raw`(?:#(?:[0-9A-Fa-f]{2})+|"(?:[^"\\]|\\.)*"|(?:[^,;+"\\<>=\s]|\\(?:[0-9A-Fa-f]{2}|[,;+"\\<>=# ]))(?:[^,;+"\\<>=]|\\(?:[0-9A-Fa-f]{2}|[,;+"\\<>=# ]))*)`;
const attribute = String.raw`\s*${attributeType}\s*=\s*${attributeValue}\s*`;
const rdn = String.raw`${attribute}(?:\+${attribute})*`;
const dnPattern = new RegExp(String.raw`^${rdn}(?:[,;]${rdn})*$`);

/** True when `text` is a distinguished name such as `ou=People,dc=example,dc=com`. */
export function isDistinguishedName(text: string): boolean {
  return text.trim() !== '' && dnPattern.test(text);
}

/**
 * True when `text` is a name Active Directory accepts for a simple bind besides a DN: a UPN
 * (`reader@example.com`) or a down-level logon name (`EXAMPLE\reader`).
 */
export function isActiveDirectoryBindName(text: string): boolean {
  return /^[^@\s\\]+@[A-Za-z0-9.-]+$/.test(text) || /^[A-Za-z0-9._-]+\\[^\\\s]+$/.test(text);
}
