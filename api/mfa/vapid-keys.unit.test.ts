import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { newVapidKeyPair, vapidSubjectOf } from './vapid-keys';

describe('VAPID key pair and subject', () => {
  it('makes a P-256 pair in the form browsers take: a 65-byte uncompressed public point and a 32-byte private scalar', () => {
    const { publicKey, privateKey } = newVapidKeyPair();
    const point = Buffer.from(publicKey, 'base64url');
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(4);
    expect(Buffer.from(privateKey, 'base64url')).toHaveLength(32);
    const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
    const signature = sign('sha256', Buffer.from('t'), createPrivateKey({ key: { ...jwk, d: privateKey }, format: 'jwk' }));
    expect(verify('sha256', Buffer.from('t'), createPublicKey({ key: jwk, format: 'jwk' }), signature)).toBe(true);
  });

  it('contacts: COUNTERSIGN_VAPID_SUBJECT, else the https public URL, else mailto: the mail sender', () => {
    const config = (env: Record<string, string>) => loadConfig({ COUNTERSIGN_MAIL_FROM: 'idp@example.com', ...env });
    expect(vapidSubjectOf(config({ COUNTERSIGN_VAPID_SUBJECT: 'mailto:security@example.com' }))).toBe('mailto:security@example.com');
    expect(vapidSubjectOf(config({ COUNTERSIGN_PUBLIC_URL: 'https://idp.example.com/' }))).toBe('https://idp.example.com');
    expect(vapidSubjectOf(config({ COUNTERSIGN_PUBLIC_URL: 'http://localhost:4000' }))).toBe('mailto:idp@example.com');
    expect(() => config({ COUNTERSIGN_VAPID_SUBJECT: 'http://idp.example.com' })).toThrow(/COUNTERSIGN_VAPID_SUBJECT: must be a mailto: address or an https:\/\/ URL/);
  });
});
