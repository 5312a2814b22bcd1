import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createAdminClient, type AdminClient } from '../client';
import type { LiveStatusStore } from '../internal/createLiveStatusStore';

interface Session {
  /** Drops the client, its cache and its socket, and starts afresh; call after sign-in and sign-out. */
  resetSession(): void;
  liveStatus: LiveStatusStore;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Owns the urql client. Each admin session gets its own client, so nothing cached for one
 * session (or none) is shown in the next, and the subscription socket reopens with the new cookie.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [adminClient, setAdminClient] = useState<AdminClient>(createAdminClient);
  const current = useRef(adminClient);
  const resetSession = useCallback(() => {
    current.current.dispose();
    current.current = createAdminClient();
    setAdminClient(current.current);
  }, []);
  // A session that expires while the app is open ends the same way as signing out.
  useEffect(() => adminClient.onSessionEnded(resetSession), [adminClient, resetSession]);
  const session = useMemo(
    () => ({ resetSession, liveStatus: adminClient.liveStatus }),
    [resetSession, adminClient],
  );
  return (
    <SessionContext.Provider value={session}>
      <Provider value={adminClient.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
