import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

/** A network in canonical form: host bits cleared, IPv4-mapped IPv6 turned into IPv4. */
export interface Cidr {
  family: 4 | 6;
  /** The network address, e.g. `10.0.0.0` or `2001:db8::`. */
  address: string;
  prefix: number;
  /** `address/prefix`, what is stored and shown. */
  cidr: string;
}

export type CidrParse = ({ ok: true } & Cidr) | { ok: false; problem: string };

/**
 * Parses an IPv4 or IPv6 address, or a CIDR range, typed by an admin. A bare address is a
 * single host (/32 or /128). Host bits are accepted and cleared (`10.1.2.3/8` becomes
 * `10.0.0.0/8`): a prefix match ignores them anyway, so the range trusted is the same one the
 * admin typed, and the canonical form shows them what it is. IPv4-mapped IPv6
 * (`::ffff:10.0.0.0/104`) becomes the IPv4 range it means. /0 is refused: it trusts everyone.
 */
export function parseCidr(input: string): CidrParse {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'Enter an IPv4 or IPv6 address or range, e.g. 203.0.113.0/24 or 2001:db8::/32.' };
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const parsed = parseIp(addressText);
  if (!parsed || addressText.includes('%')) {
    return { ok: false, problem: `"${addressText}" is not an IPv4 or IPv6 address; write a range as address/prefix, e.g. 203.0.113.0/24.` };
  }
  const max = parsed.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) {
    return { ok: false, problem: `The prefix length after "/" must be a whole number from 1 to ${max}.` };
  }
  let prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return { ok: false, problem: `An ${parsed.family === 4 ? 'IPv4' : 'IPv6'} prefix length is at most ${max}.` };
  let ip = parsed;
  const mapped = unmapIpv4(parsed);
  if (mapped !== parsed) {
    if (prefix < 96) return { ok: false, problem: 'An IPv4-mapped IPv6 range (::ffff:a.b.c.d) needs a prefix length of at least 96.' };
    ip = mapped;
    prefix -= 96;
  }
  if (prefix === 0) return { ok: false, problem: 'A /0 range would trust every address on the internet; enter your own network.' };
  const network = maskBytes(ip.bytes, prefix);
  const address = formatIp({ family: ip.family, bytes: network });
  return { ok: true, family: ip.family, address, prefix, cidr: `${address}/${prefix}` };
}

/** Parses an address (IPv6 may carry a `%zone`, which is dropped); null when it is not one. */
export function parseIp(input: string): IpAddress | null {
  const text = input.trim().replace(/%[^%]*$/, '');
  if (isIPv4(text)) return { family: 4, bytes: Uint8Array.from(text.split('.').map(Number)) };
  if (!isIPv6(text)) return null;
  return { family: 6, bytes: ipv6Bytes(text) };
}

/** `::ffff:a.b.c.d` as the IPv4 address it carries; any other address as it is. */
export function unmapIpv4(ip: IpAddress): IpAddress {
  if (ip.family !== 6) return ip;
  const b = ip.bytes;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return ip;
  if (b[10] !== 0xff || b[11] !== 0xff) return ip;
  return { family: 4, bytes: b.slice(12) };
}

/** Dotted decimal for IPv4; RFC 5952 text (lower case, longest zero run as `::`) for IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i]! << 8) | ip.bytes[2 * i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function maskBytes(bytes: Uint8Array, prefix: number): Uint8Array {
  return bytes.map((byte, i) => {
    const bits = Math.min(8, Math.max(0, prefix - i * 8));
    return bits === 0 ? 0 : byte & (0xff << (8 - bits));
  });
}

/** Expands a text `isIPv6` accepted (with `::` and an optional embedded IPv4) into 16 bytes. */
function ipv6Bytes(text: string): Uint8Array {
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  let body = text;
  if (last.includes('.')) {
    const [a, b, c, d] = last.split('.').map(Number);
    body = `${text.slice(0, lastColon + 1)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, rest] = body.includes('::') ? body.split('::') : [body, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(rest);
  const zeros = rest === undefined ? [] : new Array<number>(8 - front.length - back.length).fill(0);
  const bytes = new Uint8Array(16);
  [...front, ...zeros, ...back].forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}
