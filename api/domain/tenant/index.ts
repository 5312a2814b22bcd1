export * from './events';
export type { TenantCommand } from './commands';
export { tenantDecider } from './tenant-decider';
export type { TenantState } from './evolve';
