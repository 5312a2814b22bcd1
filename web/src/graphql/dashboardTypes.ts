/** Hand-written result types for the dashboard's operations, matching `schema.graphql`. */

import type { ServiceState } from './serviceTypes';

export interface SignInHour {
  /** ISO 8601: start of the hour (UTC). */
  hour: string;
  approved: number;
  denied: number;
  expired: number;
  failedFirstFactor: number;
}

export interface FraudReport {
  occurredAt: string;
  username: string | null;
  serviceId: string | null;
  serviceName: string | null;
  clientIp: string | null;
  correlationId: string;
}

export interface DashboardStats {
  hours: number;
  signInsByHour: SignInHour[];
  enrolledUsers: number;
  activeDevices: number;
  servicesRunning: number;
  servicesTotal: number;
  recentFraudReports: FraudReport[];
}

/** What the Getting Started checklist needs of the organisation's configuration. */
export interface SetupOverview {
  services: Array<{ id: string; name: string; icon: string | null; state: ServiceState; directoryConnectorId: string | null; samlConnectorId: string | null }>;
  directoryConnectors: Array<{ id: string; name: string; template: boolean; lastTest: { ok: boolean } | null }>;
  samlConnectors: Array<{ id: string; name: string; kind: string; template: boolean; federatedDomain: string | null }>;
  tokenPacks: Array<{ id: string; name: string; services: Array<{ serviceId: string; enabled: boolean }>; sends: Array<{ status: string }> }>;
}
