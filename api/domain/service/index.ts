export * from './events';
export { serviceDecider, startProblems, type ConnectorFacts, type ServiceCommand, type ServiceSettingsInput, type ServiceState } from './service-decider';
