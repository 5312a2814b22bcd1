import { DOMParser } from '@xmldom/xmldom';
import { AppError } from '../../errors';

// `<!` is allowed only to open CDATA. Everything else (DOCTYPE, ENTITY, ELEMENT, ATTLIST, comments)
// is refused before the parser sees it; comments are refused because they can split the text of
// Issuer/NameID (the 2018 comment-truncation class of bugs) and no SAML request needs them.
const MARKUP_DECLARATION = /<!(?!\[CDATA\[)/;
const MARKUP_DECLARATION_EXCEPT_COMMENT = /<!(?!\[CDATA\[|--)/;
// Processing instructions other than a leading XML declaration.
const PROCESSING_INSTRUCTION = /<\?(?!xml[\s?])|(?<!^(?:\uFEFF)?)<\?xml[\s?]/;
const XML_DECL_ENCODING = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']/;
// Outside XML 1.0 Char: C0 controls but TAB/LF/CR, U+FFFE/U+FFFF (decoded text has no lone surrogates).
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Names the document in messages and picks the error code. */
export interface UntrustedXmlContext {
  label: string;
  code: 'SAML_REQUEST_INVALID' | 'SAML_METADATA_INVALID';
  /** Metadata often carries comments; protocol messages never need them. */
  allowComments?: boolean;
}
const REQUEST: UntrustedXmlContext = { label: 'The SAMLRequest', code: 'SAML_REQUEST_INVALID' };
let context = REQUEST;

function invalid(reason: string, message: string): AppError {
  return new AppError(context.code, message.replace('The SAMLRequest', context.label), { reason });
}

// Parsing is synchronous, so the first problem of the current parse can live here.
let firstProblem: string | undefined;
function fail(message: string): never {
  firstProblem ??= message;
  throw new Error(message);
}

function malformed(): AppError {
  const reason = /\[xmldom \w+\]\s*([^\n@]*)/.exec(firstProblem ?? '')?.[1]?.replace(/^element parse error: (\w*Error: )?/, '').trim() || 'syntax error';
  return invalid('malformed_xml', `The SAMLRequest is not well-formed XML: ${reason.slice(0, 120)}.`);
}

// xmldom reports many problems as warnings or recoverable errors and carries on; every one of them
// is fatal here. It never fetches external entities; undeclared entity references are errors.
const parser = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } });

/**
 * Parses untrusted SAML XML into a DOM. Refuses any DTD, entity declaration, comment or
 * processing instruction by looking at the raw text first, refuses characters XML 1.0 does not
 * allow and non-UTF-8 encoding declarations, treats every parser warning as fatal, and
 * checks that the document is exactly one element.
 */
export function parseUntrustedXml(xml: string, ctx: UntrustedXmlContext = REQUEST): Document {
  context = ctx;
  if ((ctx.allowComments ? MARKUP_DECLARATION_EXCEPT_COMMENT : MARKUP_DECLARATION).test(xml)) {
    throw invalid('dtd_forbidden', 'The SAMLRequest contains a DOCTYPE, entity declaration or comment; SAML messages must not have any.');
  }
  if (PROCESSING_INSTRUCTION.test(xml)) {
    throw invalid('pi_forbidden', 'The SAMLRequest contains a processing instruction; only a leading XML declaration is allowed.');
  }
  const encoding = XML_DECL_ENCODING.exec(xml)?.[1];
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
    throw invalid('bad_encoding', `The SAMLRequest declares encoding ${encoding.slice(0, 20)}; only UTF-8 is accepted.`);
  }
  if (NOT_XML_CHAR.test(xml)) throw invalid('bad_character', 'The SAMLRequest contains a control character that XML does not allow.');
  let doc: Document;
  firstProblem = undefined;
  try {
    doc = parser.parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    firstProblem ??= String((error as Error).message);
    throw malformed();
  }
  const root = doc.documentElement;
  if (!root) throw invalid('malformed_xml', 'The SAMLRequest is not XML: it has no root element.');
  for (let node = doc.firstChild; node; node = node.nextSibling) {
    if (node === root) continue;
    const isXmlDecl = node.nodeType === 7 && (node as ProcessingInstruction).target === 'xml';
    const isComment = node.nodeType === 8 && ctx.allowComments;
    if (!isXmlDecl && !isComment && !(node.nodeType === 3 && /^\s*$/.test(node.nodeValue ?? ''))) {
      throw invalid('malformed_xml', 'The SAMLRequest has content outside its root element.');
    }
  }
  return doc;
}
