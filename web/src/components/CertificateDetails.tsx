import type { CertificateSummary } from '../graphql/directoryTypes';
import { formatTime } from '../internal/formatTime';

function daysUntil(iso: string): number {
  return Math.floor((Date.parse(iso) - Date.now()) / 86_400_000);
}

/** The directory's certificate as the TLS step saw it: who it names, who signed it, until when, and whether it is trusted. */
export function CertificateDetails({ certificate }: { certificate: CertificateSummary }) {
  const days = daysUntil(certificate.validTo);
  return (
    <details className="certificate" open={!certificate.trusted}>
      <summary>
        Certificate{' '}
        {certificate.trusted ? (
          <span className="pill pill-ok">Trusted</span>
        ) : (
          <span className="pill pill-failed">Not trusted{certificate.trustProblem ? `: ${certificate.trustProblem}` : ''}</span>
        )}
      </summary>
      <dl className="facts">
        <dt>Subject</dt>
        <dd>{certificate.subject || '—'}</dd>
        <dt>Issuer</dt>
        <dd>{certificate.issuer || '—'}</dd>
        {certificate.subjectAltNames.length > 0 ? (
          <>
            <dt>Names</dt>
            <dd>{certificate.subjectAltNames.join(', ')}</dd>
          </>
        ) : null}
        <dt>Valid</dt>
        <dd>
          {formatTime(certificate.validFrom)} to {formatTime(certificate.validTo)}{' '}
          <span className={days < 30 ? 'text-warning' : 'muted'}>
            ({days < 0 ? 'expired' : days === 1 ? 'expires in 1 day' : `expires in ${days} days`})
          </span>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="fingerprint">{certificate.fingerprintSha256}</code>
        </dd>
      </dl>
    </details>
  );
}
