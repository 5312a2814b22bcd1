# Countersign: federate contoso.com with Microsoft Entra ID (SAML 2.0), Microsoft Graph PowerShell.
#
# Run it signed in with a cloud-only admin account (...@<tenant>.onmicrosoft.com), never with an account in
# contoso.com: once it has run, those accounts sign in through Countersign.
# Before running: every user of the domain needs onPremisesImmutableId set (Entra Connect, or
# New-MgUser/Update-MgUser -OnPremisesImmutableId) and a UPN equal to the IDPEmail Countersign sends.
# Converting a domain can interrupt sign-ins for up to 2 hours; federated sign-in may take longer to work.
#Requires -Modules Microsoft.Graph.Identity.DirectoryManagement
$ErrorActionPreference = 'Stop'

$DomainId = 'contoso.com'
$IssuerUri = 'https://sso.countersign.example/saml/contoso'
$PassiveSignInUri = 'https://sso.countersign.example/saml/contoso/sso'
$SignOutUri = 'https://sso.countersign.example/saml/contoso/slo'
$DisplayName = 'Contoso''s Sign-in'
$FederatedIdpMfaBehavior = 'acceptIfMfaDoneByFederatedIdp'
# SHA-256 3F:EF:08:88:8E:BE:A2:9D:A1:40:DF:DD:FF:FA:2D:C6:4A:50:A0:75:4B:5B:1F:55:90:15:54:FE:BE:71:BE:66, valid until 2056-01-01T00:00:00.000Z
$SigningCertificate = 'MIIDGjCCAgKgAwIBAgIRAPUI0ztFGj7Q5y5XOoIigiQwDQYJKoZIhvcNAQELBQAwJzElMCMGA1UEAxMcQ291bnRlcnNpZ24gdGVzdCBJZFAgY3VycmVudDAgFw0yNTEyMzEyMzU1MDBaGA8yMDU2MDEwMTAwMDAwMFowJzElMCMGA1UEAxMcQ291bnRlcnNpZ24gdGVzdCBJZFAgY3VycmVudDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMJJQvJifFZREe4WvO2MfIOid8/hi4EZRhPwIOkEBZlFyQEzFfpKBeZjFmMx8IrkD6drmG/mT05dbSdzyA77OmdILKdXSEWfe7SIrl1dO/va5sC2owPOOlYL7L9ykRGhv4hgiLMCf9XwikoJa09iA5FXqR2crGQ6YfjmKHOWCtSzp4dqwVK1Y1xHZj9C9kb5AE86S1IoQjJifA81MQpatwuZbYyML8eDO9RKrEKrxWdA7fwW1OzTuSrgNspSwrtjoQ3W4GRlPAjAb00yvQ/+tPctYUaoMFIQ19aZSsSRLcDvrebeyEdv3eqZdAj15RItjSR55vWR/hM+d8gfvR2H89cCAwEAAaM/MD0wDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFLl678tQsOvso38U1FKbtg/X2XAGMA0GCSqGSIb3DQEBCwUAA4IBAQBuq79O6odWE+SSV8FpqTUOKDM6U57h97Cc09qaWRgJmXkglgJx0yACySRLfp5Tloe3GQrSvL3rHY/1ct/wpLVKOScF/9zc6YimW76Lq530LWXlZTRp1rfgDk4TiC2lJ4u/uOXnRqRKK8UKzYUubj5eiAbtymLyTpZyv3XOK+kc5i304B3Nd5wsNPiDInh2MPDfdnWbanEbXyAcGOQqdCdDudDvTExavAc3WShlCZRmMLFFsXnlYCKNvFLLqL+dAJzwMfiV4TuLkEQ+Iz0z4I9NsS8ee/rJaeeCIr/bniOk3ECoqCiWx/Rrpnys3APXLBLFkcOWXEVEa9C08U/q81T5'
# SHA-256 A0:0D:8C:70:45:3E:58:47:41:9E:84:88:59:DE:4C:B7:80:EF:90:79:65:BC:79:92:BA:B3:0D:B7:D9:51:0C:00, valid until 2056-01-01T00:00:00.000Z
$NextSigningCertificate = 'MIIDFDCCAfygAwIBAgIRAJlMRqcOZXWqxbeFmFrVXegwDQYJKoZIhvcNAQELBQAwJDEiMCAGA1UEAxMZQ291bnRlcnNpZ24gdGVzdCBJZFAgbmV4dDAgFw0yNTEyMzEyMzU1MDBaGA8yMDU2MDEwMTAwMDAwMFowJDEiMCAGA1UEAxMZQ291bnRlcnNpZ24gdGVzdCBJZFAgbmV4dDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMPR8T4JsPJkC3VZWdFB0WmIiWzVkDVUAYbItZXW88GafWuX5BC2OFxwOhOFzu6N5Qj5lDRCSqYvqlEG0RsUvkC2+S3bEKMiWwDdgpUiKr48xnXxx3g9DZOym/jt11Dw9TyiOHlLPux6GVvr5oEfuH0v2JkeE1nUVAqMFbp91YkQ5d1vjaKu2/9+4yziWRWorBjOV6kROxsuiGew+v00kcnyYwws/4+ObS6Kvn0LYo9NppPD2BxLQn8HbI3YCBsonV+xQCXtOYfyPz/crNo+3hnvwUEunAqFI/nHvWr0U+HItt1aS8nRIDbHPV/uN7UMNfXRv8Lqd/Dmnq2unCuWXnUCAwEAAaM/MD0wDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFF/F9h3gVoQTqFOsUWZJMqUKxWxwMA0GCSqGSIb3DQEBCwUAA4IBAQDBLsPhMigA/GFSl+terMYjAWyjKodLyPOPb1sGLjhzLOrdck+o9cOihYGFY/To6yvclhOyRZ/Vfx42tHFCCq+omOr3KFinpC9yVCkxh9ZnQPy8Zc5q8XrReCCWd1wBMyEczzAasoKvdwjQwUtFLThmbhuCHzeuWj5BeIAozEZ4kPC6Fe8EmRwbZlMq33NG6KVHrpUrwxkhkA/BN6uge3F2N6m+Oyo2g+3kdHsVkYUCTbiLlSNF4oN/W/XpcgzO+HOL3vusHrGCGtCjTA9yGh0QLaIcArvjNgZAd0pa8SHasRn0/docZvwxHZVWky69+Nylx1eRjAu5H5mB2izZYP3O'

