import type { FederationScriptKind } from '../domain/saml-connector';
import { AppError } from '../errors';
import {
  generateCertificateRolloverScript,
  generateFederationScript,
  generateLegacyMsOnlineScript,
  generateRevertScript,
  type IdpFederationUrls,
  type Office365ConnectorConfig,
} from '../saml';
import type { SamlConnectorRecord, ServiceRow } from './saml-config-rows';
import { serviceUrls } from './service-urls';

/** A script ready to download. */
export interface FederationScriptDownload {
  kind: FederationScriptKind;
  fileName: string;
  /** CRLF line ends; save with a UTF-8 byte-order mark for Windows PowerShell 5.1. */
  script: string;
  warnings: string[];
}

/** The names the scripts' own usage comments refer to (`.\rollover.ps1 -Phase Stage`). */
const FILE_NAMES: Record<FederationScriptKind, string> = {
  GRAPH_POWERSHELL: 'federate.ps1',
  CERTIFICATE_ROLLOVER: 'rollover.ps1',
  REVERT_TO_MANAGED: 'revert.ps1',
  LEGACY_MSONLINE: 'msonline-legacy.ps1',
};

const PLACEHOLDER_DOMAIN = /(^|\.)(example|test|invalid|localhost)$/;
const EXPIRY_WARNING_DAYS = 90;

/**
 * Builds a federation script with exactly the values the IdP uses: the connector's Issuer, the
 * SSO and SLO URLs of the service that uses it, and its signing certificates as one line of
 * base64 DER. Every kind but REVERT_TO_MANAGED needs that service, and an https public URL.
 */
export function federationScriptDownload(input: {
  kind: FederationScriptKind;
  connector: SamlConnectorRecord;
  /** The service whose URLs go into the script; not needed to revert. */
  service: ServiceRow | undefined;
  publicUrl: string;
  now: Date;
}): FederationScriptDownload {
  const { kind, connector, service, publicUrl } = input;
  const config = connector.config;
  if (config.kind !== 'OFFICE_365') {
    throw new AppError('BAD_USER_INPUT', 'Federation scripts are for Office 365 connectors; give other service providers the service metadata URL instead.');
  }
  const warnings: string[] = [];
  if (PLACEHOLDER_DOMAIN.test(config.federatedDomain)) {
    warnings.push(`The federated domain is still the placeholder ${config.federatedDomain}; set your own verified Microsoft 365 domain before running the script.`);
  }
  if (kind === 'REVERT_TO_MANAGED') {
    warnings.push('After the revert, Microsoft 365 no longer sends these users to Countersign: they need cloud passwords (or Password Hash Sync), and Countersign MFA no longer applies to them.');
    return { kind, fileName: FILE_NAMES[kind], script: generateRevertScript(config), warnings };
  }
  if (!service) {
    throw new AppError(
      'BAD_USER_INPUT',
      'No service uses this SAML connector yet. Create a service instance with this connector first: the script needs its sign-in URL (…/saml/<service id>/sso).',
    );
  }
  if (!publicUrl.startsWith('https://')) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Entra ID only accepts https:// sign-in URLs, and this server's public URL is ${publicUrl}. Set COUNTERSIGN_PUBLIC_URL to the https:// address users reach Countersign at, then generate the script again.`,
    );
  }
  const endpoints = serviceUrls(publicUrl, service.id);
  const urls: IdpFederationUrls = { passiveSignInUri: endpoints.sso, signOutUri: endpoints.slo };
  const { current, next } = connector.signing;
  const certificates = { current: current.certificateBase64Der, ...(next ? { next: next.certificateBase64Der } : {}) };

  if (service.state !== 'STARTED') warnings.push(`The service "${service.name}" is stopped: start it before running the script, or sign-ins for ${config.federatedDomain} will fail.`);
  if (service.second_factor === 'OFF') warnings.push(`The service "${service.name}" has its second factor switched off: Microsoft 365 will get password-only sign-ins.`);
  const daysLeft = Math.floor((Date.parse(current.notAfter) - input.now.getTime()) / 86_400_000);
  if (daysLeft < EXPIRY_WARNING_DAYS) warnings.push(`The signing certificate expires in ${Math.max(daysLeft, 0)} days (${current.notAfter}); generate the next key and roll it over first.`);

  return { kind, fileName: FILE_NAMES[kind], script: scriptOf(kind, config, urls, certificates), warnings: [...warnings, ...kindWarnings(kind, Boolean(next))] };
}

function scriptOf(kind: Exclude<FederationScriptKind, 'REVERT_TO_MANAGED'>, config: Office365ConnectorConfig, urls: IdpFederationUrls, certificates: { current: string; next?: string }): string {
  switch (kind) {
    case 'GRAPH_POWERSHELL':
      return generateFederationScript(config, urls, certificates);
    case 'CERTIFICATE_ROLLOVER':
      return generateCertificateRolloverScript(config, urls, certificates);
    case 'LEGACY_MSONLINE':
      return generateLegacyMsOnlineScript(config, urls, certificates);
  }
}

function kindWarnings(kind: FederationScriptKind, hasNext: boolean): string[] {
  if (kind === 'LEGACY_MSONLINE') return ['MSOnline was retired in 2025; this script is for reading old guides only and refuses to run. Use the Microsoft Graph PowerShell script.'];
  if (kind === 'GRAPH_POWERSHELL' && hasNext) return ['The script also publishes the next signing certificate, so Entra ID already trusts it when you rotate.'];
  return [];
}
