import { gql } from 'urql';
import type { DashboardStats } from './dashboardTypes';

/** Sign-ins per hour, enrolments, running services and the latest fraud reports. */
export const DashboardStatsQuery = gql<{ dashboardStats: DashboardStats }, { hours?: number }>`
  query DashboardStats($hours: Int) {
    dashboardStats(hours: $hours) {
      hours
      signInsByHour {
        hour
        approved
        denied
        expired
        failedFirstFactor
      }
      enrolledUsers
      activeDevices
      servicesRunning
      servicesTotal
      recentFraudReports {
        occurredAt
        username
        serviceId
        serviceName
        clientIp
        correlationId
      }
    }
  }
`;
