import type { SamlCertificate } from '../graphql/samlTypes';
import { Icon } from './Icon';

/** Days under which a certificate's expiry is shown as a warning. */
export const EXPIRY_WARNING_DAYS = 90;

/** "expires in 1 803 days" / "expired 3 days ago", in warning colours under 90 days. */
export function CertificateExpiry({ certificate }: { certificate: Pick<SamlCertificate, 'expiresInDays' | 'notAfter'> }) {
  const days = certificate.expiresInDays;
  if (days === null) return <span className="muted">Expiry unknown</span>;
  const date = certificate.notAfter ? new Date(certificate.notAfter).toLocaleDateString(undefined, { dateStyle: 'medium' }) : null;
  const words =
    days < 0 ? `expired ${-days === 1 ? '1 day' : `${-days} days`} ago` : days === 1 ? 'expires in 1 day' : `expires in ${days} days`;
  const tone = days < 0 ? 'cert-expiry cert-expiry-expired' : days < EXPIRY_WARNING_DAYS ? 'cert-expiry cert-expiry-soon' : 'cert-expiry';
  return (
    <span className={tone}>
      {days < EXPIRY_WARNING_DAYS ? (
        <>
          <Icon name="warning" />
          <span className="visually-hidden">Warning: </span>
        </>
      ) : null}
      {words}
      {date ? <span className="cert-expiry-date"> ({date})</span> : null}
    </span>
  );
}
