import type { ConnectionTestResult } from '../graphql/directoryTypes';
import { stepLabel } from '../internal/directoryLabels';
import { formatTime } from '../internal/formatTime';
import { CertificateDetails } from './CertificateDetails';
import { DirectoryProfileTable } from './DirectoryProfileTable';
import { OutcomeIcon } from './OutcomeIcon';

/** A connection test's verdict and every step as the server ran it, with hints where something failed. */
export function ConnectionTestSteps({ result }: { result: ConnectionTestResult }) {
  const failed = result.steps.filter((step) => step.outcome === 'failed').length;
  return (
    <div className="test-result">
      <p className={result.ok ? 'test-verdict test-verdict-ok' : 'test-verdict test-verdict-failed'}>
        <OutcomeIcon outcome={result.ok ? 'ok' : 'failed'} />
        <span>
          <strong>{result.ok ? 'All checks passed' : `${failed === 1 ? 'One check' : `${failed} checks`} failed`}</strong>
          <span className="muted">
            {' '}
            in {result.durationMs} ms{result.testedAt ? ` · ${formatTime(result.testedAt)}` : ''}
          </span>
        </span>
      </p>
      <ol className="test-steps">
        {result.steps.map((step, index) => (
          <li key={`${step.step}-${step.host ?? ''}-${index}`} className={`test-step test-step-${step.outcome}`}>
            <OutcomeIcon outcome={step.outcome} />
            <div className="test-step-body">
              <p className="test-step-title">
                <strong>{stepLabel(step.step)}</strong>
                {step.host ? (
                  <span className="test-step-host">
                    <code>{step.host}</code>
                  </span>
                ) : null}
                <span className="test-step-duration">{step.outcome === 'skipped' ? 'skipped' : `${step.durationMs} ms`}</span>
              </p>
              <p className="test-step-message">{step.message}</p>
              {step.reason ? (
                <p className="muted">
                  Reason: <code>{step.reason}</code>
                </p>
              ) : null}
              {step.hint ? (
                <p className={step.outcome === 'failed' ? 'test-hint test-hint-failed' : 'test-hint'}>
                  <strong>{step.outcome === 'failed' ? 'How to fix it: ' : 'Note: '}</strong>
                  {step.hint}
                </p>
              ) : null}
              {step.certificate ? <CertificateDetails certificate={step.certificate} /> : null}
              {step.sampleUsers && step.sampleUsers.length > 0 ? (
                <DirectoryProfileTable profiles={step.sampleUsers} caption="Sample users as Countersign maps them" />
              ) : null}
              {step.profile ? (
                <DirectoryProfileTable
                  profiles={[step.profile]}
                  caption={step.step === 'SIGN_IN' ? 'The profile this sign-in produces' : 'The user as Countersign maps them'}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
