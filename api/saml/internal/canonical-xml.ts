import { escapeAttr, escapeText } from './xml-escape';

/** Attribute values by unprefixed name; `undefined` leaves the attribute out. */
export type XmlAttrs = Record<string, string | undefined>;

/**
 * Writes one element directly in exclusive-canonical form (xml-exc-c14n): the namespace
 * declaration (if any) first, then unprefixed attributes sorted by name, escaped the canonical
 * way, and an explicit end tag. Callers must declare a prefix on the first element of a subtree
 * that uses it and nowhere else; then the document text equals its own canonicalization, and a
 * digest of the text is the XML-DSig digest.
 */
export function el(qname: string, attrs: XmlAttrs | null, content: string, nsDecl?: string): string {
  return openTag(qname, attrs, nsDecl) + content + '</' + qname + '>';
}

/** The start tag {@link el} writes, for elements whose children are assembled separately. */
export function openTag(qname: string, attrs: XmlAttrs | null, nsDecl?: string): string {
  let out = '<' + qname;
  if (nsDecl) out += ' ' + nsDecl;
  if (attrs) {
    const names = Object.keys(attrs).sort();
    for (const name of names) {
      const value = attrs[name];
      if (value !== undefined) out += ' ' + name + '="' + escapeAttr(value, `The ${name} attribute`) + '"';
    }
  }
  return out + '>';
}

/** Text content, escaped the canonical way. `what` names the value in the error if it holds a character XML cannot carry. */
export function text(value: string, what?: string): string {
  return escapeText(value, what);
}

/** `xmlns:prefix="uri"`, for the `nsDecl` argument of {@link el}. */
export function xmlns(prefix: string, uri: string): string {
  return 'xmlns:' + prefix + '="' + uri + '"';
}
