/** Whether a service asks for the second factor. OFF is only ever set explicitly, per service. */
export type SecondFactorPolicy = 'REQUIRED' | 'OFF';

/** A service instance as an admin configures it. */
export interface ServiceInstanceSettings {
  name: string;
  description: string | null;
  /** An icon key (`office-365`), an https URL, or a small `data:image/...;base64,` URL. */
  icon: string | null;
  /** The directory users sign in against (first factor). */
  directoryConnectorId: string | null;
  /** The SAML connector describing the service provider and Countersign's signing key. */
  samlConnectorId: string | null;
  secondFactor: SecondFactorPolicy;
}

/** One stream per service instance: `service-<tenant>-<serviceId>`. */
export type ServiceEvent =
  | { type: 'ServiceInstanceConfigured'; data: { serviceId: string } & ServiceInstanceSettings }
  | { type: 'ServiceStarted'; data: { serviceId: string } }
  | { type: 'ServiceStopped'; data: { serviceId: string } }
  | { type: 'ServiceDeleted'; data: { serviceId: string } };

export const serviceEventTypes = ['ServiceInstanceConfigured', 'ServiceStarted', 'ServiceStopped', 'ServiceDeleted'] as const;
