import { generateKeyPairSync } from 'node:crypto';
import { streamId } from '../../api/commands';
import { ENROLLMENT_URL_SEAL_CONTEXT, type TokenPackEvent } from '../../api/domain/token-pack';
import { graphqlClient } from './graphql-client';
import { setUpGenericService, USER } from './saml-test-setup';
import { TEST_ADMIN, type startTestServer } from './start-test-server';

/**
 * A generic SAML service that requires the second factor, and a token pack that enables it,
 * trusts loopback and was sent to USER: `enrollmentLink` is the link of that email.
 */
export async function setUpPushService(server: Awaited<ReturnType<typeof startTestServer>>) {
  const admin = graphqlClient(server.url);
  await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
  const setup = await setUpGenericService(admin);
  await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: setup.service.id, i: { secondFactor: 'REQUIRED' } });
  const pack = (await admin.request<{ createTokenPack: { id: string } }>('mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', { i: { name: 'Phones', primaryDirectoryId: setup.directoryId } })).data!.createTokenPack;
  await admin.request('mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { id } }', { p: pack.id, i: { name: 'Loopback', cidr: '127.0.0.1/32' } });
  await admin.request('mutation($p: ID!, $s: ID!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: true) { id } }', { p: pack.id, s: setup.service.id });
  await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: pack.id, e: [USER.email] });
  const events = (await server.services.store.readStream(streamId('tokenPack', server.services.config.COUNTERSIGN_DEFAULT_TENANT, pack.id))) as unknown as TokenPackEvent[];
  const send = events.find((e): e is Extract<TokenPackEvent, { type: 'TokenPackSendRequested' }> => e.type === 'TokenPackSendRequested')!;
  return { ...setup, enrollmentLink: server.services.sealer.unseal(send.data.enrollmentUrl, ENROLLMENT_URL_SEAL_CONTEXT) };
}

/** A device made in the test: USER enrols it through the authenticator API (from loopback, a trusted network: active at once). */
export async function enrollDevice(serverUrl: string, link: string, deviceName = 'Test phone') {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) throw new Error(json.error?.message);
    return json;
  };
  const started = await post<{ enrollmentId: string; enrollmentKey: string }>('/api/enroll', { link });
  const auth = { authorization: `Enrollment ${started.enrollmentKey}` };
  const signedIn = await post<{ activationCode: string }>(`/api/enroll/${started.enrollmentId}/sign-in`, { username: USER.username, password: USER.password }, auth);
  const activated = await post<{ deviceId: string }>(`/api/enroll/${started.enrollmentId}/activate`, { code: signedIn.activationCode, publicKeyJwk: publicKey.export({ format: 'jwk' }), deviceName }, auth);
  return { deviceId: activated.deviceId, privateKey };
}
