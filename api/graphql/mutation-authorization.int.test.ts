import { buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

/**
 * Mutations anyone may call: they act on the caller's own session, not on the configuration.
 * acceptAdminInvitation needs the emailed single-use token instead of a session.
 */
const SELF_SERVICE = new Set(['signIn', 'signOut', 'completeSetup', 'acceptAdminInvitation']);

/**
 * Every mutation in the schema, whatever it is, must refuse an API key without write scopes
 * and an auditor. Arguments are filled with placeholders: authorization is checked before
 * the arguments are looked at, so a refusal must come back as FORBIDDEN.
 */
describe('read-only callers cannot change anything', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let mutations: Array<{ name: string; args: Array<{ name: string; type: string; value: unknown }> }>;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    server = await startTestServer();
    const introspection = await graphqlClient(server.url).request<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection.data!);
    mutations = Object.values(schema.getMutationType()!.getFields())
      .filter((f) => !SELF_SERVICE.has(f.name))
      .map((f) => ({ name: f.name, args: f.args.map((a) => ({ name: a.name, type: String(a.type), value: placeholder(a.type) })) }));
    scalarMutations = new Set(
      Object.values(schema.getMutationType()!.getFields())
        .filter((f) => isScalarType(getNamedType(f.type)))
        .map((f) => f.name),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

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
  const call = (client: ReturnType<typeof graphqlClient>, m: (typeof mutations)[number]) => {
    const decl = m.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
    const use = m.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const query = `mutation${decl ? `(${decl})` : ''} { ${m.name}${use ? `(${use})` : ''} ${selection(m.name)} }`;
    return client.request(query, Object.fromEntries(m.args.map((a) => [a.name, a.value])));
  };
  // A selection that is valid whatever the mutation returns: __typename works on every object type.
  const selection = (name: string) => (scalarMutations.has(name) ? '' : '{ __typename }');
  let scalarMutations = new Set<string>();

  it('covers every mutation (and the schema has some)', () => {
    expect(mutations.length).toBeGreaterThan(20);
  });

  it('an API key with only config:read and audit:read gets FORBIDDEN for every mutation', async () => {
    const key = await server.services.apiKeys.issue('reader', ['config:read', 'audit:read'], { tenantId: 'default', actor: { kind: 'system', id: 't' }, correlationId: 'c', causationId: 'c' });
    const reader = graphqlClient(server.url, { bearer: key.token });
    for (const m of mutations) {
      const result = await call(reader, m);
      expect({ mutation: m.name, code: result.errors?.[0]?.extensions?.code }).toEqual({ mutation: m.name, code: 'FORBIDDEN' });
    }
  });

  it('an auditor gets FORBIDDEN for every mutation', async () => {
    const owner = graphqlClient(server.url);
    await owner.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const { hashPassword } = await import('../crypto');
    const passwordHash = server.services.sealer.seal(await hashPassword('auditor-password-1'), 'admin:passwordHash');
    const { tenantDecider } = await import('../domain/tenant');
    await server.services.execute(tenantDecider, 'tenant-default-default', { type: 'AddAdmin', adminId: 'auditor-1', email: 'auditor@example.test', role: 'auditor', passwordHash }, {
      tenantId: 'default', actor: { kind: 'system', id: 't' }, correlationId: 'c', causationId: 'c',
    });
    const auditor = graphqlClient(server.url);
    await auditor.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: 'auditor@example.test', p: 'auditor-password-1' });
    for (const m of mutations) {
      const result = await call(auditor, m);
      expect({ mutation: m.name, code: result.errors?.[0]?.extensions?.code }).toEqual({ mutation: m.name, code: 'FORBIDDEN' });
    }
  });
});
