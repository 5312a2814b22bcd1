import { AppError } from '../errors';
import type { Office365ConnectorConfig } from './connector-config';
import { psQuote, psScript } from './internal/powershell';
import { describeCertificate, type SigningCertificate, type SigningSlots } from './signing-key';

/** Countersign's URLs that Entra ID needs for a federated domain. */
export interface IdpFederationUrls {
  /** Where Entra POSTs AuthnRequests: the IdP's SSO HTTP-POST URL (`-PassiveSignInUri`). */
  passiveSignInUri: string;
  /** Where Entra sends sign-out (`-SignOutUri`). */
  signOutUri: string;
}

/** Certificates as the scripts need them; either form of {@link SigningCertificate}, or base64 DER. */
export type ScriptCertificates = SigningSlots<Pick<SigningCertificate, 'certificateBase64Der'> | string>;

/** One-line base64 DER and its fingerprint/expiry, checked to be a real certificate. */
export function scriptCertificate(cert: Pick<SigningCertificate, 'certificateBase64Der'> | string): SigningCertificate {
  return describeCertificate(typeof cert === 'string' ? cert : cert.certificateBase64Der);
}

/** Shared opening of every Graph script: variables for the domain, URLs and brand. */
export function graphPreamble(connector: Office365ConnectorConfig, urls: IdpFederationUrls): string[] {
  for (const url of [urls.passiveSignInUri, urls.signOutUri]) {
    if (!/^https:\/\/[^\s]+$/.test(url)) throw new AppError('BAD_USER_INPUT', 'Entra ID requires https:// sign-in and sign-out URLs.');
  }
  return [
    '#Requires -Modules Microsoft.Graph.Identity.DirectoryManagement',
    "$ErrorActionPreference = 'Stop'",
    '',
    `$DomainId = ${psQuote(connector.federatedDomain)}`,
    `$IssuerUri = ${psQuote(connector.issuerUri)}`,
    `$PassiveSignInUri = ${psQuote(urls.passiveSignInUri)}`,
    `$SignOutUri = ${psQuote(urls.signOutUri)}`,
    `$DisplayName = ${psQuote(connector.brandName)}`,
    `$FederatedIdpMfaBehavior = ${psQuote(connector.mfaBehavior)}`,
  ];
}

/** Connect with the scope Microsoft's SAML IdP page uses; see the note in the script. */
export const GRAPH_CONNECT = [
  '# Domain.ReadWrite.All is what Microsoft documents for this; Domain-InternalFederation.ReadWrite.All',
  '# (plus Domain.Read.All) is narrower if your tenant grants it.',
  'Connect-MgGraph -Scopes "Domain.ReadWrite.All"',
];

/**
 * The Microsoft Graph PowerShell script that federates the connector's domain with Countersign:
 * it creates the domain's federation configuration (or updates an existing one) with the
 * Issuer URI, sign-in/sign-out URLs, the signing certificate as one line of base64 DER, SAML-P
 * and the MFA behaviour, then checks that Entra reports the domain as Federated.
 *
 * Lines end in CRLF. Serve the download with a UTF-8 BOM (`'\uFEFF' + script`): Windows
 * PowerShell 5.1 reads BOM-less scripts as ANSI and would garble a non-ASCII brand name.
 */
export function generateFederationScript(connector: Office365ConnectorConfig, urls: IdpFederationUrls, certificates: ScriptCertificates): string {
  const current = scriptCertificate(certificates.current);
  const next = certificates.next ? scriptCertificate(certificates.next) : undefined;
  const params = [
    '-IssuerUri $IssuerUri',
    '-PassiveSignInUri $PassiveSignInUri',
    '-SignOutUri $SignOutUri',
    '-SigningCertificate $SigningCertificate',
    ...(next ? ['-NextSigningCertificate $NextSigningCertificate'] : []),
    "-PreferredAuthenticationProtocol 'saml'",
    '-FederatedIdpMfaBehavior $FederatedIdpMfaBehavior',
    '-DisplayName $DisplayName',
  ];
  const continued = (head: string) => [head + ' `', ...params.map((p, i) => `        ${p}${i < params.length - 1 ? ' `' : ''}`)];
  return psScript([
    `# Countersign: federate ${connector.federatedDomain} with Microsoft Entra ID (SAML 2.0), Microsoft Graph PowerShell.`,
    '#',
    '# Run it signed in with a cloud-only admin account (...@<tenant>.onmicrosoft.com), never with an account in',
    `# ${connector.federatedDomain}: once it has run, those accounts sign in through Countersign.`,
    '# Before running: every user of the domain needs onPremisesImmutableId set (Entra Connect, or',
    '# New-MgUser/Update-MgUser -OnPremisesImmutableId) and a UPN equal to the IDPEmail Countersign sends.',
    '# Converting a domain can interrupt sign-ins for up to 2 hours; federated sign-in may take longer to work.',
    ...graphPreamble(connector, urls),
    `# SHA-256 ${current.fingerprintSha256}, valid until ${current.notAfter}`,
    `$SigningCertificate = ${psQuote(current.certificateBase64Der)}`,
    ...(next ? [`# SHA-256 ${next.fingerprintSha256}, valid until ${next.notAfter}`, `$NextSigningCertificate = ${psQuote(next.certificateBase64Der)}`] : []),
    '',
    ...GRAPH_CONNECT,
    '',
    '$domain = Get-MgDomain -DomainId $DomainId',
    'if (-not $domain.IsVerified) { throw "$DomainId is not verified in this tenant; verify it first." }',
    '',
    '$existing = Get-MgDomainFederationConfiguration -DomainId $DomainId | Select-Object -First 1',
    'if ($null -eq $existing) {',
    ...continued('    New-MgDomainFederationConfiguration -DomainId $DomainId'),
    '} else {',
    ...continued('    Update-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id'),
    '}',
    '',
    '$domain = Get-MgDomain -DomainId $DomainId',
    "if ($domain.AuthenticationType -ne 'Federated') {",
    "    Update-MgDomain -DomainId $DomainId -AuthenticationType 'Federated'",
    '    $domain = Get-MgDomain -DomainId $DomainId',
    '}',
    "if ($domain.AuthenticationType -ne 'Federated') {",
    '    throw "$DomainId still reports AuthenticationType $($domain.AuthenticationType); check the federation configuration."',
    '}',
    'Write-Host "$DomainId is Federated with Countersign (issuer $IssuerUri)."',
  ]);
}
