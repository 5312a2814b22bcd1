import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckSignInPolicyInputQuery } from '../graphql/CheckSignInPolicyInputQuery';
import { SignInPolicyQuery } from '../graphql/SignInPolicyQuery';
import { useServerCheck } from '../hooks/useServerCheck';
import { UpdateSignInPolicyMutation } from '../graphql/UpdateSignInPolicyMutation';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { LoadingStatus } from './LoadingStatus';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { SettingsFormFooter } from './SettingsFormFooter';
import { TextField } from './TextField';

function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** A whole number typed in a box (any size: the server says which are allowed), or null. */
function integerOf(text: string): number | null {
  return /^-?\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * The sign-in lockout: how many wrong passwords, in how many minutes, before sign-in waits.
 * The server's messages show under the boxes as the admin types.
 */
export function SignInPolicySection({ titleId, canEdit }: { titleId: string; canEdit: boolean }) {
  const [{ data, error }] = useQuery({ query: SignInPolicyQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching }, update] = useMutation(UpdateSignInPolicyMutation);
  const policy = data?.signInPolicy;
  const [values, setValues] = useState<{ maxFailures: string; windowMinutes: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const shown = values ?? (policy ? { maxFailures: String(policy.maxFailures), windowMinutes: String(policy.windowMinutes) } : null);
  const typed = shown && { maxFailures: integerOf(shown.maxFailures), windowMinutes: integerOf(shown.windowMinutes) };
  const live = useServerCheck(
    CheckSignInPolicyInputQuery,
    canEdit && typed?.maxFailures != null && typed.windowMinutes != null ? { maxFailures: typed.maxFailures, windowMinutes: typed.windowMinutes } : null,
  );
  const fieldErrors = { ...live.errors, ...errors };
  const edit = (field: 'maxFailures' | 'windowMinutes', text: string) => {
    if (!shown) return;
    setValues({ ...shown, [field]: text });
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!shown) return;
    live.submitted();
    setNotice(null);
    setProblem(null);
    const maxFailures = wholeNumber(shown.maxFailures, 3, 100);
    const windowMinutes = wholeNumber(shown.windowMinutes, 1, 1440);
    const local: Record<string, string> = {};
    if (maxFailures === null) local.maxFailures = 'Allow between 3 and 100 wrong passwords.';
    if (windowMinutes === null) local.windowMinutes = 'Use between 1 minute and 24 hours (1440).';
    if (maxFailures === null || windowMinutes === null) {
      setErrors(local);
      setRound((n) => n + 1);
      return;
    }
    const result = await update({ maxFailures, windowMinutes });
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    setErrors({});
    setValues(null);
    live.reset();
    setNotice(`Saved: sign-in waits ${windowMinutes} minutes after ${maxFailures} wrong passwords.`);
  }

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Sign-in lockout</h2>
          <p className="page-intro">
            Slows down password guessing on the sign-in page. Counted per user and per client address; a correct
            password resets the count.
          </p>
        </div>
      </div>
      {error ? <Alert title="The lockout policy could not be loaded">{describeError(error).message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {shown ? (
        <form ref={formRef} className="form settings-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-labelledby={titleId}>
          <ServerCheckAnnouncer text={live.announcement} />
          <div className="form-grid settings-grid">
            <TextField
              label="Wrong passwords allowed"
              name="maxFailures"
              type="number"
              inputMode="numeric"
              min={3}
              max={100}
              readOnly={!canEdit}
              value={shown.maxFailures}
              onChange={(event) => edit('maxFailures', event.target.value)}
              error={fieldErrors.maxFailures}
              hint="3 to 100. One more within the window and sign-in waits."
            />
            <TextField
              label="Window (minutes)"
              name="windowMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              readOnly={!canEdit}
              value={shown.windowMinutes}
              onChange={(event) => edit('windowMinutes', event.target.value)}
              error={fieldErrors.windowMinutes}
              hint="1 to 1440. How far back wrong passwords count, and how long the wait lasts."
            />
          </div>
          <SettingsFormFooter
            canEdit={canEdit}
            saving={fetching}
            dirty={values !== null}
            saveLabel="Save lockout"
            readOnlyNote="Your role can read this policy but not change it."
          />
        </form>
      ) : !error ? (
        <LoadingStatus>Loading…</LoadingStatus>
      ) : null}
    </>
  );
}
