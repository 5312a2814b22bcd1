/** Hand-written result types for Settings › Admins & roles, matching `schema.graphql`. */
import type { AdminRole } from './types';

/** `AdminState`: invited (link not used yet), active, or removed. */
export type AdminState = 'INVITED' | 'ACTIVE' | 'REMOVED';

export interface AdminAccount {
  __typename?: 'AdminAccount';
  id: string;
  email: string;
  role: AdminRole;
  state: AdminState;
  /** Email of the owner who invited them; null for the first owner. */
  invitedBy: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  invitationExpiresAt: string | null;
  /** Why the invitation email could not be sent; null when sent or still being tried. */
  invitationEmailProblem: string | null;
  isYou: boolean;
}

export interface AdminAccountPage {
  __typename?: 'AdminAccountPage';
  admins: AdminAccount[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** What an invitation link is for, shown before the invitee chooses a password. */
export interface AdminInvitation {
  __typename?: 'AdminInvitation';
  email: string;
  role: AdminRole;
  organisation: string;
  expiresAt: string;
}
