import { buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';
import { hashPassword } from '../crypto';
import { tenantDecider } from '../domain/tenant';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const CHECK = 'ok fields { field message } message';
const system = { tenantId: 'default', actor: { kind: 'system' as const, id: 't' }, correlationId: 'c', causationId: 'c' };

type Check = { ok: boolean; fields: Array<{ field: string; message: string }>; message: string | null };
type Answer<T> = { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

const goodConnector = {
  name: 'Head office', type: 'OPENLDAP', hosts: ['ldap.example.test'], security: 'LDAPS',
  baseDn: 'ou=People,dc=example,dc=test', bindDn: 'cn=reader,dc=example,dc=test', bindPassword: 'reader-secret',
};
const badConnector = { ...goodConnector, hosts: ['ldap.example.test', 'bad host!'], baseDn: 'People', bindDn: 'reader', userFilter: '(uid=' };

/** The mutation's field problems, as `{ field: message }`. */
const mutationFields = (answer: Answer<unknown>) => {
  expect(answer.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  return answer.errors![0]!.extensions!.fields as Record<string, string>;
};
/** A value of the type that passes GraphQL's own validation, so only authorization can refuse it. */
const placeholder = (type: GraphQLInputType): unknown => {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, placeholder(f.type)]));
  }
  if (isScalarType(named)) return named.name === 'Int' || named.name === 'Float' ? 1 : named.name === 'Boolean' ? true : 'x';
  return null;
};
const checkFields = (check: Check) => Object.fromEntries(check.fields.map((f) => [f.field, f.message]));

