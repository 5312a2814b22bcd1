import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { AppError, validationError } from '../../errors';
import type { DirectoryUserEvent, DirectoryUserFields } from './events';

export type DirectoryUserCommand =
  | { type: 'AddUser'; connectorId: string; userId: string; username: string; fields: DirectoryUserFields }
  | { type: 'UpdateUser'; fields: DirectoryUserFields }
  | { type: 'RemoveUser' }
  | { type: 'SetPassword'; passwordHash: Sealed; by: 'admin' | 'user' }
  | { type: 'IssuePasswordLink'; tokenHash: string; link: Sealed; expiresAt: string }
  | { type: 'SetPasswordWithLink'; tokenHash: string; passwordHash: Sealed; now: string };

export type DirectoryUserState =
  | { status: 'none' }
  | { status: 'removed' }
  | { status: 'active'; connectorId: string; userId: string; username: string; fields: DirectoryUserFields; link?: { tokenHash: string; expiresAt: string } };

const USERNAME = /^[A-Za-z0-9._@-]{1,128}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(fields: DirectoryUserFields, username?: string): void {
  const problems: Record<string, string> = {};
  if (username !== undefined && !USERNAME.test(username)) problems.username = 'use 1 to 128 letters, digits, dots, hyphens, underscores or @';
  if (!EMAIL.test(fields.email)) problems.email = 'enter an email address like name@example.com';
  if (!fields.displayName.trim()) problems.displayName = 'enter the name people know this user by';
  if (fields.phone && !/^\+?[0-9 ()-]{4,32}$/.test(fields.phone)) problems.phone = 'enter a phone number like +44 20 7946 0000, or leave it empty';
  if (Buffer.from(fields.immutableId, 'base64').length !== 16) problems.immutableId = 'must be 16 bytes in base64 (as a GUID is)';
  if (Object.keys(problems).length) throw validationError(problems);
}

export const directoryUserDecider: Decider<DirectoryUserCommand, DirectoryUserEvent, DirectoryUserState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'AddUser') {
      if (state.status === 'active') {
        throw new AppError('ALREADY_EXISTS', `A user named ${command.username} already exists in this directory.`, { fields: { username: 'this username is taken in this directory; choose another' } });
      }
      validate(command.fields, command.username);
      return [{ type: 'DirectoryUserAdded', data: { connectorId: command.connectorId, userId: command.userId, username: command.username, ...command.fields } }];
    }
    if (state.status !== 'active') throw new AppError('NOT_FOUND', 'No such user in this directory.');
    const ids = { connectorId: state.connectorId, userId: state.userId };
    switch (command.type) {
      case 'UpdateUser':
        validate(command.fields);
        return [{ type: 'DirectoryUserUpdated', data: { ...ids, ...command.fields } }];
      case 'RemoveUser':
        return [{ type: 'DirectoryUserRemoved', data: ids }];
      case 'SetPassword':
        return [{ type: 'PasswordSet', data: { ...ids, passwordHash: command.passwordHash, by: command.by } }];
      case 'IssuePasswordLink':
        if (!state.fields.enabled) throw new AppError('BAD_USER_INPUT', 'This user is disabled; enable the user before sending a password link.');
        return [{ type: 'PasswordLinkIssued', data: { ...ids, email: state.fields.email, tokenHash: command.tokenHash, link: command.link, expiresAt: command.expiresAt } }];
      case 'SetPasswordWithLink': {
        const link = state.link;
        if (!link || link.tokenHash !== command.tokenHash) throw new AppError('BAD_USER_INPUT', 'This password link was replaced or already used; ask for a new one.');
        if (link.expiresAt <= command.now) throw new AppError('BAD_USER_INPUT', 'This password link has expired; ask for a new one.');
        return [{ type: 'PasswordSet', data: { ...ids, passwordHash: command.passwordHash, by: 'user' } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DirectoryUserAdded': {
        const { connectorId, userId, username, ...fields } = event.data;
        return { status: 'active', connectorId, userId, username, fields };
      }
      case 'DirectoryUserUpdated': {
        if (state.status !== 'active') return state;
        const { connectorId: _c, userId: _u, ...fields } = event.data;
        return { ...state, fields };
      }
      case 'DirectoryUserRemoved':
        return { status: 'removed' };
      case 'PasswordSet':
        return state.status === 'active' ? { ...state, link: undefined } : state;
      case 'PasswordLinkIssued':
        return state.status === 'active' ? { ...state, link: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } } : state;
    }
  },
};
