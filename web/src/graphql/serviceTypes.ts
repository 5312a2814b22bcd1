/** Hand-written result types for the service instance operations, matching `schema.graphql`. */

export type ServiceState = 'STARTED' | 'STOPPED';
export type SecondFactorPolicy = 'REQUIRED' | 'OFF';

export interface ServiceInstance {
  __typename?: 'ServiceInstance';
  id: string;
  name: string;
  description: string | null;
  /** A built-in icon name such as `office-365`, an https:// URL, or a data:image URL. */
  icon: string | null;
  directoryConnectorId: string | null;
  samlConnectorId: string | null;
  state: ServiceState;
  secondFactor: SecondFactorPolicy;
  ssoUrl: string;
  sloUrl: string;
  metadataUrl: string;
  startBlockers: string[];
  createdAt: string;
  updatedAt: string;
}

/** On update a field left out keeps its value; an empty description or icon clears it. */
export interface ServiceInstanceInput {
  name?: string;
  description?: string;
  icon?: string;
  directoryConnectorId?: string;
  samlConnectorId?: string;
  secondFactor?: SecondFactorPolicy;
}
