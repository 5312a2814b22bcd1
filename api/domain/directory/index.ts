export * from './events';
export { directoryDecider, type DirectoryCommand, type ConnectorSettings, type DirectoryState } from './directory-decider';
