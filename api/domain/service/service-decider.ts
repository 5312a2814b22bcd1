import type { Decider } from '../../commands';
import { AppError, validationError, type FieldErrors } from '../../errors';
import type { SecondFactorPolicy, ServiceEvent, ServiceInstanceSettings } from './events';

/** Settings as a command gives them: leaving out `secondFactor` keeps it (REQUIRED for a new service). */
export type ServiceSettingsInput = Omit<ServiceInstanceSettings, 'secondFactor'> & { secondFactor?: SecondFactorPolicy };

/** What the service layer found in the read models about the connectors a command names. */
export interface ConnectorFacts {
  directoryConnectorExists: boolean;
  samlConnectorExists: boolean;
}

export type ServiceCommand =
  | { type: 'CreateService'; serviceId: string; settings: ServiceSettingsInput; facts: ConnectorFacts }
  | { type: 'UpdateService'; settings: ServiceSettingsInput; facts: ConnectorFacts }
  /** `facts` are about the connectors the service has now. */
  | { type: 'StartService'; facts: ConnectorFacts }
  | { type: 'StopService' }
  | { type: 'DeleteService' };

export type ServiceState =
  | { status: 'none' }
  | { status: 'deleted' }
  | { status: 'active'; serviceId: string; settings: ServiceInstanceSettings; started: boolean };

const ICON_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ICON_DATA = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const ICON_DATA_MAX = 64 * 1024;

function iconProblem(icon: string): string | undefined {
  if (ICON_KEY.test(icon)) return undefined;
  if (icon.startsWith('data:')) {
    if (icon.length > ICON_DATA_MAX) return 'The icon image must be at most 48 KiB; use a smaller image or an https:// URL.';
    return ICON_DATA.test(icon) ? undefined : 'The icon must be a base64 data URL of a PNG, JPEG, GIF, WebP or SVG image.';
  }
  try {
    const url = new URL(icon);
    if (url.protocol === 'https:' && icon.length <= 2048) return undefined;
  } catch {
    // falls through to the message
  }
  return 'Give the icon as a name such as office-365, an https:// URL, or a data:image/... URL.';
}

/** Field problems of the settings themselves, and of the connectors they point at. */
function settingsProblems(settings: ServiceSettingsInput, facts: ConnectorFacts): FieldErrors {
  const fields: FieldErrors = {};
  const name = settings.name.trim();
  if (!name) fields.name = 'Give the service a name users recognise, e.g. "Office 365".';
  else if (name.length > 100) fields.name = 'The name must be at most 100 characters.';
  if (settings.description && settings.description.length > 500) fields.description = 'The description must be at most 500 characters.';
  const icon = settings.icon ? iconProblem(settings.icon) : undefined;
  if (icon) fields.icon = icon;
  if (settings.directoryConnectorId && !facts.directoryConnectorExists) fields.directoryConnectorId = 'No directory connector with that id in this organisation.';
  if (settings.samlConnectorId && !facts.samlConnectorExists) fields.samlConnectorId = 'No SAML connector with that id in this organisation.';
  return fields;
}

/** Why a service with these connectors cannot run; empty when it can. */
export function startProblems(settings: Pick<ServiceInstanceSettings, 'directoryConnectorId' | 'samlConnectorId'>, facts: ConnectorFacts): FieldErrors {
  const fields: FieldErrors = {};
  if (!settings.directoryConnectorId) fields.directoryConnectorId = 'Choose the directory users sign in against before starting the service.';
  else if (!facts.directoryConnectorExists) fields.directoryConnectorId = 'The directory connector of this service was deleted; choose another before starting it.';
  if (!settings.samlConnectorId) fields.samlConnectorId = 'Choose the SAML connector of the application before starting the service.';
  else if (!facts.samlConnectorExists) fields.samlConnectorId = 'The SAML connector of this service was deleted; choose another before starting it.';
  return fields;
}

function normalised(settings: ServiceSettingsInput, secondFactor: SecondFactorPolicy): ServiceInstanceSettings {
  return {
    name: settings.name.trim(),
    description: settings.description?.trim() || null,
    icon: settings.icon?.trim() || null,
    directoryConnectorId: settings.directoryConnectorId || null,
    samlConnectorId: settings.samlConnectorId || null,
    secondFactor,
  };
}

const same = (a: ServiceInstanceSettings, b: ServiceInstanceSettings) => JSON.stringify(a) === JSON.stringify(b);

export const serviceDecider: Decider<ServiceCommand, ServiceEvent, ServiceState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'CreateService') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'A service with this id already exists.');
      const problems = settingsProblems(command.settings, command.facts);
      if (Object.keys(problems).length) throw validationError(problems);
      // A new service asks for the second factor unless the admin explicitly turned it off.
      const settings = normalised(command.settings, command.settings.secondFactor ?? 'REQUIRED');
      return [{ type: 'ServiceInstanceConfigured', data: { serviceId: command.serviceId, ...settings } }];
    }
    if (state.status !== 'active') throw new AppError('NOT_FOUND', 'No service with that id.');
    const { serviceId } = state;
    switch (command.type) {
      case 'UpdateService': {
        const problems = settingsProblems(command.settings, command.facts);
        if (state.started) {
          if (!command.settings.directoryConnectorId) problems.directoryConnectorId = 'A running service needs its directory connector; stop the service first.';
          if (!command.settings.samlConnectorId) problems.samlConnectorId = 'A running service needs its SAML connector; stop the service first.';
        }
        if (Object.keys(problems).length) throw validationError(problems);
        // Leaving secondFactor out never changes it: switching it off takes an explicit OFF.
        const settings = normalised(command.settings, command.settings.secondFactor ?? state.settings.secondFactor);
        if (same(settings, state.settings)) return [];
        return [{ type: 'ServiceInstanceConfigured', data: { serviceId, ...settings } }];
      }
      case 'StartService': {
        if (state.started) return [];
        const problems = startProblems(state.settings, command.facts);
        if (Object.keys(problems).length) throw validationError(problems);
        return [{ type: 'ServiceStarted', data: { serviceId } }];
      }
      case 'StopService':
        return state.started ? [{ type: 'ServiceStopped', data: { serviceId } }] : [];
      case 'DeleteService':
        if (state.started) throw new AppError('CONFLICT', 'This service is running; stop it before deleting it.');
        return [{ type: 'ServiceDeleted', data: { serviceId } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ServiceInstanceConfigured': {
        const { serviceId, ...settings } = event.data;
        return state.status === 'active' ? { ...state, settings } : { status: 'active', serviceId, settings, started: false };
      }
      case 'ServiceStarted':
        return state.status === 'active' ? { ...state, started: true } : state;
      case 'ServiceStopped':
        return state.status === 'active' ? { ...state, started: false } : state;
      case 'ServiceDeleted':
        return { status: 'deleted' };
    }
  },
};
