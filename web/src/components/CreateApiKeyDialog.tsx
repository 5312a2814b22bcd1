import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CheckApiKeyInputQuery } from '../graphql/CheckApiKeyInputQuery';
import { CreateApiKeyMutation } from '../graphql/CreateApiKeyMutation';
import type { ApiScope, CreatedApiKey } from '../graphql/settingsTypes';
import { useServerCheck } from '../hooks/useServerCheck';
import { API_SCOPES } from '../internal/apiScopes';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { CheckboxField } from './CheckboxField';
import { CopyButton } from './CopyButton';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './FormDialogFooter';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';

const keysChanged = { additionalTypenames: ['ApiKey'] };

/** The new key's token, shown this once, with a Copy button. */
function TokenOnce({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  return (
    <Dialog
      key="token"
      title={`API key “${created.apiKey.name}” created`}
      onClose={onClose}
      alert
      footer={
        <button type="button" className="button" onClick={onClose}>
          I have stored the token
        </button>
      }
    >
      <Alert tone="info" title="Copy the token now: you will not see it again">
        Countersign keeps only a hash of it. If it is lost, revoke this key and create a new one.
      </Alert>
      <div className="token-once">
        <code className="token-value" tabIndex={0} aria-label="API key token">
          {created.token}
        </code>
        <CopyButton text={created.token} label="Copy token" className="button" />
      </div>
      <p className="muted">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/graphql</code> or <code>/api/audit/export</code>.
      </p>
    </Dialog>
  );
}

/** Creates an API key from a name and scopes (checked by the server as the owner types), then shows its token once. */
export function CreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const [{ fetching }, create] = useMutation(CreateApiKeyMutation);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['AUDIT_READ']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const live = useServerCheck(CheckApiKeyInputQuery, { name: name.trim(), scopes });
  const shown = { ...live.errors, ...errors };
  const forget = (field: string) =>
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setProblem(null);
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Name the key after the integration that will use it, e.g. “SIEM export”.';
    if (scopes.length === 0) local.scopes = 'Choose at least one thing the key may do.';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setRound((n) => n + 1);
      return;
    }
    const result = await create({ name: name.trim(), scopes }, keysChanged);
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    if (result.data) setCreated(result.data.createApiKey);
  }

  if (created) return <TokenOnce created={created} onClose={onClose} />;

  const toggle = (scope: ApiScope, on: boolean) => {
    setScopes((current) => API_SCOPES.map((s) => s.value).filter((s) => (s === scope ? on : current.includes(s))));
    live.touch('scopes');
    forget('scopes');
  };
  return (
    <Dialog
      key="form"
      title="New API key"
      onClose={onClose}
      footer={<FormDialogFooter formId="new-api-key" busy={fetching} label="Create API key" busyLabel="Creating…" onCancel={onClose} />}
    >
      <form id="new-api-key" ref={formRef} className="form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate>
        <ServerCheckAnnouncer text={live.announcement} />
        {problem ? <Alert>{problem}</Alert> : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            live.touch('name');
            forget('name');
          }}
          error={shown.name}
          hint="Who or what uses it, e.g. “SIEM export”; shown in the audit history."
        />
        <fieldset className="scope-list" aria-describedby={shown.scopes ? 'scopes-error' : undefined}>
          <legend>What it may do</legend>
          {API_SCOPES.map((scope, index) => (
            <CheckboxField
              key={scope.value}
              label={scope.label}
              name="scopes"
              value={scope.value}
              checked={scopes.includes(scope.value)}
              onChange={(event) => toggle(scope.value, event.target.checked)}
              hint={scope.hint}
              aria-invalid={shown.scopes && index === 0 ? true : undefined}
            />
          ))}
          {shown.scopes ? (
            <p id="scopes-error" className="field-error">
              {shown.scopes}
            </p>
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
