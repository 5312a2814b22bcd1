import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { AppError, validationError, type FieldErrors } from '../../errors';
import { parseCidr } from './cidr';
import type { TokenPackEvent, TokenPackSettings, TrustedNetwork } from './events';
import { emailProblem } from './internal/email-problems';
import { nameProblem, normalisedSettings, settingsProblems, type PrimaryDirectoryFacts } from './internal/settings-problems';

export type { PrimaryDirectoryFacts } from './internal/settings-problems';

/** Addresses one send may take; more is a mailing, not an enrolment. */
export const MAX_RECIPIENTS_PER_SEND = 100;
/** Trusted networks one token pack may hold. */
export const MAX_TRUSTED_NETWORKS = 200;
const MAX_DESCRIPTION = 500;
const MAX_REASON = 500;

/** One address to send the token pack to, with the link made for it (sealed by the caller). */
export interface SendRequest {
  sendId: string;
  email: string;
  enrollmentUrl: Sealed;
  /** ISO-8601 time the link stops working. */
  expiresAt: string;
}

export type TokenPackCommand =
  | { type: 'CreateTokenPack'; tokenPackId: string; settings: TokenPackSettings; facts: PrimaryDirectoryFacts; template?: boolean }
  | { type: 'UpdateTokenPack'; settings: TokenPackSettings; facts: PrimaryDirectoryFacts }
  | { type: 'DeleteTokenPack' }
  | { type: 'SetService'; serviceId: string; enabled: boolean; serviceExists: boolean }
  | { type: 'AddTrustedNetwork'; network: TrustedNetwork }
  | { type: 'RemoveTrustedNetwork'; networkId: string }
  /** `facts` are about the pack's current primary directory. */
  | { type: 'RequestSend'; sends: SendRequest[]; facts: PrimaryDirectoryFacts }
  | { type: 'RecordEmailSent'; sendId: string; messageId: string }
  | { type: 'RecordEmailFailed'; sendId: string; reason: string; final: boolean };

export type SendStatus = 'QUEUED' | 'SENT' | 'FAILED';

export interface SendState {
  email: string;
  enrollmentUrl: Sealed;
  expiresAt: string;
  status: SendStatus;
}

export type TokenPackState =
  | { status: 'none' }
  | { status: 'deleted' }
  | {
      status: 'active';
      tokenPackId: string;
      settings: TokenPackSettings;
      template: boolean;
      enabledServices: readonly string[];
      networks: readonly TrustedNetwork[];
      sends: Readonly<Record<string, SendState>>;
    };

type Active = Extract<TokenPackState, { status: 'active' }>;

/** Settings from an event written before `localUnlock` existed read as NONE. */
const withDefaults = (settings: TokenPackSettings): TokenPackSettings => ({ ...settings, localUnlock: settings.localUnlock ?? 'NONE' });

const same = (a: TokenPackSettings, b: TokenPackSettings) => JSON.stringify(a) === JSON.stringify(b);

function checkSettings(settings: TokenPackSettings, facts: PrimaryDirectoryFacts): TokenPackSettings {
  const problems = settingsProblems(settings, facts);
  if (Object.keys(problems).length) throw validationError(problems);
  return normalisedSettings(settings);
}

function checkNetwork(state: Active, network: TrustedNetwork): TrustedNetwork {
  if (state.networks.some((n) => n.networkId === network.networkId)) throw new AppError('ALREADY_EXISTS', 'A trusted network with this id already exists.');
  const fields: FieldErrors = {};
  const name = nameProblem(network.name, 'network');
  if (name) fields.name = name;
  if (network.description.length > MAX_DESCRIPTION) fields.description = `The description must be at most ${MAX_DESCRIPTION} characters.`;
  const cidr = parseCidr(network.cidr);
  if (!cidr.ok) fields.cidr = cidr.problem;
  else {
    const twin = state.networks.find((n) => n.cidr === cidr.cidr);
    if (twin) fields.cidr = `${cidr.cidr} is already trusted, as "${twin.name}".`;
  }
  if (state.networks.length >= MAX_TRUSTED_NETWORKS) fields.cidr = `A token pack trusts at most ${MAX_TRUSTED_NETWORKS} networks; remove one first.`;
  if (Object.keys(fields).length || !cidr.ok) throw validationError(fields);
  return { networkId: network.networkId, name: network.name.trim(), cidr: cidr.cidr, description: network.description.trim() };
}

function checkSends(state: Active, sends: SendRequest[], facts: PrimaryDirectoryFacts): void {
  if (!state.settings.primaryDirectoryId) {
    throw validationError({ primaryDirectoryId: 'Choose the directory users sign in to when they enrol before sending this token pack.' });
  }
  if (!facts.primaryDirectoryExists) {
    throw validationError({ primaryDirectoryId: 'The primary directory of this token pack was deleted; choose another before sending.' });
  }
  if (sends.length === 0) throw validationError({ emails: 'Enter at least one email address.' });
  if (sends.length > MAX_RECIPIENTS_PER_SEND) throw validationError({ emails: `Send to at most ${MAX_RECIPIENTS_PER_SEND} addresses at a time.` });
  const seen = new Set<string>();
  const invalidEmails: Array<{ email: string; problem: string }> = [];
  for (const { email } of sends) {
    const key = email.toLowerCase();
    const problem = emailProblem(email) ?? (seen.has(key) ? `"${email}" is listed twice.` : undefined);
    seen.add(key);
    if (problem) invalidEmails.push({ email, problem });
  }
  if (invalidEmails.length) {
    const count = invalidEmails.length === 1 ? 'One address cannot be used' : `${invalidEmails.length} addresses cannot be used`;
    const summary = `${count}: ${invalidEmails.map((i) => i.problem).join(' ')}`;
    throw new AppError('VALIDATION_FAILED', summary, { fields: { emails: summary }, invalidEmails });
  }
  for (const send of sends) {
    if (state.sends[send.sendId]) throw new AppError('ALREADY_EXISTS', 'A send with this id already exists.');
  }
}

