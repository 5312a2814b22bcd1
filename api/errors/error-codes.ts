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
  SAML_REQUEST_INVALID: { status: 400, message: 'The sign-in request from the application is not valid.' },
  SAML_SERVICE_STOPPED: { status: 503, message: 'This sign-in service is stopped.' },
  CHALLENGE_EXPIRED: { status: 410, message: 'The approval request expired; start again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
