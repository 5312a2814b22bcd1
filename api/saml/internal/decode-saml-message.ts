import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors';

/** Size limits for inbound SAML messages, checked before any decoding work. */
export interface SamlMessageLimits {
  /** Longest accepted `SAMLRequest` parameter, in characters. */
  maxEncodedLength: number;
  /** Largest accepted XML after base64 and inflate, in bytes (caps a deflate bomb). */
  maxXmlBytes: number;
}

/** Generous for signed requests with a certificate and extensions (typically 1–8 KB of XML). */
export const DEFAULT_SAML_MESSAGE_LIMITS: SamlMessageLimits = { maxEncodedLength: 64 * 1024, maxXmlBytes: 64 * 1024 };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function invalid(reason: string, message: string, cause?: unknown): AppError {
  return new AppError('SAML_REQUEST_INVALID', message, { reason }, cause === undefined ? undefined : { cause });
}

/**
 * Decodes a `SAMLRequest` parameter to XML text: base64 (HTTP-POST; deflated POST is accepted
 * too), or base64 of raw DEFLATE (HTTP-Redirect). The encoded length is checked before decoding and the inflated size is
 * capped while inflating, so oversized input costs no more than the cap.
 */
export function decodeSamlMessage(encoded: string, binding: 'redirect' | 'post', limits: SamlMessageLimits): string {
  if (typeof encoded !== 'string' || encoded.length === 0) throw invalid('missing', 'The SAMLRequest parameter is missing or empty.');
  if (encoded.length > limits.maxEncodedLength) {
    throw new AppError('SAML_REQUEST_TOO_LARGE', `The SAMLRequest parameter is larger than ${limits.maxEncodedLength} characters.`, { reason: 'encoded_too_large' });
  }
  // Base64 in a POST body may be wrapped in lines; nothing else but the alphabet is accepted.
  const compact = binding === 'post' ? encoded.replace(/[\r\n\t ]+/g, '') : encoded;
  if (!BASE64.test(compact) || compact.length % 4 === 1) {
    throw invalid('bad_base64', 'The SAMLRequest parameter is not valid base64. (For HTTP-Redirect, check that it was URL-encoded once.)');
  }
  const bytes = Buffer.from(compact, 'base64');
  let xmlBytes: Buffer;
  // HTTP-POST carries plain base64 XML, but node-saml/passport-saml deflate POST requests by
  // default: bytes that cannot start an XML document are tried as raw DEFLATE, under the same cap.
  if (binding === 'redirect' || !looksLikeXml(bytes)) {
    xmlBytes = inflate(bytes, limits, binding);
  } else {
    if (bytes.length > limits.maxXmlBytes) {
      throw new AppError('SAML_REQUEST_TOO_LARGE', `The SAMLRequest is larger than ${limits.maxXmlBytes} bytes.`, { reason: 'decoded_too_large' });
    }
    xmlBytes = bytes;
  }
  try {
    return utf8.decode(xmlBytes);
  } catch (cause) {
    throw invalid('bad_encoding', 'The SAMLRequest is not UTF-8 text.', cause);
  }
}

function looksLikeXml(bytes: Buffer): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

function inflate(bytes: Buffer, limits: SamlMessageLimits, binding: 'redirect' | 'post'): Buffer {
  try {
    return inflateRawSync(bytes, { maxOutputLength: limits.maxXmlBytes });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError) {
      throw new AppError('SAML_REQUEST_TOO_LARGE', `The SAMLRequest inflates to more than ${limits.maxXmlBytes} bytes.`, { reason: 'inflated_too_large' });
    }
    const message =
      binding === 'redirect'
        ? 'The SAMLRequest is not raw DEFLATE data; HTTP-Redirect requests must be deflated (RFC 1951, no zlib header) and then base64-encoded.'
        : 'The SAMLRequest is neither XML nor raw DEFLATE data; HTTP-POST requests must be base64 of the XML.';
    throw invalid('bad_deflate', message, cause);
  }
}
