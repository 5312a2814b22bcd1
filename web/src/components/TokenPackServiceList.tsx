import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { SetTokenPackServiceMutation } from '../graphql/SetTokenPackServiceMutation';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';
import { Icon } from './Icon';

/**
 * The organisation's services, each switched on or off for this pack with a power-plug button;
 * a change is saved at once.
 */
export function TokenPackServiceList({ pack, titleId }: { pack: TokenPack; titleId: string }) {
  const [, setService] = useMutation(SetTokenPackServiceMutation);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function toggle(serviceId: string, name: string, enabled: boolean) {
    setBusy(serviceId);
    setProblem(null);
    setNotice(null);
    const result = await setService({ tokenPackId: pack.id, serviceId, enabled });
    setBusy(null);
    if (result.error) setProblem(`${name} could not be switched ${enabled ? 'on' : 'off'}: ${describeError(result.error).message}`);
    else setNotice(`${name} is ${enabled ? 'on' : 'off'} for this pack.`);
  }

  const enabled = pack.services.filter((service) => service.enabled).length;
  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Services</h2>
          <p className="page-intro">
            Which applications users enrolled with this pack approve sign-ins for.{' '}
            {pack.services.length > 0 ? `${enabled} of ${pack.services.length} on.` : null}
          </p>
        </div>
      </div>
      {problem ? <Alert>{problem}</Alert> : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {pack.services.length === 0 ? (
        <p className="empty-note">
          Your organisation has no services yet. <Link to="/services">Add a service</Link>, then switch it on here.
        </p>
      ) : (
        <ul className="pack-services" aria-labelledby={titleId}>
          {pack.services.map((service) => {
            const name = service.name ?? 'Deleted service';
            return (
              <li key={service.serviceId} className={service.enabled ? 'pack-service on' : 'pack-service'}>
                <span className="pack-service-name">
                  <span className="pack-service-title">{name}</span>
                  <span className="pack-service-state">{service.enabled ? 'On — enrolled users can approve its sign-ins' : 'Off'}</span>
                </span>
                <button
                  type="button"
                  className="plug-toggle"
                  aria-pressed={service.enabled}
                  aria-label={`Use ${name} with this pack`}
                  title={service.enabled ? `Switch ${name} off` : `Switch ${name} on`}
                  disabled={busy === service.serviceId}
                  onClick={() => toggle(service.serviceId, name, !service.enabled)}
                >
                  <Icon name="plug" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
