import { gql } from 'urql';
import { SamlCertificateFields } from './SamlCertificateFields';

/** Every setting of a SAML connector, its signing certificates and the services that use it. */
export const SamlConnectorFields = gql`
  fragment SamlConnectorFields on SamlConnector {
    id
    name
    kind
    issuer
    template
    createdAt
    updatedAt
    warnings
    usedByServiceIds
    federatedDomain
    brandName
    issuerUri
    immutableIdAttribute
    immutableIdEncoding
    upnAttribute
    mfaBehavior
    requireSignedAuthnRequests
    microsoftSigningCertificates {
      ...SamlCertificateFields
    }
    idpEntityId
    spEntityId
    spAssertionConsumerServices {
      url
      binding
      index
      isDefault
    }
    spSigningCertificates {
      ...SamlCertificateFields
    }
    spEncryptionCertificate {
      ...SamlCertificateFields
    }
    spWantAssertionsSigned
    spAuthnRequestsSigned
    spNameIdFormats
    nameIdFormat
    nameIdSourceAttribute
    attributes {
      name
      nameFormat
      friendlyName
      profileField
    }
    signAssertion
    signResponse
    signatureAlgorithm
    authnContextMfa
    authnContextPasswordOnly
    signingCertificate {
      ...SamlCertificateFields
    }
    nextSigningCertificate {
      ...SamlCertificateFields
    }
    previousSigningCertificate {
      ...SamlCertificateFields
    }
  }
  ${SamlCertificateFields}
`;