describe('check…Input queries: the mutation’s own answer, without saving', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let owner: ReturnType<typeof graphqlClient>;
  let tokenPackId: string;

  /** What an admin would notice had changed: the lists, the audit log and the event store. */
  const snapshot = async () => {
    const lists = await owner.request('{ directoryConnectors { id name } services { id name } tokenPacks { id name trustedNetworks { id cidr } } }');
    const audit = await owner.request('{ auditEvents(first: 20) { edges { node { id type } } } }');
    return { lists: lists.data, audit: audit.data, head: await server.services.store.headPosition() };
  };

  beforeAll(async () => {
    server = await startTestServer();
    owner = graphqlClient(server.url);
    await owner.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const packs = await owner.request<{ tokenPacks: Array<{ id: string }> }>('{ tokenPacks { id } }');
    tokenPackId = packs.data!.tokenPacks[0]!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a directory connector check answers the same field messages as createDirectoryConnector, and saves nothing', async () => {
    const before = await snapshot();
    const checked = await owner.request<{ checkDirectoryConnectorInput: Check }>(
      `query($input: DirectoryConnectorInput!) { checkDirectoryConnectorInput(input: $input) { ${CHECK} } }`,
      { input: badConnector },
    );
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.checkDirectoryConnectorInput.ok).toBe(false);
    expect(checked.data!.checkDirectoryConnectorInput.message).toBeNull();
    const fields = checkFields(checked.data!.checkDirectoryConnectorInput);
    expect(Object.keys(fields).sort()).toEqual(['baseDn', 'bindDn', 'hosts.1', 'userFilter']);
    expect(fields.baseDn).toBe('Write the base DN like ou=People,dc=example,dc=com.');

    const good = await owner.request<{ checkDirectoryConnectorInput: Check }>(
      `query($input: DirectoryConnectorInput!) { checkDirectoryConnectorInput(input: $input) { ${CHECK} } }`,
      { input: goodConnector },
    );
    expect(good.data!.checkDirectoryConnectorInput).toEqual({ ok: true, fields: [], message: null });
    expect(await snapshot()).toEqual(before);

    const saved = await owner.request('mutation($input: DirectoryConnectorInput!) { createDirectoryConnector(input: $input) { id } }', { input: badConnector });
    expect(mutationFields(saved)).toEqual(fields);
  });

  it('an update check judges the input against the saved connector, as updateDirectoryConnector does', async () => {
    const connectors = await owner.request<{ directoryConnectors: Array<{ id: string; type: string }> }>('{ directoryConnectors { id type } }');
    const builtIn = connectors.data!.directoryConnectors.find((c) => c.type === 'BUILT_IN')!;
    const query = `query($id: ID, $input: DirectoryConnectorInput!) { checkDirectoryConnectorInput(id: $id, input: $input) { ${CHECK} } }`;
    const checked = await owner.request<{ checkDirectoryConnectorInput: Check }>(query, { id: builtIn.id, input: goodConnector });
    const update = await owner.request('mutation($id: ID!, $input: DirectoryConnectorInput!) { updateDirectoryConnector(id: $id, input: $input) { id } }', { id: builtIn.id, input: goodConnector });
    expect(checkFields(checked.data!.checkDirectoryConnectorInput)).toEqual(mutationFields(update));
    const unknown = await owner.request(query, { id: 'no-such-connector', input: goodConnector });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a service check and a trusted network check answer as their mutations, and save nothing', async () => {
    const before = await snapshot();
    const service = { name: ' ', directoryConnectorId: 'gone', samlConnectorId: 'gone' };
    const serviceCheck = await owner.request<{ checkServiceInput: Check }>(`query($input: ServiceInstanceInput!) { checkServiceInput(input: $input) { ${CHECK} } }`, { input: service });
    const network = { name: 'Office', cidr: '10.1.2.300/24' };
    const networkCheck = await owner.request<{ checkTrustedNetworkInput: Check }>(
      `query($id: ID!, $input: TrustedNetworkInput!) { checkTrustedNetworkInput(tokenPackId: $id, input: $input) { ${CHECK} } }`,
      { id: tokenPackId, input: network },
    );
    const goodNetwork = await owner.request<{ checkTrustedNetworkInput: Check }>(
      `query($id: ID!, $input: TrustedNetworkInput!) { checkTrustedNetworkInput(tokenPackId: $id, input: $input) { ${CHECK} } }`,
      { id: tokenPackId, input: { name: 'Office', cidr: '10.1.2.0/24' } },
    );
    expect(goodNetwork.data!.checkTrustedNetworkInput.ok).toBe(true);
    expect(await snapshot()).toEqual(before);

    const serviceSaved = await owner.request('mutation($input: ServiceInstanceInput!) { createService(input: $input) { id } }', { input: service });
    expect(checkFields(serviceCheck.data!.checkServiceInput)).toEqual(mutationFields(serviceSaved));
    expect(serviceCheck.data!.checkServiceInput.fields.map((f) => f.field)).toContain('name');
    const networkSaved = await owner.request('mutation($id: ID!, $input: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $id, input: $input) { id } }', { id: tokenPackId, input: network });
    expect(checkFields(networkCheck.data!.checkTrustedNetworkInput)).toEqual(mutationFields(networkSaved));
    expect(Object.keys(mutationFields(networkSaved))).toEqual(['cidr']);
  });

  it('the settings, admin, API key, theme and directory user checks answer as their mutations, and save nothing', async () => {
    const connectors = await owner.request<{ directoryConnectors: Array<{ id: string; type: string }> }>('{ directoryConnectors { id type } }');
    const builtIn = connectors.data!.directoryConnectors.find((c) => c.type === 'BUILT_IN')!.id;
    const cases: Array<{ check: string; mutation: string; variables: Record<string, unknown> }> = [
      { check: 'query($m: Int!, $w: Int!) { r: checkSignInPolicyInput(maxFailures: $m, windowMinutes: $w) { CHECK } }', mutation: 'mutation($m: Int!, $w: Int!) { updateSignInPolicy(maxFailures: $m, windowMinutes: $w) { maxFailures } }', variables: { m: 1, w: 5000 } },
      { check: 'query($d: Int) { r: checkAuditRetentionInput(days: $d) { CHECK } }', mutation: 'mutation($d: Int) { setAuditRetention(days: $d) }', variables: { d: 0 } },
      { check: 'query($i: ThemeInput!) { r: checkThemeInput(input: $i) { CHECK } }', mutation: 'mutation($i: ThemeInput!) { createTheme(input: $i) { id } }', variables: { i: { name: ' ', primaryColor: 'blue', accentColor: '#12', logoUrl: 'http://example.test/logo.png' } } },
      { check: 'query($i: MailSettingsInput!) { r: checkMailSettingsInput(input: $i) { CHECK } }', mutation: 'mutation($i: MailSettingsInput!) { updateMailSettings(input: $i) { delivery } }', variables: { i: { host: ' ', port: 0, security: 'STARTTLS', fromAddress: 'not-an-address' } } },
      { check: 'query($i: InviteAdminInput!) { r: checkInviteAdminInput(input: $i) { CHECK } }', mutation: 'mutation($i: InviteAdminInput!) { inviteAdmin(input: $i) { id } }', variables: { i: { email: TEST_ADMIN.email, role: 'ADMIN' } } },
      { check: 'query($n: String!, $s: [ApiScope!]!) { r: checkApiKeyInput(name: $n, scopes: $s) { CHECK } }', mutation: 'mutation($n: String!, $s: [ApiScope!]!) { createApiKey(name: $n, scopes: $s) { token } }', variables: { n: ' ', s: [] } },
      {
        check: 'query($c: ID!, $i: NewDirectoryUserInput!) { r: checkDirectoryUserInput(connectorId: $c, input: $i) { CHECK } }',
        mutation: 'mutation($c: ID!, $i: NewDirectoryUserInput!) { addDirectoryUser(connectorId: $c, input: $i) { id } }',
        variables: { c: builtIn, i: { username: 'dave', email: 'not-an-address', displayName: ' ' } },
      },
    ];
    for (const { check, mutation, variables } of cases) {
      const before = await snapshot();
      const checked = await owner.request<{ r: Check }>(check.replace('CHECK', CHECK), variables);
      expect({ check, errors: checked.errors }).toEqual({ check, errors: undefined });
      expect({ check, ok: checked.data!.r.ok }).toEqual({ check, ok: false });
      expect(await snapshot()).toEqual(before);
      const saved = await owner.request(mutation, variables);
      const error = saved.errors?.[0];
      if (error?.extensions?.code === 'VALIDATION_FAILED') expect({ check, fields: checkFields(checked.data!.r) }).toEqual({ check, fields: error.extensions.fields });
      else expect({ check, message: checked.data!.r.message }).toEqual({ check, message: error?.message });
    }
  });

  it('an auditor and an API key without config:write cannot probe with any check', async () => {
    const introspection = await owner.request<IntrospectionQuery>(getIntrospectionQuery());
    const checks = Object.values(buildClientSchema(introspection.data!).getQueryType()!.getFields()).filter((f) => /^check\w+Input$/.test(f.name));

    const passwordHash = server.services.sealer.seal(await hashPassword('auditor-password-1'), 'admin:passwordHash');
    await server.services.execute(tenantDecider, 'tenant-default-default', { type: 'AddAdmin', adminId: 'auditor-ic', email: 'auditor-ic@example.test', role: 'auditor', passwordHash }, system);
    const auditor = graphqlClient(server.url);
    await auditor.request(SIGN_IN, { e: 'auditor-ic@example.test', p: 'auditor-password-1' });
    const key = await server.services.apiKeys.issue('reader', ['config:read', 'audit:read'], system);
    const reader = graphqlClient(server.url, { bearer: key.token });

    expect(checks.length).toBe(12);
    for (const field of checks) {
      const decl = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const use = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const variables = Object.fromEntries(field.args.map((a) => [a.name, placeholder(a.type)]));
      for (const [who, client] of [['auditor', auditor], ['read-only API key', reader]] as const) {
        const answer = await client.request(`query(${decl}) { ${field.name}(${use}) { ok fields { field } } }`, variables);
        expect({ check: field.name, who, code: answer.errors?.[0]?.extensions?.code, data: answer.data ?? null }).toEqual({ check: field.name, who, code: 'FORBIDDEN', data: null });
      }
    }
  });
});
