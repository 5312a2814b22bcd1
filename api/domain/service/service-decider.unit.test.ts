import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { ServiceEvent, ServiceInstanceSettings } from './events';
import { serviceDecider, type ConnectorFacts, type ServiceCommand, type ServiceSettingsInput } from './service-decider';

const both: ConnectorFacts = { directoryConnectorExists: true, samlConnectorExists: true };
const input: ServiceSettingsInput = { name: 'Office 365', description: null, icon: 'office-365', directoryConnectorId: 'd1', samlConnectorId: 's1' };
const settings: ServiceInstanceSettings = { ...input, secondFactor: 'REQUIRED' };
const configured: ServiceEvent = { type: 'ServiceInstanceConfigured', data: { serviceId: 'v1', ...settings } };
const started: ServiceEvent = { type: 'ServiceStarted', data: { serviceId: 'v1' } };

const given = (events: ServiceEvent[]) => ({
  when: (command: ServiceCommand) => () => serviceDecider.decide(command, fold(serviceDecider, events)),
});
const fieldsOf = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (error) {
    return (error as { details: { fields: Record<string, string> } }).details.fields;
  }
  throw new Error('expected a validation error');
};

describe('service instance decider', () => {
  it('a new service requires the second factor unless it is explicitly switched off', () => {
    expect(given([]).when({ type: 'CreateService', serviceId: 'v1', settings: input, facts: both })()).toEqual([configured]);
    const off = given([]).when({ type: 'CreateService', serviceId: 'v1', settings: { ...input, secondFactor: 'OFF' }, facts: both })();
    expect(off[0]).toMatchObject({ data: { secondFactor: 'OFF' } });
  });

  it('an update that leaves the second factor out keeps it as it was', () => {
    const off: ServiceEvent = { type: 'ServiceInstanceConfigured', data: { serviceId: 'v1', ...settings, secondFactor: 'OFF' } };
    const renamed = given([off]).when({ type: 'UpdateService', settings: { ...input, name: 'M365' }, facts: both })();
    expect(renamed[0]).toMatchObject({ data: { name: 'M365', secondFactor: 'OFF' } });
    expect(given([configured]).when({ type: 'UpdateService', settings: input, facts: both })()).toEqual([]);
  });

  it('says which settings are wrong', () => {
    const fields = fieldsOf(
      given([]).when({ type: 'CreateService', serviceId: 'v1', settings: { ...input, name: '', icon: 'javascript:alert(1)' }, facts: { directoryConnectorExists: false, samlConnectorExists: true } }),
    );
    expect(fields).toEqual({ name: expect.stringMatching(/Give the service a name/), icon: expect.stringMatching(/https:\/\/ URL/), directoryConnectorId: expect.stringMatching(/No directory connector/) });
  });

  it('starting needs both connectors set and existing', () => {
    const bare: ServiceEvent = { type: 'ServiceInstanceConfigured', data: { serviceId: 'v1', ...settings, samlConnectorId: null } };
    expect(fieldsOf(given([bare]).when({ type: 'StartService', facts: { directoryConnectorExists: true, samlConnectorExists: false } }))).toEqual({
      samlConnectorId: expect.stringMatching(/Choose the SAML connector/),
    });
    expect(fieldsOf(given([configured]).when({ type: 'StartService', facts: { directoryConnectorExists: false, samlConnectorExists: true } }))).toEqual({
      directoryConnectorId: expect.stringMatching(/was deleted/),
    });
    expect(given([configured]).when({ type: 'StartService', facts: both })()).toEqual([started]);
  });

  it('start and stop are idempotent', () => {
    expect(given([configured, started]).when({ type: 'StartService', facts: both })()).toEqual([]);
    expect(given([configured]).when({ type: 'StopService' })()).toEqual([]);
    expect(given([configured, started]).when({ type: 'StopService' })()).toEqual([{ type: 'ServiceStopped', data: { serviceId: 'v1' } }]);
  });

  it('a running service keeps its connectors and cannot be deleted', () => {
    expect(fieldsOf(given([configured, started]).when({ type: 'UpdateService', settings: { ...input, samlConnectorId: null }, facts: both }))).toEqual({
      samlConnectorId: expect.stringMatching(/stop the service first/),
    });
    expect(given([configured, started]).when({ type: 'DeleteService' })).toThrow(/stop it before deleting it/);
    expect(given([configured]).when({ type: 'DeleteService' })()).toEqual([{ type: 'ServiceDeleted', data: { serviceId: 'v1' } }]);
  });
});
