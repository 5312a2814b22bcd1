import { CheckboxField } from './CheckboxField';
import { TextField } from './TextField';

/** The editable details of a built-in directory user (everything but the username and password). */
export interface UserDetails {
  displayName: string;
  email: string;
  phone: string;
  immutableId: string;
  enabled: boolean;
}

export interface UserDetailsFieldsProps {
  values: UserDetails;
  onChange: (values: UserDetails) => void;
  errors: Record<string, string>;
  /** Adding a user: the ImmutableID may be left empty to have one generated. */
  adding?: boolean;
  /** Start a dialog on the first field. */
  autoFocusFirst?: boolean;
}

/** Name, email, phone, ImmutableID and enabled, shared by the add form and the edit dialog. */
export function UserDetailsFields({ values, onChange, errors, adding = false, autoFocusFirst = false }: UserDetailsFieldsProps) {
  const set = <K extends keyof UserDetails>(field: K, value: UserDetails[K]) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextField
        label="Display name"
        name="displayName"
        data-autofocus={autoFocusFirst || undefined}
        autoComplete="off"
        value={values.displayName}
        onChange={(event) => set('displayName', event.target.value)}
        error={errors.displayName}
        hint="Shown on the approval screen."
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        value={values.email}
        onChange={(event) => set('email', event.target.value)}
        error={errors.email}
        hint="Enrollment emails go here; Microsoft 365 receives it as the UPN (IDPEmail)."
      />
      <TextField
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="off"
        value={values.phone}
        onChange={(event) => set('phone', event.target.value)}
        error={errors.phone}
        hint="With the country code, e.g. +44 20 7946 0000."
      />
      <TextField
        label={adding ? 'ImmutableID (optional)' : 'ImmutableID'}
        name="immutableId"
        className="field-mono"
        autoComplete="off"
        spellCheck={false}
        value={values.immutableId}
        onChange={(event) => set('immutableId', event.target.value)}
        error={errors.immutableId}
        hint={
          adding
            ? 'Base64 of 16 bytes, sent to Microsoft 365 as the NameID. Leave empty to generate one; set it to the user’s ImmutableID in Entra ID when they already have one.'
            : 'Base64 of 16 bytes, sent to Microsoft 365 as the NameID; it must match the user’s ImmutableID in Entra ID.'
        }
      />
      <CheckboxField
        label="Enabled"
        name="enabled"
        checked={values.enabled}
        onChange={(event) => set('enabled', event.target.checked)}
        error={errors.enabled}
        hint="A disabled user cannot sign in; nothing else about them changes."
      />
    </>
  );
}
