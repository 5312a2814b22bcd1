import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance } from './serviceTypes';

/** The organisation's service instances, by name. */
export const ServicesQuery = gql<{ services: ServiceInstance[] }, Record<string, never>>`
  query Services {
    services {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
