import { gql } from 'urql';

/** A connection test step by step, as the test panel shows it. */
export const ConnectionTestResultFields = gql`
  fragment ConnectionTestResultFields on ConnectionTestResult {
    ok
    durationMs
    testedAt
    steps {
      step
      host
      outcome
      durationMs
      message
      hint
      addresses
      reason
      certificate {
        subject
        issuer
        subjectAltNames
        validFrom
        validTo
        fingerprintSha256
        trusted
        trustProblem
      }
      sampleUsers {
        dn
        username
        email
        displayName
        phone
        upn
        immutableId
      }
      profile {
        dn
        username
        email
        displayName
        phone
        upn
        immutableId
      }
    }
  }
`;
