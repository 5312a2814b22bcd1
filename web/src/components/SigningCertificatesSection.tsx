import { useState } from 'react';
import { useMutation } from 'urql';
import { GenerateNextSigningKeyMutation } from '../graphql/GenerateNextSigningKeyMutation';
import { RemovePreviousSigningKeyMutation } from '../graphql/RemovePreviousSigningKeyMutation';
import { RotateSigningKeyMutation } from '../graphql/RotateSigningKeyMutation';
import type { SamlConnector } from '../graphql/samlTypes';
import { describeError } from '../internal/describeError';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { Alert } from './Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { Icon } from './Icon';
import { SigningCertificateCard } from './SigningCertificateCard';

type KeyAction = 'generate' | 'rotate' | 'remove';

/**
 * The connector's signing certificates (current, next, previous) and the key rollover: generate
 * the next key, publish it, rotate, then remove the previous one. Each step asks first.
 */
export function SigningCertificatesSection({ connector, titleId }: { connector: SamlConnector; titleId: string }) {
  const [asking, setAsking] = useState<KeyAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [generate, generateNext] = useMutation(GenerateNextSigningKeyMutation);
  const [rotate, rotateKey] = useMutation(RotateSigningKeyMutation);
  const [remove, removePrevious] = useMutation(RemovePreviousSigningKeyMutation);
  const office365 = connector.kind === 'OFFICE_365';
  const next = connector.nextSigningCertificate;
  const previous = connector.previousSigningCertificate;

  const ask = (action: KeyAction) => {
    setError(null);
    setNotice(null);
    setAsking(action);
  };

  async function confirm(action: KeyAction) {
    const variables = { connectorId: connector.id };
    const result =
      action === 'generate' ? await generateNext(variables) : action === 'rotate' ? await rotateKey(variables) : await removePrevious(variables);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    setAsking(null);
    setNotice(
      action === 'generate'
        ? office365
          ? 'The next key was generated. Run the certificate rollover script (Stage) so Entra ID trusts it, then rotate.'
          : 'The next key was generated. Give its certificate to the service provider (or let it re-read the metadata), then rotate.'
        : action === 'rotate'
          ? 'Countersign now signs with the new key. Remove the previous one once the service provider no longer needs it.'
          : 'The previous certificate is no longer published.',
    );
  }

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Signing certificates</h2>
          <p className="page-intro">
            Countersign signs its answers with the current key. To replace it: generate the next key, publish its
            certificate to the service provider, rotate, then remove the previous one.
          </p>
        </div>
        <div className="section-actions">
          <button type="button" className="button button-secondary" onClick={() => ask('generate')}>
            <Icon name="key" /> Generate next key
          </button>
          <button type="button" className="button button-secondary" onClick={() => ask('rotate')} disabled={!next}>
            <Icon name="rotate" /> Rotate
          </button>
          <button type="button" className="button button-secondary" onClick={() => ask('remove')} disabled={!previous}>
            <Icon name="trash" /> Remove previous
          </button>
        </div>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="cert-cards">
        <SigningCertificateCard title="Current" tone="current" help={SAML_FIELD_HELP.signingCertificate} certificate={connector.signingCertificate} empty="" />
        <SigningCertificateCard
          title="Next"
          tone="next"
          help={SAML_FIELD_HELP.nextSigningCertificate}
          certificate={next}
          empty="None yet. Generate it a few weeks before the current one expires."
        />
        <SigningCertificateCard
          title="Previous"
          tone="previous"
          help={SAML_FIELD_HELP.previousSigningCertificate}
          certificate={previous}
          empty="None: no rotation to clean up after."
        />
      </div>

      {asking === 'generate' ? (
        <ConfirmDialog
          title="Generate the next signing key?"
          confirmLabel="Generate next key"
          busyLabel="Generating…"
          busy={generate.fetching}
          tone="primary"
          error={error}
          onConfirm={() => confirm('generate')}
          onCancel={() => setAsking(null)}
        >
          <p>Countersign keeps signing with the current key until you rotate.</p>
          {next ? (
            <p>
              <strong>This replaces the next key not yet in use.</strong> If you already gave its certificate to the
              service provider, give it the new one instead.
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
      {asking === 'rotate' ? (
        <ConfirmDialog
          title="Rotate to the next signing key?"
          confirmLabel="Rotate now"
          busyLabel="Rotating…"
          busy={rotate.fetching}
          error={error}
          onConfirm={() => confirm('rotate')}
          onCancel={() => setAsking(null)}
        >
          <p>
            From now on every answer is signed with the next key. If the service provider does not trust its certificate
            yet, <strong>users of this application will not be able to sign in</strong>.
          </p>
          <p>
            {office365
              ? 'For Office 365, run the certificate rollover script (Stage) first and wait for Entra ID to accept it.'
              : 'Make sure the service provider has the next certificate (from the metadata URL or by copying it above).'}
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === 'remove' ? (
        <ConfirmDialog
          title="Remove the previous signing certificate?"
          confirmLabel="Remove previous"
          busyLabel="Removing…"
          busy={remove.fetching}
          error={error}
          onConfirm={() => confirm('remove')}
          onCancel={() => setAsking(null)}
        >
          <p>It is no longer published in the metadata. Its key signs nothing any more, so sign-ins are not affected.</p>
          <p>This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
