import type { SamlConnectorEvent, StoredSigningSlots } from './events';

/** How a key event changes the slots; shared by the decider and the read model so they agree. */
export function evolveSigningSlots(slots: StoredSigningSlots, event: SamlConnectorEvent): StoredSigningSlots {
  switch (event.type) {
    case 'SigningKeyGenerated': {
      const { connectorId: _, slot, ...key } = event.data;
      return { ...slots, [slot]: key };
    }
    case 'SigningKeyRotated': {
      if (!slots.next) return slots;
      return { current: slots.next, ...(slots.current ? { previous: slots.current } : {}) };
    }
    case 'PreviousSigningKeyRemoved': {
      const { previous: _, ...rest } = slots;
      return rest;
    }
    default:
      return slots;
  }
}
