import { describe, expect, it } from 'vitest';
import type { SetupOverview } from '../graphql/dashboardTypes';
import { gettingStarted } from './gettingStarted';

const fresh: SetupOverview = {
  services: [{ id: 's1', name: 'Office 365', icon: null, state: 'STOPPED', directoryConnectorId: 'd1', samlConnectorId: 'c1' }],
  directoryConnectors: [{ id: 'd1', name: 'Built-in directory', template: false, lastTest: null }],
  samlConnectors: [{ id: 'c1', name: 'Office 365', kind: 'OFFICE_365', template: false, federatedDomain: 'contoso.example' }],
  tokenPacks: [{ id: 'p1', name: 'Default token pack', services: [{ serviceId: 's1', enabled: true }], sends: [] }],
};

describe('gettingStarted', () => {
  it('marks a fresh organisation: only the template pack enables the service', () => {
    const [list] = gettingStarted(fresh);
    expect(list!.steps.map((s) => [s.id, s.done])).toEqual([['directory', false], ['saml', false], ['started', false], ['pack', true], ['sent', false]]);
    expect(list!.next).toMatchObject({ id: 'directory', to: '/directories/d1', action: 'Test the directory' });
  });

  it('is done when every step is', () => {
    const done: SetupOverview = {
      ...fresh,
      services: [{ ...fresh.services[0]!, state: 'STARTED' }],
      directoryConnectors: [{ ...fresh.directoryConnectors[0]!, lastTest: { ok: true } }],
      samlConnectors: [{ ...fresh.samlConnectors[0]!, federatedDomain: 'example.com' }],
      tokenPacks: [{ ...fresh.tokenPacks[0]!, sends: [{ status: 'FAILED' }, { status: 'SENT' }] }],
    };
    const [list] = gettingStarted(done);
    expect(list!.steps.every((s) => s.done)).toBe(true);
    expect(list!.next).toBeNull();
  });

  it('sends the admin to the service when it has no connector, and to Token Packs when no pack enables it', () => {
    const [list] = gettingStarted({ ...fresh, services: [{ ...fresh.services[0]!, directoryConnectorId: null }], tokenPacks: [] });
    expect(list!.steps[0]).toMatchObject({ done: false, to: '/services/s1' });
    expect(list!.steps[3]).toMatchObject({ done: false, to: '/token-packs' });
  });
});