function knownSend(state: Active, sendId: string): SendState {
  const send = state.sends[sendId];
  if (!send) throw new AppError('NOT_FOUND', 'No send with that id for this token pack.');
  return send;
}

export const tokenPackDecider: Decider<TokenPackCommand, TokenPackEvent, TokenPackState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'CreateTokenPack') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'A token pack with this id already exists.');
      const settings = checkSettings(command.settings, command.facts);
      return [{ type: 'TokenPackCreated', data: { tokenPackId: command.tokenPackId, template: command.template ?? false, ...settings } }];
    }
    if (state.status !== 'active') throw new AppError('NOT_FOUND', 'No token pack with that id.');
    const { tokenPackId } = state;
    switch (command.type) {
      case 'UpdateTokenPack': {
        const settings = checkSettings(command.settings, command.facts);
        return same(settings, state.settings) ? [] : [{ type: 'TokenPackUpdated', data: { tokenPackId, ...settings } }];
      }
      case 'DeleteTokenPack':
        return [{ type: 'TokenPackDeleted', data: { tokenPackId } }];
      case 'SetService': {
        const enabled = state.enabledServices.includes(command.serviceId);
        if (enabled === command.enabled) return [];
        // Disabling a service that was deleted meanwhile is allowed; enabling one is not.
        if (command.enabled && !command.serviceExists) throw validationError({ serviceId: 'No service with that id in this organisation.' });
        return [{ type: command.enabled ? 'ServiceEnabled' : 'ServiceDisabled', data: { tokenPackId, serviceId: command.serviceId } }];
      }
      case 'AddTrustedNetwork':
        return [{ type: 'TrustedNetworkAdded', data: { tokenPackId, ...checkNetwork(state, command.network) } }];
      case 'RemoveTrustedNetwork':
        if (!state.networks.some((n) => n.networkId === command.networkId)) throw new AppError('NOT_FOUND', 'No trusted network with that id in this token pack.');
        return [{ type: 'TrustedNetworkRemoved', data: { tokenPackId, networkId: command.networkId } }];
      case 'RequestSend':
        checkSends(state, command.sends, command.facts);
        return command.sends.map((send) => ({ type: 'TokenPackSendRequested' as const, data: { tokenPackId, ...send } }));
      case 'RecordEmailSent': {
        const send = knownSend(state, command.sendId);
        // A worker that re-runs after a crash reports again; the first report stands.
        if (send.status === 'SENT') return [];
        return [{ type: 'TokenPackEmailSent', data: { tokenPackId, sendId: command.sendId, email: send.email, messageId: command.messageId } }];
      }
      case 'RecordEmailFailed': {
        const send = knownSend(state, command.sendId);
        if (send.status !== 'QUEUED') return [];
        const reason = command.reason.trim().slice(0, MAX_REASON) || 'The mail could not be sent.';
        return [{ type: 'TokenPackEmailFailed', data: { tokenPackId, sendId: command.sendId, email: send.email, reason, final: command.final } }];
      }
    }
  },
  evolve(state, event) {
    if (event.type === 'TokenPackCreated') {
      const { tokenPackId, template, ...settings } = event.data;
      return { status: 'active', tokenPackId, settings: withDefaults(settings), template, enabledServices: [], networks: [], sends: {} };
    }
    if (event.type === 'TokenPackDeleted') return { status: 'deleted' };
    if (state.status !== 'active') return state;
    switch (event.type) {
      case 'TokenPackUpdated': {
        const { tokenPackId: _, ...settings } = event.data;
        return { ...state, settings: withDefaults(settings), template: false };
      }
      case 'ServiceEnabled':
        return { ...state, enabledServices: [...state.enabledServices, event.data.serviceId] };
      case 'ServiceDisabled':
        return { ...state, enabledServices: state.enabledServices.filter((id) => id !== event.data.serviceId) };
      case 'TrustedNetworkAdded': {
        const { tokenPackId: _, ...network } = event.data;
        return { ...state, networks: [...state.networks, network] };
      }
      case 'TrustedNetworkRemoved':
        return { ...state, networks: state.networks.filter((n) => n.networkId !== event.data.networkId) };
      case 'TokenPackSendRequested': {
        const { sendId, email, enrollmentUrl, expiresAt } = event.data;
        return { ...state, sends: { ...state.sends, [sendId]: { email, enrollmentUrl, expiresAt, status: 'QUEUED' } } };
      }
      case 'TokenPackEmailSent':
      case 'TokenPackEmailFailed': {
        const send = state.sends[event.data.sendId];
        if (!send) return state;
        const status: SendStatus = event.type === 'TokenPackEmailSent' ? 'SENT' : event.data.final ? 'FAILED' : 'QUEUED';
        return { ...state, sends: { ...state.sends, [event.data.sendId]: { ...send, status } } };
      }
    }
  },
};
