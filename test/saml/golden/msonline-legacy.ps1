# RETIRED - REFERENCE ONLY - DO NOT RUN.
# The MSOnline module was deprecated on 2024-03-30 and stopped working between April and May 2025.
# This shows the legacy equivalent of the Microsoft Graph federation script, for reading old guides.
# Use the Microsoft Graph PowerShell script Countersign generates instead.
throw 'MSOnline is retired; use the Microsoft Graph PowerShell federation script instead.'

Connect-MsolService
Set-MsolDomainAuthentication -DomainName 'contoso.com' -Authentication Federated `
    -FederationBrandName 'Contoso''s Sign-in' `
    -IssuerUri 'https://sso.countersign.example/saml/contoso' `
    -PassiveLogOnUri 'https://sso.countersign.example/saml/contoso/sso' `
    -LogOffUri 'https://sso.countersign.example/saml/contoso/slo' `
    -SigningCertificate 'MIIDGjCCAgKgAwIBAgIRAPUI0ztFGj7Q5y5XOoIigiQwDQYJKoZIhvcNAQELBQAwJzElMCMGA1UEAxMcQ291bnRlcnNpZ24gdGVzdCBJZFAgY3VycmVudDAgFw0yNTEyMzEyMzU1MDBaGA8yMDU2MDEwMTAwMDAwMFowJzElMCMGA1UEAxMcQ291bnRlcnNpZ24gdGVzdCBJZFAgY3VycmVudDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMJJQvJifFZREe4WvO2MfIOid8/hi4EZRhPwIOkEBZlFyQEzFfpKBeZjFmMx8IrkD6drmG/mT05dbSdzyA77OmdILKdXSEWfe7SIrl1dO/va5sC2owPOOlYL7L9ykRGhv4hgiLMCf9XwikoJa09iA5FXqR2crGQ6YfjmKHOWCtSzp4dqwVK1Y1xHZj9C9kb5AE86S1IoQjJifA81MQpatwuZbYyML8eDO9RKrEKrxWdA7fwW1OzTuSrgNspSwrtjoQ3W4GRlPAjAb00yvQ/+tPctYUaoMFIQ19aZSsSRLcDvrebeyEdv3eqZdAj15RItjSR55vWR/hM+d8gfvR2H89cCAwEAAaM/MD0wDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFLl678tQsOvso38U1FKbtg/X2XAGMA0GCSqGSIb3DQEBCwUAA4IBAQBuq79O6odWE+SSV8FpqTUOKDM6U57h97Cc09qaWRgJmXkglgJx0yACySRLfp5Tloe3GQrSvL3rHY/1ct/wpLVKOScF/9zc6YimW76Lq530LWXlZTRp1rfgDk4TiC2lJ4u/uOXnRqRKK8UKzYUubj5eiAbtymLyTpZyv3XOK+kc5i304B3Nd5wsNPiDInh2MPDfdnWbanEbXyAcGOQqdCdDudDvTExavAc3WShlCZRmMLFFsXnlYCKNvFLLqL+dAJzwMfiV4TuLkEQ+Iz0z4I9NsS8ee/rJaeeCIr/bniOk3ECoqCiWx/Rrpnys3APXLBLFkcOWXEVEa9C08U/q81T5' `
    -PreferredAuthenticationProtocol SAMLP `
    -SupportsMfa $false

# Legacy revert: Set-MsolDomainAuthentication -DomainName <domain> -Authentication Managed
