import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { ConnectionTestResult, DirectoryType } from '../graphql/directoryTypes';
import { TestDirectoryConnectorMutation } from '../graphql/TestDirectoryConnectorMutation';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';
import { ConnectionTestSteps } from './ConnectionTestSteps';
import { Icon } from './Icon';
import { TextField } from './TextField';

export interface ConnectionTestPanelProps {
  connectorId: string;
  type: DirectoryType;
  /** Shown until a new test runs. */
  lastTest: ConnectionTestResult | null;
  /** The form has changes that are not saved yet (the test uses the saved settings). */
  unsaved?: boolean;
  /** In a dialog: start on the Run test button. */
  autoFocus?: boolean;
}

/** A refreshed connector list shows the new "last test". */
const connectorsChanged = { additionalTypenames: ['DirectoryConnector'] };

/**
 * Runs the server's step-by-step connection test on the saved settings, optionally looking up
 * (and, with a password, signing in as) a test user, and shows each step as it came back.
 */
export function ConnectionTestPanel({ connectorId, type, lastTest, unsaved = false, autoFocus = false }: ConnectionTestPanelProps) {
  const [{ fetching }, runTest] = useMutation(TestDirectoryConnectorMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const outcome = await runTest(
      { id: connectorId, username: username.trim() || null, password: password || null },
      connectorsChanged,
    );
    // The password is only for this one test.
    setPassword('');
    if (outcome.error) {
      setError(describeError(outcome.error));
      return;
    }
    setResult(outcome.data?.testDirectoryConnector ?? null);
  }

  const shown = result ?? lastTest;
  const builtIn = type === 'BUILT_IN';
  return (
    <div className="test-panel">
      <form className="test-form" onSubmit={onSubmit} noValidate aria-label="Connection test">
        <p className="field-hint test-form-intro">
          {builtIn
            ? 'Checks the directory has users. Give a username to look one up, and a password to try signing in as them.'
            : 'Checks DNS, the TCP connection, TLS and its certificate, the service account, the base DN and the user search. Give a test user to look them up, and their password to try a full sign-in.'}{' '}
          The password is used once and never stored.
        </p>
        {unsaved ? (
          <Alert tone="info">The test uses the saved settings; save your changes first to test them.</Alert>
        ) : null}
        <div className="test-form-fields">
          <TextField
            label="Test username (optional)"
            name="test-username"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={error?.fields.username}
          />
          <TextField
            label="Test password (optional)"
            name="test-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={error?.fields.password}
          />
          <button type="submit" className="button" disabled={fetching} data-autofocus={autoFocus || undefined}>
            <Icon name="signal" />
            {fetching ? 'Testing…' : 'Run test'}
          </button>
        </div>
      </form>
      {error && Object.keys(error.fields).length === 0 ? <Alert title="The test could not run">{error.message}</Alert> : null}
      <div aria-live="polite" aria-busy={fetching}>
        {fetching ? (
          <p className="muted" role="status">
            Testing the connection…
          </p>
        ) : shown ? (
          <>
            {result ? null : <h3 className="test-last-title">Last test</h3>}
            <ConnectionTestSteps result={shown} />
          </>
        ) : (
          <p className="muted">This connector has not been tested yet.</p>
        )}
      </div>
    </div>
  );
}
