import { gql } from 'urql';

/** A certificate in both forms (PEM and one-line base64 DER), with its fingerprint and expiry. */
export const SamlCertificateFields = gql`
  fragment SamlCertificateFields on SamlCertificate {
    certificatePem
    certificateBase64Der
    fingerprintSha256
    notAfter
    expiresInDays
  }
`;
