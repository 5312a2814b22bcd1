import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIdpMetadata,
  generateCertificateRolloverScript,
  generateFederationScript,
  generateLegacyMsOnlineScript,
  generateRevertScript,
  parseConnectorConfig,
  type Office365ConnectorConfig,
} from '../../api/saml';
import { IDP_URLS, idpKey, idpNextKey, office365Connector } from './fixtures/saml-fixtures';
import { all, parseXml } from './fixtures/read-xml';

// Golden files: regenerate with UPDATE_GOLDEN=1 npx vitest run test/saml/federation-scripts.int.test.ts
const GOLDEN = join(import.meta.dirname, 'golden');
function matchesGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `golden file ${name} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const certificates = { current: idpKey, next: idpNextKey };
const metadata = parseXml(
  buildIdpMetadata({
    entityId: office365Connector.issuerUri,
    ssoUrls: { post: IDP_URLS.passiveSignInUri, redirect: IDP_URLS.passiveSignInUri },
    sloUrls: { redirect: IDP_URLS.signOutUri },
    certificates,
  }),
);
const published = {
  entityId: metadata.documentElement!.getAttribute('entityID')!,
  certificates: all(metadata, 'ds', 'X509Certificate').map((c) => c.textContent!),
  ssoPost: all(metadata, 'md', 'SingleSignOnService').find((s) => s.getAttribute('Binding')!.endsWith('HTTP-POST'))!.getAttribute('Location')!,
  sloRedirect: all(metadata, 'md', 'SingleLogoutService').find((s) => s.getAttribute('Binding')!.endsWith('HTTP-Redirect'))!.getAttribute('Location')!,
};
const variable = (script: string, name: string) => new RegExp(`^\\$${name} = '([^']*)'\\r$`, 'm').exec(script)?.[1];

describe('federation scripts for Microsoft Graph PowerShell', () => {
  const setup = generateFederationScript(office365Connector, IDP_URLS, { current: idpKey });

  it('match the golden files', () => {
    matchesGolden('federate.ps1', setup);
    matchesGolden('federate-with-next.ps1', generateFederationScript(office365Connector, IDP_URLS, certificates));
    matchesGolden('rollover.ps1', generateCertificateRolloverScript(office365Connector, IDP_URLS, certificates));
    matchesGolden('revert.ps1', generateRevertScript(office365Connector));
    matchesGolden('msonline-legacy.ps1', generateLegacyMsOnlineScript(office365Connector, IDP_URLS, { current: idpKey }));
  });

  it('hold exactly the certificate, issuer and URLs that the IdP metadata publishes', () => {
    expect(variable(setup, 'SigningCertificate')).toBe(published.certificates[0]);
    expect(variable(setup, 'IssuerUri')).toBe(published.entityId);
    expect(variable(setup, 'PassiveSignInUri')).toBe(published.ssoPost);
    expect(variable(setup, 'SignOutUri')).toBe(published.sloRedirect);
    const rollover = generateCertificateRolloverScript(office365Connector, IDP_URLS, certificates);
    expect(variable(rollover, 'CurrentSigningCertificate')).toBe(published.certificates[0]);
    expect(variable(rollover, 'NextSigningCertificate')).toBe(published.certificates[1]);
    expect(published.certificates[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('connect with Domain.ReadWrite.All, create or update the federation configuration, and check Federated', () => {
    expect(setup).toContain('Connect-MgGraph -Scopes "Domain.ReadWrite.All"');
    expect(setup).toContain('Get-MgDomainFederationConfiguration -DomainId $DomainId');
    for (const cmdlet of ['New-MgDomainFederationConfiguration', 'Update-MgDomainFederationConfiguration']) {
      const call = setup.slice(setup.indexOf(cmdlet), setup.indexOf('}', setup.indexOf(cmdlet)));
      for (const param of ['-IssuerUri', '-PassiveSignInUri', '-SignOutUri', '-SigningCertificate', "-PreferredAuthenticationProtocol 'saml'", '-FederatedIdpMfaBehavior']) {
        expect(call).toContain(param);
      }
    }
    expect(variable(setup, 'FederatedIdpMfaBehavior')).toBe('acceptIfMfaDoneByFederatedIdp');
    expect(setup).toContain("if ($domain.AuthenticationType -ne 'Federated')");
  });

  it('stage the next certificate before switching to it', () => {
    const rollover = generateCertificateRolloverScript(office365Connector, IDP_URLS, certificates);
    expect(rollover.indexOf('-NextSigningCertificate $NextSigningCertificate')).toBeLessThan(rollover.indexOf('-SigningCertificate $NextSigningCertificate'));
    expect(() => generateCertificateRolloverScript(office365Connector, IDP_URLS, { current: idpKey })).toThrow(/next signing certificate/);
  });

  it('revert with Update-MgDomain -AuthenticationType Managed after the warnings', () => {
    const revert = generateRevertScript(office365Connector);
    expect(revert).toContain("Update-MgDomain -DomainId $DomainId -AuthenticationType 'Managed'");
    expect(revert).toMatch(/up to 2 hours/);
    expect(revert).toMatch(/cloud passwords/);
    expect(revert.indexOf('Write-Warning')).toBeLessThan(revert.indexOf('Update-MgDomain'));
  });

  it('label the MSOnline variant as retired and refuse to run it', () => {
    const legacy = generateLegacyMsOnlineScript(office365Connector, IDP_URLS, { current: idpKey });
    expect(legacy.split('\r\n')[0]).toBe('# RETIRED - REFERENCE ONLY - DO NOT RUN.');
    expect(legacy.indexOf('throw')).toBeLessThan(legacy.indexOf('Set-MsolDomainAuthentication'));
    expect(legacy).toContain('-PreferredAuthenticationProtocol SAMLP');
  });

  it('escape PowerShell strings: quotes (including typographic ones) are doubled, nothing expands', () => {
    const hostile = parseConnectorConfig({
      ...office365Connector,
      brandName: "O'Brien ‘Corp’ $(Remove-Item C:\\) `n \"x\"",
    }) as Office365ConnectorConfig;
    const script = generateFederationScript(hostile, IDP_URLS, { current: idpKey });
    expect(script).toContain("$DisplayName = 'O''Brien ‘‘Corp’’ $(Remove-Item C:\\) `n \"x\"'\r\n");
    expect(() => generateFederationScript({ ...hostile, brandName: 'a\nb' }, IDP_URLS, { current: idpKey })).toThrow(/line break/);
    expect(() => generateFederationScript(office365Connector, { ...IDP_URLS, passiveSignInUri: 'http://x' }, { current: idpKey })).toThrow(/https/);
  });
});
