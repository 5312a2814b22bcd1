import type { DirectoryHost } from './directory-host';

/** Every host refused; `failures` holds each host's error, in the order tried. */
export class AllHostsFailedError extends Error {
  override name = 'AllHostsFailedError';
  constructor(readonly failures: { host: DirectoryHost; error: unknown }[]) {
    super(failures.map(({ host, error }) => `${host.label}: ${(error as Error).message}`).join('; '));
  }
}

/**
 * Chooses which directory host to dial: the connector's hosts in their order, except that a
 * host that just failed waits out a cool-down at the back of the line, so sign-ins do not pay
 * a connect timeout for a server known to be down. When every host is cooling down they are
 * all tried anyway.
 */
export class HostFailover {
  private readonly downUntil = new Map<DirectoryHost, number>();

  constructor(
    readonly hosts: readonly DirectoryHost[],
    private readonly cooldownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The hosts in the order to try them now. */
  order(): DirectoryHost[] {
    const now = this.now();
    const up = this.hosts.filter((host) => (this.downUntil.get(host) ?? 0) <= now);
    const cooling = this.hosts
      .filter((host) => (this.downUntil.get(host) ?? 0) > now)
      .sort((a, b) => this.downUntil.get(a)! - this.downUntil.get(b)!);
    return [...up, ...cooling];
  }

  /**
   * Runs `connect` against each host in {@link order} until one succeeds. Throws
   * {@link AllHostsFailedError} when none does.
   */
  async connect<T>(connect: (host: DirectoryHost) => Promise<T>): Promise<T> {
    const failures: { host: DirectoryHost; error: unknown }[] = [];
    for (const host of this.order()) {
      try {
        const result = await connect(host);
        this.downUntil.delete(host);
        return result;
      } catch (error) {
        this.downUntil.set(host, this.now() + this.cooldownMs);
        failures.push({ host, error });
      }
    }
    throw new AllHostsFailedError(failures);
  }
}
