import { BlockList } from 'node:net';
import { formatIp, parseCidr, parseIp, unmapIpv4 } from '../domain/token-pack';

/**
 * A matcher for a token pack's trusted networks, built once and used for many client
 * addresses. Entries that do not parse are skipped (they trust nothing); stored networks are
 * canonical already.
 */
export function trustedNetworkMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  // One list per family: a single BlockList also matches IPv4 clients against IPv6 ranges
  // (as ::ffff:a.b.c.d), so `::/1` would quietly trust half of the IPv4 internet.
  const lists = { 4: new BlockList(), 6: new BlockList() };
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (cidr.ok) lists[cidr.family].addSubnet(cidr.address, cidr.prefix, cidr.family === 4 ? 'ipv4' : 'ipv6');
  }
  return (ip) => {
    const parsed = parseIp(ip);
    if (!parsed) return false;
    // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d; match it as the IPv4 it is.
    const address = unmapIpv4(parsed);
    return lists[address.family].check(formatIp(address), address.family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * Whether a client address (IPv4, IPv6 with or without a zone, or IPv4-mapped IPv6) lies in
 * one of the networks. Anything that is not an address is not trusted.
 */
export function isTrusted(ip: string, cidrs: readonly string[]): boolean {
  return trustedNetworkMatcher(cidrs)(ip);
}
