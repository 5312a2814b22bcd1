import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { AuditRetentionQuery } from '../graphql/AuditRetentionQuery';
import { CheckAuditRetentionInputQuery } from '../graphql/CheckAuditRetentionInputQuery';
import { useServerCheck } from '../hooks/useServerCheck';
import { SetAuditRetentionMutation } from '../graphql/SetAuditRetentionMutation';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { LoadingStatus } from './LoadingStatus';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { SettingsFormFooter } from './SettingsFormFooter';
import { TextField } from './TextField';

const MAX_DAYS = 3650;

/**
 * How many days of audit history the dashboard, the API and exports show; empty keeps
 * everything. The server's message shows under the box as the admin types.
 */
export function AuditRetentionSection({ titleId, canEdit }: { titleId: string; canEdit: boolean }) {
  const [{ data, error }, reexecute] = useQuery({ query: AuditRetentionQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching }, setRetention] = useMutation(SetAuditRetentionMutation);
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const loaded = data !== undefined;
  const saved = data?.auditRetentionDays ?? null;
  const shown = draft ?? (saved === null ? '' : String(saved));
  // Only whole numbers reach the server (GraphQL refuses others); it says which are allowed.
  const typed = shown.trim() === '' ? null : /^-?\d{1,9}$/.test(shown.trim()) ? Number(shown.trim()) : undefined;
  const live = useServerCheck(CheckAuditRetentionInputQuery, canEdit && typed !== undefined ? { days: typed } : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setNotice(null);
    setProblem(null);
    const text = shown.trim();
    const days = text ? Number(text) : null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
      setFieldError(`Keep between 1 and ${MAX_DAYS} days, or leave it empty to keep everything.`);
      setRound((n) => n + 1);
      return;
    }
    const result = await setRetention({ days });
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setFieldError(fields.days);
      setProblem(fields.days ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    setFieldError(undefined);
    setDraft(null);
    live.reset();
    // The answer is a bare number, which the document cache cannot tie to the query.
    reexecute({ requestPolicy: 'network-only' });
    const kept = result.data?.setAuditRetention ?? null;
    setNotice(kept === null ? 'Saved: the audit history shows every event.' : `Saved: the audit history shows the last ${kept} days.`);
  }

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Audit retention</h2>
          <p className="page-intro">How far back the Audit page, the API and exports go.</p>
        </div>
      </div>
      <Alert tone="info">
        The event store keeps every event: this setting hides older events from queries and exports and drops them
        from the read models, but deletes nothing from the event store (its own retention policy applies).
      </Alert>
      {error ? <Alert title="The retention could not be loaded">{describeError(error).message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {loaded ? (
        <form ref={formRef} className="form settings-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-labelledby={titleId}>
          <ServerCheckAnnouncer text={live.announcement} />
          <TextField
            label="Days of history to show (optional)"
            name="days"
            type="number"
            inputMode="numeric"
            className="field-narrow"
            min={1}
            max={MAX_DAYS}
            placeholder="Keep everything"
            readOnly={!canEdit}
            value={shown}
            onChange={(event) => {
              setDraft(event.target.value);
              live.touch('days');
              setFieldError(undefined);
            }}
            error={fieldError ?? live.errors.days}
            hint={`1 to ${MAX_DAYS}. Leave it empty to show every event. Now: ${saved === null ? 'every event' : `the last ${saved} days`}.`}
          />
          <SettingsFormFooter
            canEdit={canEdit}
            saving={fetching}
            dirty={draft !== null}
            saveLabel="Save retention"
            readOnlyNote="Your role can read this setting but not change it."
          />
        </form>
      ) : !error ? (
        <LoadingStatus>Loading…</LoadingStatus>
      ) : null}
    </>
  );
}
