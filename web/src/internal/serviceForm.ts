import type { SecondFactorPolicy, ServiceInstance, ServiceInstanceInput } from '../graphql/serviceTypes';

/** The service form as the admin fills it in; an empty id means "none chosen". */
export interface ServiceFormValues {
  icon: string;
  name: string;
  description: string;
  directoryConnectorId: string;
  samlConnectorId: string;
  secondFactor: SecondFactorPolicy;
}

export function newServiceForm(): ServiceFormValues {
  return { icon: 'app', name: '', description: '', directoryConnectorId: '', samlConnectorId: '', secondFactor: 'REQUIRED' };
}

export function serviceFormFrom(service: ServiceInstance): ServiceFormValues {
  return {
    icon: service.icon ?? '',
    name: service.name,
    description: service.description ?? '',
    directoryConnectorId: service.directoryConnectorId ?? '',
    samlConnectorId: service.samlConnectorId ?? '',
    secondFactor: service.secondFactor,
  };
}

/**
 * What the form sends: every field, so an emptied description, icon or connector is cleared;
 * the second factor always explicitly, since the server never turns it off unless told.
 */
export function serviceInputFrom(values: ServiceFormValues): ServiceInstanceInput {
  return {
    icon: values.icon.trim(),
    name: values.name.trim(),
    description: values.description.trim(),
    directoryConnectorId: values.directoryConnectorId,
    samlConnectorId: values.samlConnectorId,
    secondFactor: values.secondFactor,
  };
}
