import type { SetupOverview } from '../graphql/dashboardTypes';
import { tokenPackPath } from './tokenPackPaths';

/** The Office 365 template's placeholder domain: a connector still using it is not set up. */
export const TEMPLATE_FEDERATED_DOMAIN = 'contoso.example';

export type SetupStepId = 'directory' | 'saml' | 'started' | 'pack' | 'sent';

export interface SetupStep {
  id: SetupStepId;
  /** What has to be true, in the imperative: "Configure …". */
  title: string;
  done: boolean;
  /** Why it is (not) done yet, in a few words. */
  detail: string;
  /** The page that finishes this step. */
  to: string;
  /** Label of the link to that page. */
  action: string;
}

export interface ServiceChecklist {
  serviceId: string;
  serviceName: string;
  steps: SetupStep[];
  /** The first step not done, or null when the service is fully set up. */
  next: SetupStep | null;
}

type Service = SetupOverview['services'][number];

/**
 * The five set-up steps of each service instance, in the order an admin does them: a working
 * directory, a real SAML connector, the service started, a token pack that enables it, and
 * that pack sent to someone.
 */
export function gettingStarted(overview: SetupOverview): ServiceChecklist[] {
  return overview.services.map((service) => {
    const steps = [directoryStep(overview, service), samlStep(overview, service), startedStep(service), ...packSteps(overview, service)];
    return { serviceId: service.id, serviceName: service.name, steps, next: steps.find((step) => !step.done) ?? null };
  });
}

function directoryStep(overview: SetupOverview, service: Service): SetupStep {
  const base = { id: 'directory' as const, title: 'Connect a directory and pass its connection test' };
  const connector = overview.directoryConnectors.find((c) => c.id === service.directoryConnectorId);
  if (!connector) return { ...base, done: false, detail: 'The service has no directory connector.', to: `/services/${service.id}`, action: 'Choose a directory' };
  const to = `/directories/${connector.id}`;
  if (!connector.lastTest) return { ...base, done: false, detail: `“${connector.name}” has not been tested yet.`, to, action: 'Test the directory' };
  if (!connector.lastTest.ok) return { ...base, done: false, detail: `The last test of “${connector.name}” failed.`, to, action: 'Fix the directory' };
  return { ...base, done: true, detail: `“${connector.name}” passed its last test.`, to, action: 'Open the directory' };
}

function samlStep(overview: SetupOverview, service: Service): SetupStep {
  const base = { id: 'saml' as const, title: 'Set up the SAML connector for your application' };
  const connector = overview.samlConnectors.find((c) => c.id === service.samlConnectorId);
  if (!connector) return { ...base, done: false, detail: 'The service has no SAML connector.', to: `/services/${service.id}`, action: 'Choose a SAML connector' };
  const to = `/connectors/saml/${connector.id}`;
  const placeholder = connector.kind === 'OFFICE_365' && (connector.federatedDomain ?? '').toLowerCase() === TEMPLATE_FEDERATED_DOMAIN;
  if (connector.template || placeholder) {
    return { ...base, done: false, detail: `“${connector.name}” still has the template’s settings${placeholder ? ` (${TEMPLATE_FEDERATED_DOMAIN})` : ''}.`, to, action: 'Configure the connector' };
  }
  return { ...base, done: true, detail: `“${connector.name}” is configured.`, to, action: 'Open the connector' };
}

function startedStep(service: Service): SetupStep {
  const base = { id: 'started' as const, title: 'Start the service', to: `/services/${service.id}` };
  return service.state === 'STARTED'
    ? { ...base, done: true, detail: 'Users can sign in through it.', action: 'Open the service' }
    : { ...base, done: false, detail: 'The service is stopped: sign-ins are refused.', action: 'Start the service' };
}

function packSteps(overview: SetupOverview, service: Service): SetupStep[] {
  const packs = overview.tokenPacks.filter((pack) => pack.services.some((s) => s.serviceId === service.id && s.enabled));
  const sent = packs.find((pack) => pack.sends.some((send) => send.status === 'SENT'));
  const first = packs[0];
  const enables: SetupStep = first
    ? { id: 'pack', title: 'Enable the service in a token pack', done: true, detail: `“${first.name}” enables it.`, to: tokenPackPath(first.id), action: 'Open the token pack' }
    : { id: 'pack', title: 'Enable the service in a token pack', done: false, detail: 'No token pack enables this service.', to: '/token-packs', action: 'Choose a token pack' };
  const sentStep: SetupStep = sent
    ? { id: 'sent', title: 'Send the token pack to your users', done: true, detail: `“${sent.name}” was sent.`, to: tokenPackPath(sent.id), action: 'Open the token pack' }
    : { id: 'sent', title: 'Send the token pack to your users', done: false, detail: 'Nobody has received it yet.', to: first ? tokenPackPath(first.id) : '/token-packs', action: 'Send the token pack' };
  return [enables, sentStep];
}
