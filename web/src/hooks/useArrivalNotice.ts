import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A notice handed over in the navigation state ("created", "deleted"): shown once on arrival,
 * then removed from the history entry so a reload or a later visit does not show it again.
 */
export function useArrivalNotice(): [string | null, (notice: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const arrival = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrival);
  useEffect(() => {
    if (arrival) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [arrival, location.pathname, location.search, navigate]);
  return [notice, setNotice];
}
