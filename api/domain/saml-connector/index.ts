export * from './events';
export { samlConnectorDecider, samlConnectorNameProblem, type SamlConnectorCommand, type SamlConnectorState } from './saml-connector-decider';
export { evolveSigningSlots } from './signing-slots';
