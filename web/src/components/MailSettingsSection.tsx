import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckMailSettingsInputQuery } from '../graphql/CheckMailSettingsInputQuery';
import { ClearMailSettingsMutation } from '../graphql/ClearMailSettingsMutation';
import { MailSettingsQuery } from '../graphql/MailSettingsQuery';
import type { OutgoingMail, SmtpSecurity, TestEmailResult } from '../graphql/mailSettingsTypes';
import { SendTestEmailMutation } from '../graphql/SendTestEmailMutation';
import { UpdateMailSettingsMutation } from '../graphql/UpdateMailSettingsMutation';
import { useServerCheck } from '../hooks/useServerCheck';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { deliverySentence, mailSettingsFormValues, mailSettingsInput, USUAL_PORT, type MailSettingsFormValues } from '../internal/mailSettingsForm';
import { saveProblem } from '../internal/saveProblem';
import { Alert } from './Alert';
import { CheckboxField } from './CheckboxField';
import { ConfirmDialog } from './ConfirmDialog';
import { LoadingStatus } from './LoadingStatus';
import { NotSavedAlert } from './NotSavedAlert';
import { SelectField } from './SelectField';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';

const FIELDS = ['host', 'port', 'security', 'username', 'password', 'fromAddress', 'fromName', 'replyTo'] as const;
const SECURITY_OPTIONS: { value: SmtpSecurity; label: string }[] = [
  { value: 'STARTTLS', label: 'STARTTLS (port 587)' },
  { value: 'TLS', label: 'TLS (port 465)' },
  { value: 'NONE', label: 'None: no encryption' },
];

