import { AppError } from '../errors';
import type { Office365ConnectorConfig } from './connector-config';
import { GRAPH_CONNECT, graphPreamble, scriptCertificate, type IdpFederationUrls, type ScriptCertificates } from './federation-script';
import { psQuote, psScript } from './internal/powershell';

/**
 * The certificate rollover script (Microsoft Graph PowerShell). Entra ID never reads IdP
 * metadata for SAML-P, so rollover is two runs: `-Phase Stage` publishes the next certificate as
 * NextSigningCertificate (Entra then accepts both); after Countersign switches to signing with
 * it, `-Phase Activate` makes it the SigningCertificate.
 */
export function generateCertificateRolloverScript(connector: Office365ConnectorConfig, urls: IdpFederationUrls, certificates: ScriptCertificates): string {
  if (!certificates.next) throw new AppError('BAD_USER_INPUT', 'Generate the next signing certificate before creating the rollover script.');
  const current = scriptCertificate(certificates.current);
  const next = scriptCertificate(certificates.next);
  return psScript([
    `# Countersign: roll over the SAML signing certificate of ${connector.federatedDomain} in Microsoft Entra ID.`,
    '#',
    '#   1. .\\rollover.ps1 -Phase Stage      publishes the next certificate; Entra accepts both from then on.',
    '#   2. In Countersign, activate the next certificate (Countersign signs with it from then on).',
    '#   3. .\\rollover.ps1 -Phase Activate   makes it the signing certificate.',
    'param(',
    '    [Parameter(Mandatory = $true)]',
    "    [ValidateSet('Stage', 'Activate')]",
    '    [string] $Phase',
    ')',
    ...graphPreamble(connector, urls),
    `# Current: SHA-256 ${current.fingerprintSha256}, valid until ${current.notAfter}`,
    `$CurrentSigningCertificate = ${psQuote(current.certificateBase64Der)}`,
    `# Next: SHA-256 ${next.fingerprintSha256}, valid until ${next.notAfter}`,
    `$NextSigningCertificate = ${psQuote(next.certificateBase64Der)}`,
    '',
    ...GRAPH_CONNECT,
    '',
    '$existing = Get-MgDomainFederationConfiguration -DomainId $DomainId | Select-Object -First 1',
    'if ($null -eq $existing) { throw "$DomainId has no federation configuration; run the federation script first." }',
    "if ($Phase -eq 'Stage') {",
    '    Update-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id `',
    '        -NextSigningCertificate $NextSigningCertificate',
    '    Write-Host "Staged. Now activate the next certificate in Countersign, then run this script with -Phase Activate."',
    '} else {',
    '    if ($existing.SigningCertificate -ne $CurrentSigningCertificate -and $existing.SigningCertificate -ne $NextSigningCertificate) {',
    '        Write-Warning "Entra holds a signing certificate this script does not know; check the domain before relying on it."',
    '    }',
    '    # NextSigningCertificate keeps the same value until the next rollover stages a new one.',
    '    Update-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id `',
    '        -SigningCertificate $NextSigningCertificate',
    '    Write-Host "Activated: Entra now expects signatures from the new certificate."',
    '}',
  ]);
}

/**
 * The script that takes the domain back from Countersign (`Update-MgDomain -AuthenticationType
 * Managed`), after warnings: the change can take up to 2 hours and users then need cloud
 * passwords (or Password Hash Sync). Asks the admin to type the domain unless run with -Force.
 */
export function generateRevertScript(connector: Office365ConnectorConfig): string {
  return psScript([
    `# Countersign: stop federating ${connector.federatedDomain}; Microsoft Entra ID signs its users in again.`,
    'param(',
    '    [switch] $Force,',
    '    [switch] $RemoveFederationConfiguration',
    ')',
    '#Requires -Modules Microsoft.Graph.Identity.DirectoryManagement',
    "$ErrorActionPreference = 'Stop'",
    `$DomainId = ${psQuote(connector.federatedDomain)}`,
    '',
    'Write-Warning "Converting $DomainId to managed authentication can take up to 2 hours; sign-ins may fail meanwhile."',
    'Write-Warning "Users then sign in with cloud passwords: set them first or enable Password Hash Sync, or they cannot sign in."',
    'Write-Warning "Countersign MFA no longer applies to Microsoft 365 sign-ins of this domain."',
    'if (-not $Force) {',
    "    $answer = Read-Host \"Type $DomainId to convert it to managed\"",
    "    if ($answer -ne $DomainId) { Write-Host 'Nothing changed.'; return }",
    '}',
    '',
    ...GRAPH_CONNECT,
    '',
    "Update-MgDomain -DomainId $DomainId -AuthenticationType 'Managed'",
    'if ($RemoveFederationConfiguration) {',
    '    $existing = Get-MgDomainFederationConfiguration -DomainId $DomainId | Select-Object -First 1',
    '    if ($null -ne $existing) {',
    '        Remove-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id',
    '    }',
    '}',
    '$domain = Get-MgDomain -DomainId $DomainId',
    'Write-Host "$DomainId now reports AuthenticationType $($domain.AuthenticationType)."',
  ]);
}

/**
 * The same federation with the retired MSOnline module (`Set-MsolDomainAuthentication`), for
 * reading old documentation only: MSOnline stopped working in April–May 2025, and the script
 * refuses to run.
 */
export function generateLegacyMsOnlineScript(connector: Office365ConnectorConfig, urls: IdpFederationUrls, certificates: ScriptCertificates): string {
  const current = scriptCertificate(certificates.current);
  const next = certificates.next ? scriptCertificate(certificates.next) : undefined;
  const supportsMfa = connector.mfaBehavior === 'enforceMfaByFederatedIdp' ? '$true' : '$false';
  return psScript([
    '# RETIRED - REFERENCE ONLY - DO NOT RUN.',
    '# The MSOnline module was deprecated on 2024-03-30 and stopped working between April and May 2025.',
    '# This shows the legacy equivalent of the Microsoft Graph federation script, for reading old guides.',
    '# Use the Microsoft Graph PowerShell script Countersign generates instead.',
    "throw 'MSOnline is retired; use the Microsoft Graph PowerShell federation script instead.'",
    '',
    'Connect-MsolService',
    `Set-MsolDomainAuthentication -DomainName ${psQuote(connector.federatedDomain)} -Authentication Federated \``,
    `    -FederationBrandName ${psQuote(connector.brandName)} \``,
    `    -IssuerUri ${psQuote(connector.issuerUri)} \``,
    `    -PassiveLogOnUri ${psQuote(urls.passiveSignInUri)} \``,
    `    -LogOffUri ${psQuote(urls.signOutUri)} \``,
    `    -SigningCertificate ${psQuote(current.certificateBase64Der)} \``,
    ...(next ? [`    -NextSigningCertificate ${psQuote(next.certificateBase64Der)} \``] : []),
    '    -PreferredAuthenticationProtocol SAMLP `',
    `    -SupportsMfa ${supportsMfa}`,
    '',
    '# Legacy revert: Set-MsolDomainAuthentication -DomainName <domain> -Authentication Managed',
  ]);
}