# Domain.ReadWrite.All is what Microsoft documents for this; Domain-InternalFederation.ReadWrite.All
# (plus Domain.Read.All) is narrower if your tenant grants it.
Connect-MgGraph -Scopes "Domain.ReadWrite.All"

$domain = Get-MgDomain -DomainId $DomainId
if (-not $domain.IsVerified) { throw "$DomainId is not verified in this tenant; verify it first." }

$existing = Get-MgDomainFederationConfiguration -DomainId $DomainId | Select-Object -First 1
if ($null -eq $existing) {
    New-MgDomainFederationConfiguration -DomainId $DomainId `
        -IssuerUri $IssuerUri `
        -PassiveSignInUri $PassiveSignInUri `
        -SignOutUri $SignOutUri `
        -SigningCertificate $SigningCertificate `
        -NextSigningCertificate $NextSigningCertificate `
        -PreferredAuthenticationProtocol 'saml' `
        -FederatedIdpMfaBehavior $FederatedIdpMfaBehavior `
        -DisplayName $DisplayName
} else {
    Update-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id `
        -IssuerUri $IssuerUri `
        -PassiveSignInUri $PassiveSignInUri `
        -SignOutUri $SignOutUri `
        -SigningCertificate $SigningCertificate `
        -NextSigningCertificate $NextSigningCertificate `
        -PreferredAuthenticationProtocol 'saml' `
        -FederatedIdpMfaBehavior $FederatedIdpMfaBehavior `
        -DisplayName $DisplayName
}

$domain = Get-MgDomain -DomainId $DomainId
if ($domain.AuthenticationType -ne 'Federated') {
    Update-MgDomain -DomainId $DomainId -AuthenticationType 'Federated'
    $domain = Get-MgDomain -DomainId $DomainId
}
if ($domain.AuthenticationType -ne 'Federated') {
    throw "$DomainId still reports AuthenticationType $($domain.AuthenticationType); check the federation configuration."
}
Write-Host "$DomainId is Federated with Countersign (issuer $IssuerUri)."
