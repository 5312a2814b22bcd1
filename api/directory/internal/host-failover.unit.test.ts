import { describe, expect, it } from 'vitest';

import { directoryHosts } from './directory-host';
import { AllHostsFailedError, HostFailover } from './host-failover';

describe('HostFailover', () => {
  const hosts = directoryHosts(['dc1.example.com', 'dc2.example.com:3269', '[2001:db8::1]'], 636);

  it('reads host entries with their own ports', () => {
    expect(hosts.map((host) => host.label)).toEqual(['dc1.example.com:636', 'dc2.example.com:3269', '[2001:db8::1]:636']);
  });

  it('tries hosts in order and uses the first that answers', async () => {
    const tried: string[] = [];
    const failover = new HostFailover(hosts);
    const used = await failover.connect(async (host) => {
      tried.push(host.host);
      if (host.host === 'dc1.example.com') throw new Error('connect ECONNREFUSED');
      return host.host;
    });
    expect(used).toBe('dc2.example.com');
    expect(tried).toEqual(['dc1.example.com', 'dc2.example.com']);
  });

  it('tries a host that just failed last until its cool-down is over', async () => {
    let now = 0;
    const failover = new HostFailover(hosts, 30_000, () => now);
    await failover.connect(async (host) => {
      if (host.host === 'dc1.example.com') throw new Error('down');
      return host;
    });
    expect(failover.order().map((host) => host.host)).toEqual(['dc2.example.com', '2001:db8::1', 'dc1.example.com']);
    now = 30_001;
    expect(failover.order()[0]!.host).toBe('dc1.example.com');
  });

  it('reports every host when none answers', async () => {
    const failover = new HostFailover(hosts);
    const error = await failover.connect(async () => { throw new Error('down'); }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AllHostsFailedError);
    expect((error as AllHostsFailedError).failures).toHaveLength(3);
  });
});
