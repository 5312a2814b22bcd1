import { AppError } from '../../errors';

/** The SAML parameters of an HTTP-Redirect query string, exactly as they were encoded. */
export interface RedirectQuery {
  /** URL-decoded values. */
  samlRequest?: string;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
  /**
   * The octets the SP signed (SAML bindings §3.4.4.1): `SAMLRequest=…[&RelayState=…]&SigAlg=…`
   * with each value as it appeared on the wire, not re-encoded. Present only when SigAlg is.
   */
  signedOctets?: string;
}

const NAMES = ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'] as const;

/** Splits a raw query string (with or without `?`), refusing repeated SAML parameters. */
export function parseRedirectQuery(rawQuery: string): RedirectQuery {
  const raw: Partial<Record<(typeof NAMES)[number], string>> = {};
  for (const pair of rawQuery.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!(NAMES as readonly string[]).includes(name)) continue;
    const key = name as (typeof NAMES)[number];
    if (raw[key] !== undefined) {
      throw new AppError('SAML_REQUEST_INVALID', `The query string repeats the ${key} parameter.`, { reason: 'repeated_parameter' });
    }
    raw[key] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  const decode = (value: string | undefined, key: string): string | undefined => {
    if (value === undefined) return undefined;
    try {
      return decodeURIComponent(value.replace(/\+/g, '%20'));
    } catch {
      throw new AppError('SAML_REQUEST_INVALID', `The ${key} parameter is not correctly URL-encoded.`, { reason: 'bad_url_encoding' });
    }
  };
  const signedOctets =
    raw.SigAlg === undefined
      ? undefined
      : `SAMLRequest=${raw.SAMLRequest ?? ''}` + (raw.RelayState !== undefined ? `&RelayState=${raw.RelayState}` : '') + `&SigAlg=${raw.SigAlg}`;
  return {
    samlRequest: decode(raw.SAMLRequest, 'SAMLRequest'),
    relayState: decode(raw.RelayState, 'RelayState'),
    sigAlg: decode(raw.SigAlg, 'SigAlg'),
    signature: decode(raw.Signature, 'Signature'),
    signedOctets,
  };
}
