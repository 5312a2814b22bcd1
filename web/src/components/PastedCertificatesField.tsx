import type { ReactNode } from 'react';
import type { SamlCertificate } from '../graphql/samlTypes';
import { CertificateExpiry } from './CertificateExpiry';
import { TextAreaField } from './TextAreaField';

export interface PastedCertificatesFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The certificates as saved, summarised under the box. */
  saved: SamlCertificate[];
  help: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A box for one or more pasted certificates (PEM blocks, or one base64 line each), with what is saved. */
export function PastedCertificatesField({ label, name, value, onChange, saved, help, hint, error }: PastedCertificatesFieldProps) {
  return (
    <div className="pasted-certificates">
      <TextAreaField
        label={label}
        name={name}
        className="field-mono"
        rows={4}
        spellCheck={false}
        placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        help={help}
        hint={hint ?? 'Paste each certificate as PEM, or as one line of base64 per certificate.'}
        error={error}
      />
      {saved.length > 0 ? (
        <div className="saved-certificates-block">
          <p className="saved-certificates-title">Saved now:</p>
          <ul className="saved-certificates" aria-label={`${label}: saved`}>
            {saved.map((certificate, index) => (
              <li key={`${certificate.fingerprintSha256 ?? index}`}>
                <code className="fingerprint">{certificate.fingerprintSha256 ?? 'Unreadable certificate'}</code>{' '}
                <CertificateExpiry certificate={certificate} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
