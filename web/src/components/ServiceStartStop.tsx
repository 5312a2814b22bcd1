import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { StartServiceMutation } from '../graphql/StartServiceMutation';
import { StopServiceMutation } from '../graphql/StopServiceMutation';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';
import { Icon } from './Icon';

/** Why a start was refused: the server's message and what keeps the service from starting. */
interface Refusal {
  message: string;
  blockers: string[];
}

/**
 * START / STOP for one service. Stopping asks first, since users then cannot sign in; a refused
 * start says what keeps the service from starting, with a link to fix it.
 */
export function ServiceStartStop({ service, editLink = true }: { service: ServiceInstance; editLink?: boolean }) {
  const [start, startService] = useMutation(StartServiceMutation);
  const [stop, stopService] = useMutation(StopServiceMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [asking, setAsking] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const started = service.state === 'STARTED';

  async function onStart() {
    setRefusal(null);
    const result = await startService({ id: service.id });
    if (!result.error) return;
    const info = describeError(result.error);
    const fields = Object.values(info.fields);
    setRefusal({ message: fields.length > 0 ? `“${service.name}” was not started.` : info.message, blockers: fields.length > 0 ? fields : service.startBlockers });
  }

  async function onStop() {
    setStopError(null);
    const result = await stopService({ id: service.id });
    if (result.error) {
      setStopError(describeError(result.error).message);
      return;
    }
    setAsking(false);
  }

  return (
    <div className="start-stop">
      {started ? (
        <button type="button" className="button button-secondary start-stop-button" onClick={() => setAsking(true)} disabled={stop.fetching}>
          <Icon name="stop" /> Stop<span className="visually-hidden"> {service.name}</span>
        </button>
      ) : (
        <button type="button" className="button start-stop-button" onClick={onStart} disabled={start.fetching}>
          <Icon name="play" /> {start.fetching ? 'Starting…' : 'Start'}
          <span className="visually-hidden"> {service.name}</span>
        </button>
      )}
      {refusal && !started ? (
        <div className="start-refusal" role="alert">
          <p className="alert-title">{refusal.message}</p>
          {refusal.blockers.length > 0 ? (
            <ul>
              {refusal.blockers.map((blocker) => (
                <li key={blocker}>{blocker}</li>
              ))}
            </ul>
          ) : null}
          {editLink ? (
            <p>
              <Link to={`/services/${service.id}`}>Choose the connectors</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Stop “${service.name}”?`}
          confirmLabel="Stop service"
          busyLabel="Stopping…"
          busy={stop.fetching}
          error={stopError}
          onConfirm={onStop}
          onCancel={() => setAsking(false)}
        >
          <p>
            <strong>Users of this application will not be able to sign in</strong> until you start it again: its sign-in
            URL refuses every request.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
