import { useOutletContext } from 'react-router';
import type { Admin } from '../graphql/types';

/** The signed-in admin, for pages rendered inside the app shell. */
export function useAdmin(): Admin {
  return useOutletContext<Admin>();
}
