import type { TLSSocket } from 'node:tls';

import type { CertificateSummary, ConnectionTestStep, ConnectionTestStepName } from '../connection-test-report';
import { certificateProblem } from './connect-errors';

/** A step's result before its timing is known. */
export type StepResult = Omit<ConnectionTestStep, 'step' | 'host' | 'durationMs'>;

/** Runs one step, timing it; an unexpected throw becomes a failed step, never a thrown report. */
export async function runStep(step: ConnectionTestStepName, host: string | undefined, body: () => Promise<StepResult>): Promise<ConnectionTestStep> {
  const started = performance.now();
  let result: StepResult;
  try {
    result = await body();
  } catch (error) {
    result = { outcome: 'failed', message: `The check stopped on an unexpected error: ${(error as Error).message}` };
  }
  return { step, ...(host ? { host } : {}), ...result, durationMs: Math.round(performance.now() - started) };
}

/** A step that did not run because an earlier one failed (or the admin gave no test user). */
export function skippedStep(step: ConnectionTestStepName, message: string, host?: string): ConnectionTestStep {
  return { step, ...(host ? { host } : {}), outcome: 'skipped', durationMs: 0, message };
}

function distinguishedName(fields: Record<string, string | string[]> | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

/** What the peer's certificate says and whether the handshake trusted it (chain and host name). */
export function certificateSummary(socket: TLSSocket): CertificateSummary {
  const certificate = socket.getPeerCertificate();
  const summary: CertificateSummary = {
    subject: distinguishedName(certificate.subject as unknown as Record<string, string>),
    issuer: distinguishedName(certificate.issuer as unknown as Record<string, string>),
    subjectAltNames: (certificate.subjectaltname ?? '').split(', ').filter(Boolean).map((name) => name.replace(/^IP Address:/, 'IP:')),
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: new Date(certificate.valid_to).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    trusted: socket.authorized,
  };
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? '');
    summary.trustProblem = certificateProblem(code)?.problem ?? code;
  }
  return summary;
}

/** The TLS step's verdict on a finished handshake, honouring the connector's certificate checking. */
export function tlsStepResult(socket: TLSSocket, label: string, verifyCertificate: boolean): StepResult {
  const certificate = certificateSummary(socket);
  const daysLeft = Math.floor((Date.parse(certificate.validTo) - Date.now()) / 86_400_000);
  const protocol = socket.getProtocol() ?? 'TLS';
  if (!certificate.trusted) {
    const known = certificateProblem(String(socket.authorizationError ?? ''));
    const sentence = `The certificate of ${label} (${certificate.subject}, issued by ${certificate.issuer}) is ${certificate.trustProblem}.`;
    if (verifyCertificate) {
      return { outcome: 'failed', certificate, message: `${sentence} Countersign does not trust it, so no password was sent.`, hint: known?.hint ?? 'Paste the CA certificate that signed it into the CA certificate field.' };
    }
    return {
      outcome: 'ok',
      certificate,
      message: `${protocol} is up, but ${sentence[0]!.toLowerCase()}${sentence.slice(1)}`,
      hint: 'Certificate checking is off: anyone on the network path could pose as the directory and collect passwords. Add the CA certificate and turn checking back on.',
    };
  }
  const result: StepResult = { outcome: 'ok', certificate, message: `${protocol} is up; the certificate of ${label} (${certificate.subject}) is trusted and valid until ${certificate.validTo.slice(0, 10)}.` };
  if (daysLeft < 30) result.hint = `The certificate expires in ${daysLeft === 1 ? '1 day' : `${daysLeft} days`}; renew it before then or sign-ins will stop.`;
  return result;
}
