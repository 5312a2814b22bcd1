import { gql } from 'urql';
import type { SetupOverview } from './dashboardTypes';

/** Just enough of services, connectors and token packs to tell which set-up steps are done. */
export const SetupOverviewQuery = gql<SetupOverview, Record<string, never>>`
  query SetupOverview {
    services {
      id
      name
      icon
      state
      directoryConnectorId
      samlConnectorId
    }
    directoryConnectors {
      id
      name
      template
      lastTest {
        ok
      }
    }
    samlConnectors {
      id
      name
      kind
      template
      federatedDomain
    }
    tokenPacks {
      id
      name
      services {
        serviceId
        enabled
      }
      sends(first: 20) {
        status
      }
    }
  }
`;
