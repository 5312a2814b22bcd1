import type { ServiceState } from '../graphql/serviceTypes';

/** STARTED (green) or STOPPED (grey). */
export function ServiceStateBadge({ state }: { state: ServiceState }) {
  return <span className={state === 'STARTED' ? 'state-badge state-started' : 'state-badge state-stopped'}>{state === 'STARTED' ? 'Started' : 'Stopped'}</span>;
}