/** The form (checked by the server as the admin types), the test email, and the confirmation before going back to the default. */
function MailSettingsForm({ mail, canEdit, titleId, defaultTo }: { mail: OutgoingMail; canEdit: boolean; titleId: string; defaultTo: string }) {
  const initial = mailSettingsFormValues(mail.settings);
  const [values, setValues] = useState<MailSettingsFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [confirmClear, setConfirmClear] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const [to, setTo] = useState(defaultTo);
  const [test, setTest] = useState<TestEmailResult | null>(null);
  const [testError, setTestError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching: saving }, update] = useMutation(UpdateMailSettingsMutation);
  const [{ fetching: clearing }, clear] = useMutation(ClearMailSettingsMutation);
  const [{ fetching: testing }, sendTest] = useMutation(SendTestEmailMutation);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const passwordSet = mail.settings?.passwordSet ?? false;
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  // A port that is not a whole number is the browser's to explain (GraphQL refuses it); the server judges the rest.
  const live = useServerCheck(CheckMailSettingsInputQuery, canEdit && /^\d{1,9}$/.test(values.port.trim()) ? { input: mailSettingsInput(values) } : null);
  const fieldErrors = { ...live.errors, ...errors };
  const forget = (field: string) => {
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };
  const set = <K extends keyof MailSettingsFormValues>(field: K, value: MailSettingsFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    forget(field);
  };
  const setSecurity = (security: SmtpSecurity) => {
    setValues((current) => ({ ...current, security, port: current.port === USUAL_PORT[current.security] || !current.port ? USUAL_PORT[security] : current.port }));
    forget('security');
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setNotice(null);
    setTest(null);
    const result = await update({ input: mailSettingsInput(values) });
    if (result.error) {
      const failed = saveProblem(result.error);
      setErrors(failed.fields);
      setProblem(failed.message);
      setRound((n) => n + 1);
      return;
    }
    setErrors({});
    setProblem(null);
    live.reset();
    setValues(mailSettingsFormValues(result.data!.updateMailSettings.settings));
    setNotice(`Saved. ${deliverySentence(result.data!.updateMailSettings)} Send a test email to check it works.`);
  }

  async function onClear() {
    setClearError(null);
    const result = await clear({});
    if (result.error) return setClearError(describeError(result.error).message);
    setConfirmClear(false);
    live.reset();
    setValues(mailSettingsFormValues(null));
    setNotice(`Mail settings removed. ${deliverySentence(result.data!.clearMailSettings)}`);
  }

  async function onTest() {
    setTest(null);
    setTestError(undefined);
    const result = await sendTest({ to });
    if (result.error) {
      const info = describeError(result.error);
      return setTestError(info.fields.to ?? info.message);
    }
    setTest(result.data!.sendTestEmail);
  }

  const shown = Object.keys(errors).filter((f) => (FIELDS as readonly string[]).includes(f)).length;
  const elsewhere = Object.entries(errors).filter(([f]) => !(FIELDS as readonly string[]).includes(f) && f !== 'clearPassword');
  return (
    <>
      <p className={`mail-in-effect mail-in-effect-${mail.delivery.toLowerCase()}`} role="status">
        {deliverySentence(mail)}
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <NotSavedAlert title="The mail settings were not saved" problem={problem} fieldCount={shown} elsewhere={elsewhere} />
      <form ref={formRef} className="form settings-form mail-settings-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-labelledby={titleId}>
        <ServerCheckAnnouncer text={live.announcement} />
        <fieldset className="form-section" disabled={!canEdit}>
          <legend>Your mail server</legend>
          <div className="form-grid mail-server-grid">
            <TextField
              label="SMTP host"
              name="host"
              autoComplete="off"
              spellCheck={false}
              placeholder="smtp.example.com"
              value={values.host}
              onChange={(event) => set('host', event.target.value)}
              error={fieldErrors.host}
              help="The host name or IP address of the server that sends your mail, without smtp:// and without the port. Your mail provider lists it as the SMTP or outgoing server."
            />
            <TextField
              label="Port"
              name="port"
              type="number"
              inputMode="numeric"
              min={1}
              max={65535}
              value={values.port}
              onChange={(event) => set('port', event.target.value)}
              error={fieldErrors.port}
              help="587 for STARTTLS (most providers), 465 for TLS from the start, 25 for a relay inside your network."
            />
            <SelectField
              label="Security"
              name="security"
              value={values.security}
              options={SECURITY_OPTIONS}
              onChange={(event) => setSecurity(event.target.value as SmtpSecurity)}
              error={fieldErrors.security}
              help="STARTTLS connects in plain text and upgrades to TLS, refusing a server that cannot. TLS encrypts from the first byte. The server's certificate is always checked."
            />
          </div>
          {values.security === 'NONE' ? (
            <p className="field-warning mail-none-warning" role="note">
              Without encryption, the password and every email — with enrollment links and activation codes — cross the network
              readable. Use it only for a relay on your own network.
            </p>
          ) : null}
          <div className="form-grid">
            <TextField
              label="Username (optional)"
              name="username"
              autoComplete="off"
              spellCheck={false}
              value={values.username}
              onChange={(event) => set('username', event.target.value)}
              error={fieldErrors.username}
              help="The login your mail provider gave you for sending, often the full mailbox address. Leave empty for a relay that takes mail without a login."
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              placeholder={passwordSet ? 'Stored — leave empty to keep it' : ''}
              value={values.password}
              disabled={values.clearPassword}
              onChange={(event) => set('password', event.target.value)}
              error={fieldErrors.password}
              help="Sealed with the server's master key before it is stored, and never shown again. For Microsoft 365 or Gmail use an app password."
              hint={passwordSet ? 'A password is stored. Type a new one to replace it.' : undefined}
            />
          </div>
          {passwordSet ? (
            <CheckboxField
              label="Remove the stored password"
              name="clearPassword"
              checked={values.clearPassword}
              onChange={(event) => setValues((current) => ({ ...current, clearPassword: event.target.checked, password: '' }))}
            />
          ) : null}
        </fieldset>
        <fieldset className="form-section" disabled={!canEdit}>
          <legend>Sender</legend>
          <div className="form-grid">
            <TextField
              label="From address"
              name="fromAddress"
              type="email"
              autoComplete="off"
              placeholder="it-help@example.com"
              value={values.fromAddress}
              onChange={(event) => set('fromAddress', event.target.value)}
              error={fieldErrors.fromAddress}
              help="Every email to your users comes from this address. Your server must be allowed to send as it, or it may refuse the message or land it in spam."
            />
            <TextField
              label="Sender name (optional)"
              name="fromName"
              autoComplete="off"
              placeholder="Example IT"
              value={values.fromName}
              onChange={(event) => set('fromName', event.target.value)}
              error={fieldErrors.fromName}
              help="The name mail programs show instead of the bare address."
            />
            <TextField
              label="Reply-to address (optional)"
              name="replyTo"
              type="email"
              autoComplete="off"
              placeholder="help@example.com"
              value={values.replyTo}
              onChange={(event) => set('replyTo', event.target.value)}
              error={fieldErrors.replyTo}
              help="Where a user's reply goes, e.g. your help desk, when the From address is not read."
            />
          </div>
        </fieldset>
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving || !dirty}>
              {saving ? 'Saving…' : 'Save mail settings'}
            </button>
            {mail.settings ? (
              <button type="button" className="button button-secondary" onClick={() => setConfirmClear(true)}>
                Use the server’s default
              </button>
            ) : null}
            {dirty ? <span className="muted">You have unsaved changes.</span> : null}
          </div>
        ) : (
          <p className="muted">Your role can read these settings but not change them.</p>
        )}
      </form>

      {canEdit ? (
        <div className="mail-test" aria-label="Test email" role="group">
          <h3>Send a test email</h3>
          <p className="muted">Sends one email now through {mail.server ?? 'the outbox folder'}{dirty ? ' (the saved settings, not your unsaved changes)' : ''}, waiting at most 10 seconds per step.</p>
          <div className="mail-test-row">
            <TextField label="Send the test to" name="testTo" type="email" autoComplete="email" value={to} onChange={(event) => setTo(event.target.value)} error={testError} />
            <button type="button" className="button button-secondary" onClick={onTest} disabled={testing || !to.trim()}>
              {testing ? 'Sending…' : 'Send test email'}
            </button>
          </div>
          {test ? (
            <Alert tone={test.ok ? 'success' : 'error'} title={test.ok ? 'Test email sent' : 'The test email was not sent'}>
              {test.message}
            </Alert>
          ) : null}
        </div>
      ) : null}

      {confirmClear ? (
        <ConfirmDialog
          title="Use the server’s default mail settings?"
          confirmLabel="Remove my mail settings"
          busyLabel="Removing…"
          busy={clearing}
          error={clearError}
          onConfirm={onClear}
          onCancel={() => setConfirmClear(false)}
        >
          <p>
            Countersign forgets your server {mail.server} and its password. From now on your users’ emails{' '}
            {mail.delivery === 'ORGANISATION_SMTP' ? 'go through the mail server this Countersign is set up with or, without one, to its outbox folder' : 'use the default'}.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** Settings › Outgoing mail: which mail server is in effect, your own SMTP server, and a test email. */
export function MailSettingsSection({ titleId, canEdit, adminEmail }: { titleId: string; canEdit: boolean; adminEmail: string }) {
  const [{ data, error }] = useQuery({ query: MailSettingsQuery, requestPolicy: 'cache-and-network' });
  const mail = data?.mailSettings;
  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Outgoing mail (SMTP)</h2>
          <p className="page-intro">
            The server that sends token packs, activation codes and password links to your users. Without your own, mail goes
            through the server’s default.
          </p>
        </div>
      </div>
      {error ? <Alert title="The mail settings could not be loaded">{describeError(error).message}</Alert> : null}
      {mail ? (
        <MailSettingsForm mail={mail} canEdit={canEdit} titleId={titleId} defaultTo={adminEmail} />
      ) : !error ? (
        <LoadingStatus>Loading…</LoadingStatus>
      ) : null}
    </>
  );
}
