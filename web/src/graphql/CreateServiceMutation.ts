import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance, ServiceInstanceInput } from './serviceTypes';

/** Creates a stopped service instance; the second factor is REQUIRED unless set to OFF. */
export const CreateServiceMutation = gql<{ createService: ServiceInstance }, { input: ServiceInstanceInput }>`
  mutation CreateService($input: ServiceInstanceInput!) {
    createService(input: $input) {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
