import type { graphqlClient } from './graphql-client';

type Client = ReturnType<typeof graphqlClient>;

export const SP = { entityId: 'https://sp.example.test/metadata', acsUrl: 'https://sp.example.test/saml/acs' };
export const USER = { username: 'jo', password: 'jo-password-123', email: 'jo@example.test', displayName: 'Jo Tester' };

/**
 * Through GraphQL only: a built-in directory with one user, a generic SAML connector for a
 * test SP, and a started service with the second factor explicitly off.
 */
export async function setUpGenericService(admin: Client, options: { spSigningCertificatePem?: string; requireSignedRequests?: boolean } = {}) {
  const must = <T>(r: { data?: T; errors?: unknown }) => {
    if (r.errors || !r.data) throw new Error(`GraphQL failed: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const directory = must(await admin.request<{ createDirectoryConnector: { id: string } }>(
    'mutation { createDirectoryConnector(input: { name: "Test users", type: BUILT_IN }) { id } }',
  )).createDirectoryConnector;
  must(await admin.request('mutation($c: ID!, $i: NewDirectoryUserInput!) { addDirectoryUser(connectorId: $c, input: $i) { id } }', {
    c: directory.id, i: USER,
  }));
  const connector = must(await admin.request<{ createSamlConnector: { id: string; issuer: string; signingCertificate: { certificatePem: string } } }>(
    `mutation($i: SamlConnectorInput!) { createSamlConnector(input: $i) { id issuer signingCertificate { certificatePem } } }`,
    {
      i: {
        kind: 'GENERIC', name: 'Test SP', spEntityId: SP.entityId, spAssertionConsumerServices: [{ url: SP.acsUrl }],
        nameIdFormat: 'EMAIL_ADDRESS', nameIdSourceAttribute: 'mail',
        attributes: [{ name: 'email', profileField: 'mail' }, { name: 'displayName', profileField: 'displayName' }],
        signAssertion: true, signResponse: true,
        ...(options.spSigningCertificatePem ? { spSigningCertificates: [options.spSigningCertificatePem], requireSignedAuthnRequests: options.requireSignedRequests ?? true } : {}),
      },
    },
  )).createSamlConnector;
  const service = must(await admin.request<{ createService: { id: string; ssoUrl: string } }>(
    'mutation($i: ServiceInstanceInput!) { createService(input: $i) { id ssoUrl } }',
    { i: { name: 'Test app', directoryConnectorId: directory.id, samlConnectorId: connector.id, secondFactor: 'OFF' } },
  )).createService;
  must(await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: service.id }));
  return { directoryId: directory.id, connector, service };
}
