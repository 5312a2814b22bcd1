/**
 * The wire codes of every error Countersign exposes, with their HTTP-ish status and the
 * default safe message. A code is a public contract: it reaches GraphQL clients as
 * `extensions.code` and the sign-in pages as a readable sentence. Add codes here, never
 * inline.
 */
export const errorCodes = {
  BAD_USER_INPUT: { status: 400, message: 'The request is not valid.' },
  VALIDATION_FAILED: { status: 400, message: 'Some fields are not valid.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email or password is not correct.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  CSRF_FAILED: { status: 403, message: 'The request was missing its CSRF token; reload the page and try again.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'Somebody changed this at the same time; reload and try again.' },
  ALREADY_EXISTS: { status: 409, message: 'That already exists.' },
  SETUP_ALREADY_DONE: { status: 409, message: 'Countersign already has an owner; sign in instead.' },
  SETUP_TOKEN_INVALID: { status: 403, message: 'The setup link is not valid; use the link printed in the server log.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; try again later.' },
  READ_MODEL_TIMEOUT: { status: 503, message: 'The change was saved but is not visible yet; reload in a moment.' },
  DIRECTORY_UNREACHABLE: { status: 502, message: 'The directory server could not be reached.' },
  DIRECTORY_BIND_FAILED: { status: 502, message: 'The directory rejected the service account.' },
  DIRECTORY_TIMEOUT: { status: 504, message: 'The directory did not answer in time.' },
  DIRECTORY_TLS_FAILED: { status: 502, message: 'The secure connection to the directory failed; check its certificate.' },
  DIRECTORY_BASE_DN_NOT_FOUND: { status: 502, message: 'The base DN does not exist in the directory.' },
  DIRECTORY_BUSY: { status: 503, message: 'All connections to the directory are busy; try again in a moment.' },
  DIRECTORY_CLOSED: { status: 503, message: 'This directory connector was closed; use its current version.' },
  SAML_REQUEST_INVALID: { status: 400, message: 'The sign-in request from the application is not valid.' },
  SAML_SERVICE_STOPPED: { status: 503, message: 'This sign-in service is stopped.' },
  SAML_REQUEST_TOO_LARGE: { status: 413, message: 'The sign-in request from the application is too large.' },
  SAML_REQUEST_EXPIRED: { status: 400, message: 'The sign-in request from the application is too old or dated in the future; start the sign-in again from the application.' },
  SAML_REPLAY: { status: 400, message: 'This sign-in request was already used; start the sign-in again from the application.' },
  SAML_UNKNOWN_ISSUER: { status: 400, message: 'The sign-in request comes from an application this sign-in service does not know.' },
  SAML_ACS_NOT_REGISTERED: { status: 400, message: 'The sign-in request asks to send the answer to an address that is not registered for this application.' },
  SAML_SIGNATURE_REQUIRED: { status: 400, message: 'This application must sign its sign-in requests, and the request was not signed.' },
  SAML_SIGNATURE_INVALID: { status: 400, message: 'The signature on the sign-in request is not valid.' },
  SAML_NAMEID_POLICY_UNSUPPORTED: { status: 400, message: 'The application asked for a user identifier format this connector does not send.' },
  SAML_VALUE_INVALID: { status: 422, message: 'A value from the directory cannot be put into a SAML assertion; fix the user entry in the directory.' },
  SAML_METADATA_INVALID: { status: 400, message: 'The service provider metadata is not valid.' },
  ENROLLMENT_LINK_INVALID: { status: 400, message: 'This enrollment link is not valid; ask your administrator to send the token pack again.' },
  ENROLLMENT_LINK_EXPIRED: { status: 410, message: 'This enrollment link has expired; ask your administrator to send the token pack again.' },
  CHALLENGE_EXPIRED: { status: 410, message: 'The approval request expired; start again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
