import { fold, streamId } from '../../api/commands';
import type { Sealer } from '../../api/crypto';
import { MAIL_SETTINGS_STREAM_ID, mailSettingsDecider, type MailSettingsEvent } from '../../api/domain/mail-settings';
import type { EventStore } from '../../api/eventstore';
import type { MailMessage, MailTransport } from './mail-transport';
import { createTenantSmtpTransport } from './tenant-smtp-transport';

export interface TenantMailTransportDeps {
  store: EventStore;
  sealer: Sealer;
  /** The deployment's default: the `SMTP_URL` server, or the outbox folder. */
  fallback: MailTransport;
}

interface Cached {
  /** Id of the last settings event the transport was built from. */
  version: string;
  transport: MailTransport;
}

/**
 * The mail workers' transport: a message with a `tenantId` whose organisation has its own SMTP
 * server goes through that server, with that organisation's sender; every other message goes
 * through the deployment's default. The settings are read from the organisation's stream at
 * each send (it is one short stream), so a change made on another node applies at the next
 * mail; the SMTP connection per organisation is kept and rebuilt only when the settings change.
 */
export function createTenantMailTransport(deps: TenantMailTransportDeps): MailTransport {
  const cache = new Map<string, Cached>();

  async function transportFor(tenantId: string): Promise<MailTransport> {
    const recorded = await deps.store.readStream(streamId('mailSettings', tenantId, MAIL_SETTINGS_STREAM_ID));
    const state = fold(mailSettingsDecider, recorded as unknown as MailSettingsEvent[]);
    const version = recorded.at(-1)?.eventId ?? '';
    const cached = cache.get(tenantId);
    if (cached?.version === version) return cached.transport;
    if (cached) {
      cache.delete(tenantId);
      await cached.transport.close();
    }
    if (state.status !== 'set') return deps.fallback;
    const transport = createTenantSmtpTransport(state.settings, deps.sealer);
    cache.set(tenantId, { version, transport });
    return transport;
  }

  return {
    async send(message: MailMessage) {
      const transport = message.tenantId ? await transportFor(message.tenantId) : deps.fallback;
      return transport.send(message);
    },
    async close() {
      const open = [...cache.values()].map((c) => c.transport);
      cache.clear();
      await Promise.all([...open.map((t) => t.close()), deps.fallback.close()]);
    },
  };
}
