import type { DirectorySecurity, DirectoryType } from './directory-type-defaults';
import type { DirectoryFailureReason } from './directory-failure';
import type { DirectoryUserProfile } from './directory';

/** The checks of a connection test, in the order they run. */
export type ConnectionTestStepName =
  | 'DNS_RESOLUTION'
  | 'TCP_CONNECT'
  | 'TLS_HANDSHAKE'
  | 'SERVICE_BIND'
  | 'BASE_DN_READ'
  | 'USER_SEARCH'
  | 'SIGN_IN';

/** `skipped`: an earlier step failed, or the step needs input the admin did not give. */
export type ConnectionTestOutcome = 'ok' | 'failed' | 'skipped';

/** What the directory's certificate says, and whether Countersign trusts it. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  fingerprintSha256: string;
  trusted: boolean;
  /** Why it is not trusted (e.g. "self-signed", "expired"), when it is not. */
  trustProblem?: string;
}

/** One check: what happened, in a sentence, and what to do about it. */
export interface ConnectionTestStep {
  step: ConnectionTestStepName;
  /** `host:port` for the checks that run once per host (DNS, TCP, TLS). */
  host?: string;
  outcome: ConnectionTestOutcome;
  durationMs: number;
  /** A plain sentence: what was checked and what came out. */
  message: string;
  /** What to change when the step failed (or a warning when it passed with a caveat). */
  hint?: string;
  addresses?: string[];
  certificate?: CertificateSummary;
  /** A few users as the connector maps them (USER_SEARCH). */
  sampleUsers?: DirectoryUserProfile[];
  /** The profile a sign-in would produce (SIGN_IN). */
  profile?: DirectoryUserProfile;
  /** Why the test sign-in failed, as a sign-in would record it (SIGN_IN). */
  reason?: DirectoryFailureReason;
}

/** The result of testing a connector: plain JSON, recorded as DirectoryConnectionTested. */
export interface ConnectionTestReport {
  /** The settings tested, without the password. */
  connector: {
    name: string;
    type: DirectoryType;
    hosts: string[];
    port?: number;
    security?: DirectorySecurity;
    baseDn?: string;
    bindDn?: string;
    loginProperty?: string;
  };
  /** True when no step failed. */
  ok: boolean;
  durationMs: number;
  steps: ConnectionTestStep[];
}

/** A test user to search for and, with a password, sign in as. */
export interface ConnectionTestOptions {
  username?: string;
  password?: string;
}
