import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance } from './serviceTypes';

/** One service instance; fails with `NOT_FOUND` for an unknown id. */
export const ServiceQuery = gql<{ service: ServiceInstance }, { id: string }>`
  query Service($id: ID!) {
    service(id: $id) {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
