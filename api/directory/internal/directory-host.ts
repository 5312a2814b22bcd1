import { isIP } from 'node:net';

/** One directory server to try: where to connect and how to name it to an admin. */
export interface DirectoryHost {
  host: string;
  port: number;
  /** `host:port`, with IPv6 in brackets. */
  label: string;
}

const hostname = /^(?=.{1,253}$)(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * Reads one entry of a connector's host list: `dc1.example.com`, `10.0.0.5`, `[2001:db8::1]`,
 * optionally with its own `:port` (which then wins over the connector's port). Returns a
 * sentence saying what to fix when the entry is not a host.
 */
export function parseHostEntry(entry: string, defaultPort: number): DirectoryHost | { problem: string } {
  const text = entry.trim();
  if (/^ldaps?:\/\//i.test(text)) {
    return { problem: `Write '${text}' without ${text.split('//')[0]}//: choose LDAPS or StartTLS under security instead.` };
  }
  let host = text;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (withPort) {
    host = withPort[1]!;
    port = Number(withPort[2]);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { problem: `The port in '${text}' must be a whole number from 1 to 65535.` };
  }
  const ipVersion = isIP(host);
  if (ipVersion === 0 && !hostname.test(host)) {
    return { problem: `'${text}' is not a host name or IP address; write it like dc1.example.com, 10.0.0.5 or dc1.example.com:3269.` };
  }
  if (bracketed && ipVersion !== 6) return { problem: `Only IPv6 addresses go in brackets: '${text}'.` };
  return { host, port, label: ipVersion === 6 ? `[${host}]:${port}` : `${host}:${port}` };
}

/** Every host of a connector, in the order they are tried. Assumes the config was validated. */
export function directoryHosts(hosts: readonly string[], defaultPort: number): DirectoryHost[] {
  return hosts.map((entry) => {
    const parsed = parseHostEntry(entry, defaultPort);
    if ('problem' in parsed) throw new Error(parsed.problem);
    return parsed;
  });
}
