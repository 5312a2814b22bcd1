import { useSyncExternalStore } from 'react';
import { useSession } from '../components/SessionProvider';
import type { LiveStatus } from '../internal/createLiveStatusStore';

/** The subscription socket's connection state: `idle`, `connecting` or `connected`. */
export function useLiveStatus(): LiveStatus {
  const { liveStatus } = useSession();
  return useSyncExternalStore(liveStatus.subscribe, liveStatus.get);
}
