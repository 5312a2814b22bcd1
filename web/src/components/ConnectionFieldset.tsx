import type { ConnectorFormValues } from '../internal/connectorForm';
import { defaultPort, isActiveDirectoryLike, SECURITY_OPTIONS } from '../internal/directoryLabels';
import type { DirectorySecurity } from '../graphql/directoryTypes';
import { CheckboxField } from './CheckboxField';
import { HostListField } from './HostListField';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

export interface ConnectorFieldsetProps {
  values: ConnectorFormValues;
  set: <K extends keyof ConnectorFormValues>(field: K, value: ConnectorFormValues[K]) => void;
  errors: Record<string, string>;
}

/** Where the directory is and how to reach it safely: hosts, port, security, certificate checks, timeouts. */
export function ConnectionFieldset({ values, set, errors }: ConnectorFieldsetProps) {
  const azure = values.type === 'AZURE_AD_DS';
  const security = azure ? 'LDAPS' : values.security;
  const port = defaultPort(security);
  const tls = security !== 'NONE';
  const ad = isActiveDirectoryLike(values.type);
  return (
    <fieldset className="form-section">
      <legend>Connection</legend>
      <HostListField
        hosts={values.hosts}
        onChange={(hosts) => set('hosts', hosts)}
        errors={errors}
        placeholder={azure ? 'ldaps.corp.example.com' : 'dc1.corp.example.com'}
        hint={
          azure ? (
            <>
              The secure LDAP DNS name of your managed domain (e.g. <code>ldaps.aaddscontoso.com</code>), from the
              Azure portal under Secure LDAP. Tried in order.
            </>
          ) : (
            <>
              Host names or IP addresses of your directory servers{ad ? ' (your domain controllers)' : ''}. They are
              tried in order: when one is down the next is used. Add <code>:port</code> to a host to override the port
              for it.
            </>
          )
        }
      />
      <div className="form-grid">
        <SelectField
          label="Security"
          name="security"
          value={security}
          onChange={(event) => {
            const next = event.target.value as DirectorySecurity;
            // A port that was only the old security's default follows the new security.
            if (values.port.trim() === String(defaultPort(security))) set('port', '');
            set('security', next);
          }}
          options={SECURITY_OPTIONS.map((option) => ({ ...option, disabled: azure && option.value !== 'LDAPS' }))}
          error={errors.security}
          hint={
            azure
              ? 'Azure AD Domain Services only accepts secure LDAP: LDAPS on port 636.'
              : 'How the connection is encrypted. LDAPS is TLS from the start; StartTLS upgrades a plain LDAP connection.'
          }
          warning={
            security === 'NONE'
              ? 'Without encryption, users’ passwords cross the network in clear text. Use it only in a test lab.'
              : undefined
          }
        />
        <TextField
          label="Port"
          name="port"
          inputMode="numeric"
          autoComplete="off"
          placeholder={`${port} (default)`}
          value={values.port}
          onChange={(event) => set('port', event.target.value)}
          error={errors.port}
          hint={`Leave empty for ${port}, the usual ${security === 'LDAPS' ? 'LDAPS' : 'LDAP'} port.${ad ? ` For the global catalog use ${security === 'LDAPS' ? 3269 : 3268}.` : ''}`}
        />
      </div>
      {tls ? (
        <>
          <TextAreaField
            label="CA certificate (optional)"
            name="caCertificatePem"
            className="field-mono"
            rows={5}
            spellCheck={false}
            placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
            value={values.caCertificatePem}
            onChange={(event) => set('caCertificatePem', event.target.value)}
            error={errors.caCertificatePem}
            hint="Needed when your own CA signed the directory’s certificate (e.g. Active Directory Certificate Services). Paste the root CA in PEM form; on Windows, export it from certlm.msc as “Base-64 encoded X.509”. Leave empty for a public CA."
          />
          <CheckboxField
            label="Verify the directory’s certificate"
            name="verifyCertificate"
            checked={values.verifyCertificate}
            onChange={(event) => set('verifyCertificate', event.target.checked)}
            error={errors.verifyCertificate}
            hint="Checks that a trusted CA signed the certificate and that it names the host connected to."
            warning={
              values.verifyCertificate
                ? undefined
                : 'Anyone on the network path could pose as your directory and collect passwords. Turn this off only to diagnose, then add the CA certificate instead.'
            }
          />
        </>
      ) : null}
      <div className="form-grid">
        <TextField
          label="Connect timeout (ms)"
          name="connectTimeoutMs"
          inputMode="numeric"
          autoComplete="off"
          placeholder="5000 (default)"
          value={values.connectTimeoutMs}
          onChange={(event) => set('connectTimeoutMs', event.target.value)}
          error={errors.connectTimeoutMs}
          hint="How long to wait for each server to answer (DNS, TCP and TLS together) before trying the next."
        />
        <TextField
          label="Operation timeout (ms)"
          name="operationTimeoutMs"
          inputMode="numeric"
          autoComplete="off"
          placeholder="10000 (default)"
          value={values.operationTimeoutMs}
          onChange={(event) => set('operationTimeoutMs', event.target.value)}
          error={errors.operationTimeoutMs}
          hint="How long one bind or search may take before the sign-in fails."
        />
      </div>
    </fieldset>
  );
}
