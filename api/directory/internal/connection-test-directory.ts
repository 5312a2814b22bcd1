import { type Entry, PresenceFilter, ResultCodeError } from 'ldapts';

import type { ConnectionTestOptions, ConnectionTestStep, ConnectionTestStepName } from '../connection-test-report';
import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import { isInfrastructureFailure } from '../directory-failure';
import { isActiveDirectoryType } from '../directory-type-defaults';
import { activeDirectoryMeaning } from './active-directory-errors';
import { portMismatchHint } from './connect-errors';
import { runStep, skippedStep, type StepResult } from './connection-test-steps';
import type { DirectoryHost } from './directory-host';
import { diagnosticOf, failureFromError, isConnectionError } from './failure-from-error';
import type { LdapSession } from './ldap-transport';
import { bindAsUser } from './user-bind';
import { attributeValues, userProfileOf } from './user-profile';
import { findUserEntry, normalizeUsername, type UserSearch } from './user-search';

const loginCandidates = ['sAMAccountName', 'userPrincipalName', 'uid', 'mail', 'cn'];

/**
 * The directory checks on a session that passed the network checks: service-account bind,
 * base DN read, user search (the test user, else a sample) and, with a password, a sign-in.
 * Once a step fails the rest are reported as skipped.
 */
export async function checkDirectory(
  config: LdapDirectoryConnectorConfig,
  search: UserSearch,
  session: LdapSession,
  host: DirectoryHost,
  options: ConnectionTestOptions,
): Promise<ConnectionTestStep[]> {
  const { client } = session;
  const steps: ConnectionTestStep[] = [];
  const order: ConnectionTestStepName[] = ['SERVICE_BIND', 'BASE_DN_READ', 'USER_SEARCH', 'SIGN_IN'];
  const stopped = (failed: string) => {
    for (const step of order.slice(steps.length)) steps.push(skippedStep(step, `Skipped: ${failed} failed.`));
    return steps;
  };
  const unexpected = (error: unknown, during: string): StepResult => {
    const failure = failureFromError(error, during, config.security);
    if (!isConnectionError(error)) {
      return { outcome: 'failed', message: failure.adminMessage, hint: 'Check that the service account may read users under the base DN, and look at the directory server log.' };
    }
    const speaks = config.security === 'LDAPS' ? 'LDAPS' : 'plain LDAP';
    return {
      outcome: 'failed',
      message: failure.reason === 'DIRECTORY_TIMEOUT' ? failure.adminMessage : `${host.label} closed the connection ${during}; it may not speak ${speaks} on this port.`,
      hint: portMismatchHint(config.security, host.port) ?? 'Check the firewall, and that the security setting matches what the server speaks on this port.',
    };
  };

  steps.push(
    await runStep('SERVICE_BIND', undefined, async () => {
      try {
        await client.bind(config.bindDn, config.bindPassword);
        return { outcome: 'ok', message: `The service account ${config.bindDn} signed in.` };
      } catch (error) {
        if (!(error instanceof ResultCodeError)) return unexpected(error, 'while the service account signed in');
        if (error.code === 8 || error.code === 13) {
          return { outcome: 'failed', message: 'The directory refuses a password over an unencrypted connection.', hint: 'Choose StartTLS or LDAPS.' };
        }
        const meaning = activeDirectoryMeaning(diagnosticOf(error));
        return {
          outcome: 'failed',
          message: `The directory rejected the service account ${config.bindDn}${meaning ? `: ${meaning.adminMessage}` : ` (invalid credentials, result ${error.code}).`}`,
          hint: isActiveDirectoryType(config.type)
            ? "Check the service account's password, and write the account as its full DN or as reader@example.com."
            : "Check the service account's full DN (e.g. cn=reader,ou=services,dc=example,dc=com) and its password.",
        };
      }
    }),
  );
  if (steps[0]!.outcome === 'failed') return stopped('the service account bind');

  steps.push(
    await runStep('BASE_DN_READ', undefined, async () => {
      try {
        const { searchEntries } = await client.search(config.baseDn, { scope: 'base', filter: new PresenceFilter({ attribute: 'objectClass' }), attributes: ['1.1'] });
        if (searchEntries.length === 1) return { outcome: 'ok', message: `The base DN ${config.baseDn} exists and the service account can read it.` };
      } catch (error) {
        if (!(error instanceof ResultCodeError) || error.code !== 32) return unexpected(error, 'while reading the base DN');
      }
      const contexts = await namingContexts(session);
      return {
        outcome: 'failed',
        message: `The base DN ${config.baseDn} does not exist, or the service account may not read it.`,
        hint: contexts.length > 0 ? `Check the spelling; this directory holds ${contexts.join(' and ')}.` : 'Check the spelling, e.g. ou=People,dc=example,dc=com.',
      };
    }),
  );
  if (steps[1]!.outcome === 'failed') return stopped('reading the base DN');

  const username = options.username === undefined ? undefined : normalizeUsername(options.username);
  let testEntry: Entry | undefined;
  steps.push(
    await runStep('USER_SEARCH', undefined, async () => {
      try {
        if (username === undefined) return await sampleUsers(config, search, session);
        if (typeof username !== 'string') return { outcome: 'failed', message: username.adminMessage, hint: 'Enter the test username the way users type it.' };
        const found = await findUserEntry(client, search, username);
        if (!found.ok) {
          return { outcome: 'failed', message: found.adminMessage, hint: `Check the login property (${config.loginProperty}), the base DN and the user filter.` };
        }
        testEntry = found.entry;
        return { outcome: 'ok', message: `Found ${found.entry.dn}.`, profile: userProfileOf(found.entry, config, username) };
      } catch (error) {
        return unexpected(error, 'while searching for users');
      }
    }),
  );
  if (steps[2]!.outcome === 'failed') return stopped('the user search');

  if (!testEntry || typeof username !== 'string' || !options.password) {
    steps.push(skippedStep('SIGN_IN', testEntry ? "Enter the test user's password to try a full sign-in." : 'Enter a test username and password to try a full sign-in.'));
    return steps;
  }
  const entry = testEntry;
  const password = options.password;
  steps.push(
    await runStep('SIGN_IN', undefined, async () => {
      try {
        const bound = await bindAsUser(client, config, entry, password);
        if (bound.ok) return { outcome: 'ok', message: `${username} signed in; this is the profile Countersign would use.`, profile: userProfileOf(entry, config, username) };
        return {
          outcome: 'failed',
          reason: bound.reason,
          message: bound.adminMessage,
          hint: isInfrastructureFailure(bound.reason)
            ? 'The directory failed while checking the password; run the test again and look at the directory server log.'
            : "This is the test user's password or account state, not a connector setting.",
        };
      } catch (error) {
        return unexpected(error, "while checking the test user's password");
      }
    }),
  );
  return steps;
}

