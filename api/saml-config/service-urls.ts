/** Countersign's SAML endpoints of one service instance. */
export interface ServiceUrls {
  /** Single sign-on (HTTP-POST and HTTP-Redirect): Entra's PassiveSignInUri. */
  sso: string;
  /** Single logout: Entra's SignOutUri. */
  slo: string;
  /** The IdP metadata of this service. */
  metadata: string;
}

/**
 * The one place these URLs are spelt: the SSO endpoints, the federation scripts and the
 * dashboard must agree on them exactly, or Entra ID sends users to the wrong address.
 */
export function serviceUrls(publicUrl: string, serviceId: string): ServiceUrls {
  const base = `${publicUrl.replace(/\/+$/, '')}/saml/${encodeURIComponent(serviceId)}`;
  return { sso: `${base}/sso`, slo: `${base}/slo`, metadata: `${base}/metadata` };
}

/** The Issuer URI a new Office 365 connector gets unless the admin chooses one. */
export function defaultIssuerUri(publicUrl: string, connectorId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/saml/${encodeURIComponent(connectorId)}`;
}
