import type { Decider } from '../../commands';
import type { TenantCommand } from './commands';
import { decideTenant } from './decide';
import type { TenantEvent } from './events';
import { evolveTenant, initialTenantState, type TenantState } from './evolve';

export const tenantDecider: Decider<TenantCommand, TenantEvent, TenantState> = {
  initialState: initialTenantState,
  decide: decideTenant,
  evolve: evolveTenant,
};
