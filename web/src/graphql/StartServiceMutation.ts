import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance } from './serviceTypes';

/** Starts answering sign-ins; refused (`VALIDATION_FAILED`, per connector field) until both connectors are set. */
export const StartServiceMutation = gql<{ startService: ServiceInstance }, { id: string }>`
  mutation StartService($id: ID!) {
    startService(id: $id) {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
