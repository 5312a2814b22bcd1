import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { SendTokenPackMutation } from '../graphql/SendTokenPackMutation';
import type { TokenPack, TokenPackSend } from '../graphql/tokenPackTypes';
import { useTokenPackSends } from '../hooks/useTokenPackSends';
import { describeError } from '../internal/describeError';
import { emailList } from '../internal/emailList';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './FormDialogFooter';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import { TokenPackSendsTable } from './TokenPackSendsTable';

const MAX_DAYS = 90;
const sendsChanged = { additionalTypenames: ['TokenPackSend', 'TokenPack'] };

function daysProblem(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const days = Number(text);
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? undefined : `Enter a whole number of days from 1 to ${MAX_DAYS}, or leave it empty for 14.`;
}

/** The sends just queued, with the status the page last heard for each. */
function Results({ pack, queued }: { pack: TokenPack; queued: TokenPackSend[] }) {
  const { sends, refresh } = useTokenPackSends(pack.id);
  const latest = new Map(sends.map((send) => [send.id, send]));
  const rows = queued.map((send) => latest.get(send.id) ?? send);
  const sent = rows.filter((send) => send.status === 'SENT').length;
  const failed = rows.filter((send) => send.status === 'FAILED').length;
  const stillQueued = rows.length - sent - failed;
  return (
    <>
      <Alert tone={failed > 0 ? 'error' : stillQueued > 0 ? 'info' : 'success'}>
        {stillQueued > 0
          ? `${rows.length === 1 ? 'One email' : `${rows.length} emails`} queued; ${sent} sent so far. Each status updates here as the mail worker sends it.`
          : failed > 0
            ? `${sent} of ${rows.length} sent, ${failed} failed — see why below.`
            : rows.length === 1
              ? 'The email was sent.'
              : `All ${rows.length} emails were sent.`}
      </Alert>
      <TokenPackSendsTable sends={rows} caption={`Emails of “${pack.name}” just sent`} />
      {stillQueued > 0 ? (
        <p className="sends-refresh muted">
          Checking every few seconds while any is queued ·{' '}
          <button type="button" className="link-button" onClick={refresh}>
            Check now
          </button>
        </p>
      ) : null}
    </>
  );
}

/** Emails a token pack to one or more addresses and follows what became of each email. */
export function SendTokenPackDialog({ pack, onClose }: { pack: TokenPack; onClose: () => void }) {
  const [{ fetching }, send] = useMutation(SendTokenPackMutation);
  const [emails, setEmails] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [queued, setQueued] = useState<TokenPackSend[] | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const addresses = emailList(emails);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const local: Record<string, string> = {};
    if (addresses.length === 0) local.emails = 'Enter at least one email address.';
    const dayProblem = daysProblem(days);
    if (dayProblem) local.expiresInDays = dayProblem;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setRound((n) => n + 1);
      return;
    }
    const result = await send({ tokenPackId: pack.id, emails: addresses, expiresInDays: days.trim() ? Number(days) : null }, sendsChanged);
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      const shown = { emails: fields.emails, expiresInDays: fields.expiresInDays };
      setErrors(Object.fromEntries(Object.entries(shown).filter(([, v]) => v)) as Record<string, string>);
      // Anything not about these two fields (e.g. no primary directory) goes on top.
      setProblem(shown.emails || shown.expiresInDays ? null : (fields.primaryDirectoryId ?? info.message));
      setRound((n) => n + 1);
      return;
    }
    setErrors({});
    setQueued(result.data?.sendTokenPack ?? []);
  }

  if (queued) {
    return (
      // A new dialog (key), so focus starts on Done rather than on the vanished Send button.
      <Dialog
        key="results"
        title={`Send “${pack.name}”`}
        onClose={onClose}
        size="large"
        footer={
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setQueued(null);
                setEmails('');
              }}
            >
              Send to more addresses
            </button>
            <button type="button" className="button" onClick={onClose} data-autofocus>
              Done
            </button>
          </>
        }
      >
        <Results pack={pack} queued={queued} />
      </Dialog>
    );
  }

  return (
    <Dialog
      key="form"
      title={`Send “${pack.name}”`}
      onClose={onClose}
      size="large"
      footer={<FormDialogFooter formId="send-token-pack" busy={fetching} label={addresses.length > 1 ? `Send ${addresses.length} emails` : 'Send email'} busyLabel="Sending…" onCancel={onClose} />}
    >
      <form id="send-token-pack" ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Alert>{problem}</Alert> : null}
        {!pack.primaryDirectoryName ? (
          <Alert tone="info" title="Choose a primary directory first">
            Users sign in to it when they enrol; this pack has none, so the server will refuse to send it.
          </Alert>
        ) : null}
        <p className="muted">
          Each address gets its own email with a QR code and an “open on this phone” link to enrol the Countersign
          authenticator, signing in to <strong>{pack.primaryDirectoryName ?? 'the primary directory'}</strong>.
        </p>
        <TextAreaField
          label="Email addresses"
          name="emails"
          rows={5}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          placeholder={'alice@example.com\nbob@example.com'}
          value={emails}
          onChange={(event) => setEmails(event.target.value)}
          error={errors.emails}
          hint={
            addresses.length > 0
              ? `${addresses.length} ${addresses.length === 1 ? 'address' : 'addresses'} (one per line or separated by commas; at most 100).`
              : 'One per line or separated by commas; at most 100 at a time.'
          }
        />
        <TextField
          label="Link works for (days, optional)"
          name="expiresInDays"
          className="field-narrow"
          inputMode="numeric"
          placeholder="14"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={errors.expiresInDays}
          hint={`1 to ${MAX_DAYS}; 14 when left empty.`}
        />
      </form>
    </Dialog>
  );
}
