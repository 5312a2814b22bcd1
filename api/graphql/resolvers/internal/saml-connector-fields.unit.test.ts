import { describe, expect, it } from 'vitest';
import { parseConnectorConfig } from '../../../saml';
import { genericConnector, office365Connector } from '../../../../test/saml/fixtures/saml-fixtures';
import { configFromFields, fieldsFromConfig, flatFieldName, mergeFields } from './saml-connector-fields';

describe('SAML connector fields for the dashboard', () => {
  it('flattening and rebuilding a stored config loses nothing, for both kinds', () => {
    const withContext = genericConnector({ authnContext: { mfa: 'urn:example:mfa', passwordOnly: 'urn:example:pwd' }, attributes: [{ name: 'mail', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri', profileField: 'mail' }] });
    for (const config of [office365Connector, genericConnector(), withContext]) {
      expect(parseConnectorConfig(configFromFields(fieldsFromConfig('n', config)))).toEqual(config);
    }
  });

  it('an update replaces only the fields it gives', () => {
    const merged = mergeFields(fieldsFromConfig('Contoso', office365Connector), { brandName: 'New brand', federatedDomain: undefined, issuerUri: null as unknown as undefined });
    expect(parseConnectorConfig(configFromFields(merged))).toEqual({ ...office365Connector, brandName: 'New brand' });
  });

  it('names nested config paths as the flat input fields', () => {
    expect(flatFieldName('immutableId.attribute')).toBe('immutableIdAttribute');
    expect(flatFieldName('sp.assertionConsumerServices.0.url')).toBe('spAssertionConsumerServices.0.url');
    expect(flatFieldName('nameId.format')).toBe('nameIdFormat');
    expect(flatFieldName('authnContext.mfa')).toBe('authnContextMfa');
    expect(flatFieldName('sp')).toBe('spEntityId');
    expect(flatFieldName('federatedDomain')).toBe('federatedDomain');
  });
});
