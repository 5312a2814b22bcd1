import { useId } from 'react';
import { isActiveDirectoryLike } from '../internal/directoryLabels';
import type { ConnectorFieldsetProps } from './ConnectionFieldset';
import { TextField } from './TextField';

const IMMUTABLE_ID_SOURCES = [
  { value: 'objectGUID', label: 'Active Directory: the default of Entra Connect' },
  { value: 'mS-DS-ConsistencyGuid', label: 'Active Directory: when Entra Connect uses it as sourceAnchor' },
  { value: 'entryUUID', label: 'OpenLDAP and most other LDAP servers' },
];

/** Which directory attributes become the user's username, email, name, phone, UPN and ImmutableID. */
export function AttributeMappingFieldset({ values, set, errors }: ConnectorFieldsetProps) {
  const sources = useId();
  const ad = isActiveDirectoryLike(values.type);
  const attribute = { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } as const;
  return (
    <fieldset className="form-section">
      <legend>Attribute mapping</legend>
      <p className="form-section-intro">
        Which LDAP attribute holds each piece of a user’s profile. Attribute names are not case-sensitive.
      </p>
      <div className="form-grid">
        <TextField
          {...attribute}
          label="Login property"
          name="loginProperty"
          placeholder={ad ? 'sAMAccountName' : 'uid'}
          value={values.loginProperty}
          onChange={(event) => set('loginProperty', event.target.value)}
          error={errors.loginProperty}
          hint={ad ? 'What users type as their username: sAMAccountName (jdoe) or userPrincipalName (jdoe@corp.example.com).' : 'What users type as their username, usually uid (or mail).'}
        />
        <TextField
          {...attribute}
          label="Email property"
          name="emailProperty"
          placeholder="mail"
          value={values.emailProperty}
          onChange={(event) => set('emailProperty', event.target.value)}
          error={errors.emailProperty}
          hint="Where the user’s email address is, usually mail. Enrollment emails go there."
        />
        <TextField
          {...attribute}
          label="Display name property"
          name="displayNameProperty"
          placeholder="displayName"
          value={values.displayNameProperty}
          onChange={(event) => set('displayNameProperty', event.target.value)}
          error={errors.displayNameProperty}
          hint="The name shown on the approval screen, usually displayName; cn is used when it is empty."
        />
        <TextField
          {...attribute}
          label="Phone property (optional)"
          name="phoneProperty"
          placeholder="telephoneNumber"
          value={values.phoneProperty}
          onChange={(event) => set('phoneProperty', event.target.value)}
          error={errors.phoneProperty}
          hint="The user’s phone number, e.g. telephoneNumber or mobile. Leave empty not to read it."
        />
        <TextField
          {...attribute}
          label="UPN property (optional)"
          name="upnProperty"
          placeholder={ad ? 'userPrincipalName' : 'mail'}
          value={values.upnProperty}
          onChange={(event) => set('upnProperty', event.target.value)}
          error={errors.upnProperty}
          hint="Sent to Microsoft 365 as IDPEmail; it must equal the user’s UPN in Entra ID (userPrincipalName in Active Directory)."
        />
        <TextField
          {...attribute}
          label="ImmutableID source (optional)"
          name="immutableIdProperty"
          list={sources}
          placeholder={ad ? 'objectGUID' : 'entryUUID'}
          value={values.immutableIdProperty}
          onChange={(event) => set('immutableIdProperty', event.target.value)}
          error={errors.immutableIdProperty}
          hint="Its raw bytes, in base64, become the Microsoft 365 ImmutableID. Use the attribute Entra Connect uses as sourceAnchor: objectGUID or mS-DS-ConsistencyGuid; entryUUID for OpenLDAP."
        />
        <datalist id={sources}>
          {IMMUTABLE_ID_SOURCES.map((source) => (
            <option key={source.value} value={source.value} label={source.label} />
          ))}
        </datalist>
      </div>
    </fieldset>
  );
}
