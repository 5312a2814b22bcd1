import { gql } from 'urql';
import { ServiceInstanceFields } from './ServiceInstanceFields';
import type { ServiceInstance } from './serviceTypes';

/** Stops answering sign-ins. */
export const StopServiceMutation = gql<{ stopService: ServiceInstance }, { id: string }>`
  mutation StopService($id: ID!) {
    stopService(id: $id) {
      ...ServiceInstanceFields
    }
  }
  ${ServiceInstanceFields}
`;
