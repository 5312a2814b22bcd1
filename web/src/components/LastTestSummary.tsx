import type { ConnectionTestResult } from '../graphql/directoryTypes';
import { stepLabel } from '../internal/directoryLabels';
import { formatTime } from '../internal/formatTime';
import { OutcomeIcon } from './OutcomeIcon';

/** "✓ Passed" or "✗ Failed: TCP connect", with when; "Never tested" before the first test. */
export function LastTestSummary({ test }: { test: ConnectionTestResult | null }) {
  if (!test) return <span className="muted">Never tested</span>;
  const failedStep = test.steps.find((step) => step.outcome === 'failed');
  return (
    <span className="last-test" title={failedStep?.message}>
      <OutcomeIcon outcome={test.ok ? 'ok' : 'failed'} />
      <span>
        <span className={test.ok ? 'last-test-verdict text-ok' : 'last-test-verdict text-failed'}>
          {test.ok ? 'Passed' : failedStep ? `Failed: ${stepLabel(failedStep.step)}` : 'Failed'}
        </span>
        {test.testedAt ? (
          <time className="last-test-time" dateTime={test.testedAt}>
            {formatTime(test.testedAt)}
          </time>
        ) : null}
      </span>
    </span>
  );
}
