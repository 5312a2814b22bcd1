export * from './events';
export { directoryUserDecider, type DirectoryUserCommand, type DirectoryUserState } from './directory-user-decider';
export { directoryUserId } from './user-id';
