import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance, ServiceInstanceInput } from './serviceTypes';

/** Changes a service instance; fields left out keep their values, an empty description or icon clears it. */
export const UpdateServiceMutation = gql<{ updateService: ServiceInstance }, { id: string; input: ServiceInstanceInput }>`
  mutation UpdateService($id: ID!, $input: ServiceInstanceInput!) {
    updateService(id: $id, input: $input) {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