async function namingContexts(session: LdapSession): Promise<string[]> {
  try {
    const { searchEntries } = await session.client.search('', { scope: 'base', filter: new PresenceFilter({ attribute: 'objectClass' }), attributes: ['namingContexts'] });
    return searchEntries.flatMap((entry) => attributeValues(entry, 'namingContexts').map(String));
  } catch {
    return [];
  }
}

/** Reads a few users to show how they map, and checks they carry the login property. */
async function sampleUsers(config: LdapDirectoryConnectorConfig, search: UserSearch, session: LdapSession): Promise<StepResult> {
  const { searchEntries } = await session.client.search(search.baseDn, {
    scope: 'sub',
    filter: search.userFilter,
    attributes: [...new Set([...search.attributes, ...loginCandidates])],
    explicitBufferAttributes: search.explicitBufferAttributes,
    sizeLimit: 5,
    timeLimit: search.timeLimitSeconds,
  });
  if (searchEntries.length === 0) {
    return { outcome: 'failed', message: `No users were found under ${search.baseDn} matching ${search.userFilter.toString()}.`, hint: 'Check the base DN, the user object class and the user filter.' };
  }
  const sample = searchEntries.map((entry) => userProfileOf(entry, config));
  const withLogin = searchEntries.filter((entry) => attributeValues(entry, config.loginProperty).length > 0);
  if (withLogin.length === 0) {
    const present = loginCandidates.filter((name) => name !== config.loginProperty && searchEntries.some((entry) => attributeValues(entry, name).length > 0));
    return {
      outcome: 'failed',
      sampleUsers: sample,
      message: `None of the ${searchEntries.length} users found has a ${config.loginProperty} attribute, so nobody could sign in.`,
      hint: present.length > 0 ? `These users have ${present.join(', ')}: choose one of them as the login property.` : 'Choose the attribute users type as their username as the login property.',
    };
  }
  const notes: string[] = [];
  const missing = (count: number, what: string) => count > 0 && notes.push(`${count} of ${searchEntries.length} sample users have no ${what}.`);
  missing(searchEntries.length - withLogin.length, `${config.loginProperty} and cannot sign in`);
  missing(sample.filter((user) => user.email === null).length, `${config.emailProperty} (no enrollment emails)`);
  if (config.immutableIdProperty) missing(sample.filter((user) => !user.immutableId).length, `${config.immutableIdProperty} (no Microsoft 365 ImmutableID)`);
  const result: StepResult = { outcome: 'ok', sampleUsers: sample, message: `Found ${searchEntries.length} users; this is how the first ones map.` };
  if (notes.length > 0) result.hint = notes.join(' ');
  return result;
}
