import { useId, type ReactNode } from 'react';
import type { SamlCertificate } from '../graphql/samlTypes';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { CertificateExpiry } from './CertificateExpiry';
import { CopyButton } from './CopyButton';
import { FieldHelp } from './FieldHelp';

export interface SigningCertificateCardProps {
  /** "Current", "Next" or "Previous". */
  title: string;
  /** What this slot is for (the API's description of it). */
  help: string;
  certificate: SamlCertificate | null;
  /** Said when the slot is empty. */
  empty: ReactNode;
  tone?: 'current' | 'next' | 'previous';
}

/** One of a connector's signing certificates: fingerprint, expiry, and its PEM and base64 forms to copy. */
export function SigningCertificateCard({ title, help, certificate, empty, tone = 'current' }: SigningCertificateCardProps) {
  const id = useId();
  return (
    <section className={`cert-card cert-card-${tone}${certificate ? '' : ' cert-card-empty'}`} aria-labelledby={`${id}-title`}>
      <div className="cert-card-title">
        <h3 id={`${id}-title`}>{title}</h3>
        <FieldHelp id={`${id}-help`} label={`${title} certificate`}>
          {help}
        </FieldHelp>
      </div>
      {certificate ? (
        <>
          <dl className="cert-facts">
            <dt>
              SHA-256
              <FieldHelp id={`${id}-fp-help`} label="SHA-256 fingerprint">
                {SAML_FIELD_HELP.fingerprintSha256}
              </FieldHelp>
            </dt>
            <dd>
              <code className="fingerprint">{certificate.fingerprintSha256 ?? 'Unreadable'}</code>
            </dd>
            <dt>Expiry</dt>
            <dd>
              <CertificateExpiry certificate={certificate} />
            </dd>
          </dl>
          <div className="cert-copy">
            <CopyButton text={certificate.certificatePem} label="Copy PEM" context={`of the ${title.toLowerCase()} certificate`} />
            <CopyButton
              text={certificate.certificateBase64Der}
              label="Copy base64"
              context={`(one line) of the ${title.toLowerCase()} certificate`}
            />
          </div>
          <p className="cert-copy-hint">
            PEM for a certificate file; base64 (one line) for Entra ID’s -SigningCertificate and &lt;ds:X509Certificate&gt;.
          </p>
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
