import { describe, expect, it } from 'vitest';
import { isTrusted, trustedNetworkMatcher } from './trusted-networks';

describe('trusted networks', () => {
  it('matches IPv4 clients against IPv4 ranges and single hosts', () => {
    const networks = ['192.168.10.0/24', '203.0.113.7/32'];
    expect(isTrusted('192.168.10.1', networks)).toBe(true);
    expect(isTrusted('192.168.10.255', networks)).toBe(true);
    expect(isTrusted('192.168.11.1', networks)).toBe(false);
    expect(isTrusted('203.0.113.7', networks)).toBe(true);
    expect(isTrusted('203.0.113.8', networks)).toBe(false);
  });

  it('matches IPv6 clients, however their address is written', () => {
    const networks = ['2001:db8:abcd::/48'];
    expect(isTrusted('2001:db8:abcd:12::1', networks)).toBe(true);
    expect(isTrusted('2001:0DB8:ABCD:0000:0000:0000:0000:0001', networks)).toBe(true);
    expect(isTrusted('fe80::1%eth0', ['fe80::/10'])).toBe(true);
    expect(isTrusted('2001:db8:abce::1', networks)).toBe(false);
  });

  it('treats an IPv4-mapped IPv6 client as the IPv4 address it carries', () => {
    expect(isTrusted('::ffff:192.168.10.20', ['192.168.10.0/24'])).toBe(true);
    expect(isTrusted('::ffff:c0a8:0a14', ['192.168.10.0/24'])).toBe(true);
    expect(isTrusted('::ffff:192.168.11.20', ['192.168.10.0/24'])).toBe(false);
    expect(isTrusted('192.168.10.20', ['::ffff:192.168.10.0/120'])).toBe(true);
  });

  it('keeps the families apart and trusts nothing that is not an address', () => {
    expect(isTrusted('10.0.0.1', ['::/1'])).toBe(false);
    expect(isTrusted('::1', ['0.0.0.0/1'])).toBe(false);
    for (const junk of ['', 'localhost', '10.0.0.256', '10.0.0.1/8', 'unknown']) expect(isTrusted(junk, ['10.0.0.0/8', '::/1'])).toBe(false);
    expect(isTrusted('10.0.0.1', [])).toBe(false);
  });

  it('skips an entry that is not a network instead of trusting more', () => {
    const matches = trustedNetworkMatcher(['not a network', '10.0.0.0/0', '172.16.0.0/12']);
    expect(matches('172.20.1.1')).toBe(true);
    expect(matches('8.8.8.8')).toBe(false);
  });
});
