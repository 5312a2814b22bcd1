import { describe, expect, it } from 'vitest';
import { formatIp, parseCidr, parseIp } from './cidr';

const cidrOf = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr : parsed.problem;
};

describe('CIDR parsing', () => {
  it('writes IPv6 the RFC 5952 way: lower case, no leading zeros, the longest zero run as ::', () => {
    expect(formatIp(parseIp('2001:0DB8:0000:0000:0001:0000:0000:0001')!)).toBe('2001:db8::1:0:0:1');
    expect(formatIp(parseIp('1:0:0:4:0:0:0:8')!)).toBe('1:0:0:4::8');
    expect(formatIp(parseIp('1:2:3:4:5:6:0:8')!)).toBe('1:2:3:4:5:6:0:8');
    expect(formatIp(parseIp('::')!)).toBe('::');
    expect(formatIp(parseIp('64:ff9b::192.0.2.33')!)).toBe('64:ff9b::c000:221');
  });

  it('clears host bits at any prefix length, in both families', () => {
    expect(cidrOf('172.16.200.9/12')).toBe('172.16.0.0/12');
    expect(cidrOf('10.255.255.255/31')).toBe('10.255.255.254/31');
    expect(cidrOf('2001:db8:abcd:ffff::1/52')).toBe('2001:db8:abcd:f000::/52');
    expect(cidrOf(' 2001:db8::1 ')).toBe('2001:db8::1/128');
  });

  it('refuses zones, empty input and prefixes that are not whole numbers', () => {
    expect(cidrOf('fe80::1%eth0/64')).toMatch(/not an IPv4 or IPv6 address/);
    expect(cidrOf('')).toMatch(/^Enter an IPv4 or IPv6 address/);
    expect(cidrOf('10.0.0.0/')).toMatch(/whole number from 1 to 32/);
    expect(cidrOf('10.0.0.0/-8')).toMatch(/whole number/);
    expect(cidrOf('::ffff:10.0.0.0/64')).toMatch(/at least 96/);
  });
});
