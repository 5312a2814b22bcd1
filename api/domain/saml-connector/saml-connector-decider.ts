import type { Decider } from '../../commands';
import { AppError, validationError } from '../../errors';
import type { SamlConnectorConfig } from '../../saml';
import type { FederationScriptKind, SamlConnectorEvent, StoredSigningKey, StoredSigningSlots } from './events';
import { evolveSigningSlots } from './signing-slots';

/**
 * Commands carry what the decider cannot look up itself: keys generated and sealed by the
 * service, and facts read from the read models (`issuerInUse`, `usedByServices`).
 */
export type SamlConnectorCommand =
  | {
      type: 'CreateSamlConnector';
      connectorId: string;
      name: string;
      config: SamlConnectorConfig;
      template?: boolean;
      signingKey: StoredSigningKey;
      /** Another Office 365 connector, in any tenant, already has this Issuer URI. */
      issuerInUse: boolean;
      /** Set when the SP description came from pasted metadata. */
      importedSpEntityId?: string;
    }
  | { type: 'UpdateSamlConnector'; name: string; config: SamlConnectorConfig; issuerInUse: boolean }
  | { type: 'ImportSpMetadata'; config: SamlConnectorConfig }
  | { type: 'GenerateNextSigningKey'; signingKey: StoredSigningKey }
  | { type: 'RotateSigningKey' }
  | { type: 'RemovePreviousSigningKey' }
  | { type: 'RecordFederationScript'; kind: FederationScriptKind }
  /** `usedByServices`: names of the service instances that use this connector. */
  | { type: 'DeleteSamlConnector'; usedByServices: string[] };

export type SamlConnectorState =
  | { status: 'none' }
  | { status: 'deleted' }
  | { status: 'active'; connectorId: string; name: string; config: SamlConnectorConfig; signing: StoredSigningSlots };

const NAME_MAX = 100;

/** The problem with a connector name, or undefined when it is fine. */
export function samlConnectorNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the connector a name, e.g. "Office 365 – contoso.com".';
  if (trimmed.length > NAME_MAX) return `The name must be at most ${NAME_MAX} characters.`;
  return undefined;
}

/** Microsoft finds the federated domain by the Issuer, so two domains must never share one. */
const ISSUER_IN_USE =
  'Another Office 365 connector already uses this Issuer URI. Entra ID finds a federated domain by its Issuer, so every domain needs its own: leave the field empty to get this connector\'s own (https://<this server>/saml/<connector id>), or choose another URI.';

function checkSettings(name: string, config: SamlConnectorConfig, issuerInUse: boolean): void {
  const fields: Record<string, string> = {};
  const nameProblem = samlConnectorNameProblem(name);
  if (nameProblem) fields.name = nameProblem;
  if (config.kind === 'OFFICE_365' && issuerInUse) fields.issuerUri = ISSUER_IN_USE;
  if (Object.keys(fields).length) throw validationError(fields);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const samlConnectorDecider: Decider<SamlConnectorCommand, SamlConnectorEvent, SamlConnectorState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'CreateSamlConnector') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'A SAML connector with this id already exists.');
      checkSettings(command.name, command.config, command.issuerInUse);
      const { connectorId } = command;
      return [
        { type: 'SamlConnectorCreated', data: { connectorId, name: command.name.trim(), config: command.config, template: command.template ?? false } },
        { type: 'SigningKeyGenerated', data: { connectorId, slot: 'current', ...command.signingKey } },
        ...(command.importedSpEntityId ? [{ type: 'SpMetadataImported' as const, data: { connectorId, entityId: command.importedSpEntityId } }] : []),
      ];
    }
    if (state.status !== 'active') throw new AppError('NOT_FOUND', 'No SAML connector with that id.');
    const { connectorId } = state;
    switch (command.type) {
      case 'UpdateSamlConnector': {
        checkSettings(command.name, command.config, command.issuerInUse);
        const name = command.name.trim();
        if (name === state.name && same(command.config, state.config)) return [];
        return [{ type: 'SamlConnectorUpdated', data: { connectorId, name, config: command.config } }];
      }
      case 'ImportSpMetadata': {
        if (state.config.kind !== 'GENERIC' || command.config.kind !== 'GENERIC') {
          throw new AppError('BAD_USER_INPUT', "An Office 365 connector trusts Microsoft's service provider, which is built in; import metadata into a generic SAML connector.");
        }
        return [
          { type: 'SamlConnectorUpdated', data: { connectorId, name: state.name, config: command.config } },
          { type: 'SpMetadataImported', data: { connectorId, entityId: command.config.sp.entityId } },
        ];
      }
      case 'GenerateNextSigningKey':
        return [{ type: 'SigningKeyGenerated', data: { connectorId, slot: 'next', ...command.signingKey } }];
      case 'RotateSigningKey': {
        const next = state.signing.next;
        if (!next) throw new AppError('BAD_USER_INPUT', 'Generate the next signing key first: rotating makes it the key that signs.');
        return [{ type: 'SigningKeyRotated', data: { connectorId, fingerprintSha256: next.fingerprintSha256 } }];
      }
      case 'RemovePreviousSigningKey':
        if (!state.signing.previous) throw new AppError('BAD_USER_INPUT', 'There is no previous signing key to remove.');
        return [{ type: 'PreviousSigningKeyRemoved', data: { connectorId } }];
      case 'RecordFederationScript':
        return [{ type: 'FederationScriptGenerated', data: { connectorId, kind: command.kind } }];
      case 'DeleteSamlConnector':
        if (command.usedByServices.length > 0) {
          const names = command.usedByServices.map((n) => `"${n}"`).join(', ');
          throw new AppError('CONFLICT', `This SAML connector is used by the service ${names}; give the service another connector or delete it first.`);
        }
        return [{ type: 'SamlConnectorDeleted', data: { connectorId } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SamlConnectorCreated':
        return { status: 'active', connectorId: event.data.connectorId, name: event.data.name, config: event.data.config, signing: {} };
      case 'SamlConnectorUpdated':
        return state.status === 'active' ? { ...state, name: event.data.name, config: event.data.config } : state;
      case 'SigningKeyGenerated':
      case 'SigningKeyRotated':
      case 'PreviousSigningKeyRemoved':
        return state.status === 'active' ? { ...state, signing: evolveSigningSlots(state.signing, event) } : state;
      case 'SamlConnectorDeleted':
        return { status: 'deleted' };
      case 'SpMetadataImported':
      case 'FederationScriptGenerated':
        return state;
    }
  },
};
