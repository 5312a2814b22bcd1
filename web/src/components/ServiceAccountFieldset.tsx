import { isActiveDirectoryLike } from '../internal/directoryLabels';
import type { ConnectorFieldsetProps } from './ConnectionFieldset';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

export interface ServiceAccountFieldsetProps extends ConnectorFieldsetProps {
  /** Editing a connector whose bind password is stored (it is never sent back). */
  passwordStored: boolean;
}

/** Where users are searched and which account searches: base DN, bind DN and password, object class, filter. */
export function ServiceAccountFieldset({ values, set, errors, passwordStored }: ServiceAccountFieldsetProps) {
  const ad = isActiveDirectoryLike(values.type);
  return (
    <fieldset className="form-section">
      <legend>Search</legend>
      <div className="form-grid form-grid-2-1">
        <TextField
          label="Base DN"
          name="baseDn"
          spellCheck={false}
          autoCapitalize="off"
          placeholder={ad ? 'OU=Staff,DC=corp,DC=example,DC=com' : 'ou=People,dc=example,dc=com'}
          value={values.baseDn}
          onChange={(event) => set('baseDn', event.target.value)}
          error={errors.baseDn}
          hint={
            ad
              ? 'Where users are searched (with everything below it). In Active Directory Users and Computers, turn on Advanced Features and copy the OU’s distinguishedName from its Attribute Editor.'
              : 'Where users are searched (with everything below it), e.g. ou=People,dc=example,dc=com. It is the suffix of your users’ DNs.'
          }
        />
        <TextField
          label="User object class"
          name="userObjectClass"
          spellCheck={false}
          autoCapitalize="off"
          placeholder={ad ? 'user' : 'person'}
          value={values.userObjectClass}
          onChange={(event) => set('userObjectClass', event.target.value)}
          error={errors.userObjectClass}
          hint={ad ? 'Only entries of this class are users; user for Active Directory.' : 'Only entries of this class are users: person or inetOrgPerson.'}
        />
      </div>
      <div className="form-grid">
        <TextField
          label="Service account (bind DN)"
          name="bindDn"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={ad ? 'svc-countersign@corp.example.com' : 'cn=reader,ou=services,dc=example,dc=com'}
          value={values.bindDn}
          onChange={(event) => set('bindDn', event.target.value)}
          error={errors.bindDn}
          hint={
            ad
              ? 'An account that may read users; no admin rights needed. Its full DN, or its UPN like svc-countersign@corp.example.com.'
              : 'The full DN of an account that may read users, e.g. cn=reader,ou=services,dc=example,dc=com.'
          }
        />
        <TextField
          label="Service account password"
          name="bindPassword"
          type="password"
          autoComplete="new-password"
          placeholder={passwordStored ? 'Stored — leave empty to keep' : undefined}
          value={values.bindPassword}
          onChange={(event) => set('bindPassword', event.target.value)}
          error={errors.bindPassword}
          hint={
            passwordStored
              ? 'A password is stored (encrypted, never shown). Leave this empty to keep it, or type a new one to replace it.'
              : 'Stored encrypted and never shown again.'
          }
        />
      </div>
      <TextAreaField
        label="Extra user filter (optional)"
        name="userFilter"
        className="field-mono"
        rows={2}
        spellCheck={false}
        placeholder={ad ? '(memberOf=CN=MFA Users,OU=Groups,DC=corp,DC=example,DC=com)' : '(memberOf=cn=mfa,ou=groups,dc=example,dc=com)'}
        value={values.userFilter}
        onChange={(event) => set('userFilter', event.target.value)}
        error={errors.userFilter}
        hint="An LDAP filter users must also match, e.g. membership of a group, to limit who can sign in. Leave empty to allow every user under the base DN."
      />
    </fieldset>
  );
}
