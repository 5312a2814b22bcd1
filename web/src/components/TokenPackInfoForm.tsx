import { NotSavedAlert } from './NotSavedAlert';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { CheckTokenPackInputQuery } from '../graphql/CheckTokenPackInputQuery';
import { DirectoryConnectorsQuery } from '../graphql/DirectoryConnectorsQuery';
import { useServerCheck } from '../hooks/useServerCheck';
import { contrastRatio, isHexColor } from '../internal/colorContrast';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import type { SaveProblem } from '../internal/saveProblem';
import { tokenPackInputFrom, type TokenPackFormValues } from '../internal/tokenPackForm';
import { ColorField } from './ColorField';
import { IconPickerField } from './IconPickerField';
import { SelectField } from './SelectField';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { StartFromThemeSelect } from './StartFromThemeSelect';
import { TextField } from './TextField';
import { TokenPackIcon } from './TokenPackIcon';
import { TokenPackPreview } from './TokenPackPreview';

export interface TokenPackInfoFormProps {
  /** The token pack being edited, which the live check judges the settings against. */
  tokenPackId: string;
  initial: TokenPackFormValues;
  /** The saved primary directory's name, shown until the directory list has loaded. */
  primaryDirectoryName: string | null;
  /** Resolves to what went wrong, or null once saved. */
  onSave: (values: TokenPackFormValues) => Promise<SaveProblem | null>;
  onDirtyChange?: (dirty: boolean) => void;
}

type Field = keyof TokenPackFormValues;
const FIELDS: readonly Field[] = ['name', 'icon', 'primaryDirectoryId', 'primaryColor', 'accentColor', 'logoUrl', 'localUnlock'];
const WHITE = '#ffffff';
/** The server names the colours and logo `theme.primaryColor` etc.; the form, `primaryColor`. */
const themeFieldName = (field: string) => field.replace(/^theme\./, '');

/** A caution when white text on the accent button, or the primary-coloured title on white, is hard to read. */
function contrastWarning(color: string, role: 'button' | 'title'): string | undefined {
  if (!isHexColor(color)) return undefined;
  const ratio = contrastRatio(color, WHITE);
  if (ratio >= 3) return undefined;
  return role === 'button'
    ? `The button’s white text is hard to read on this colour (contrast ${ratio.toFixed(1)}:1); pick a darker one.`
    : `The title is hard to read on the white email in this colour (contrast ${ratio.toFixed(1)}:1); pick a darker one.`;
}

/**
 * The INFO tab's settings: name, icon, primary directory, colours and logo, with a live preview
 * of the email. The server's messages show under the fields as the admin types.
 */
export function TokenPackInfoForm({ tokenPackId, initial, primaryDirectoryName, onSave, onDirtyChange }: TokenPackInfoFormProps) {
  const [{ data: directories }] = useQuery({ query: DirectoryConnectorsQuery, requestPolicy: 'cache-and-network' });
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [round, setRound] = useState(0);
  const [iconPickerKey, setIconPickerKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const live = useServerCheck(CheckTokenPackInputQuery, { id: tokenPackId, input: tokenPackInputFrom(values) }, { fieldName: themeFieldName });
  const shown = { ...live.errors, ...errors };
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const set = <K extends Field>(field: K, value: TokenPackFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = 'Give the token pack a name.';
    for (const field of ['primaryColor', 'accentColor'] as const) {
      if (!isHexColor(values[field].trim())) local[field] = 'Give the colour as # and six hex digits, e.g. #1f6feb.';
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setProblem(null);
      setRound((n) => n + 1);
      return;
    }
    setSaving(true);
    const failed = await onSave(values);
    setSaving(false);
    if (!failed) {
      setErrors({});
      setProblem(null);
      return;
    }
    setErrors(failed.fields);
    setProblem(failed.message);
    setRound((n) => n + 1);
  }

  const connectors = directories?.directoryConnectors ?? [];
  const known = connectors.some((c) => c.id === values.primaryDirectoryId);
  const savedName = values.primaryDirectoryId === initial.primaryDirectoryId ? primaryDirectoryName : null;
  const directoryOptions = [
    ...connectors.map((c) => ({ value: c.id, label: c.name })),
    ...(values.primaryDirectoryId && !known ? [{ value: values.primaryDirectoryId, label: savedName ?? '(deleted directory)' }] : []),
    { value: '', label: 'None — the pack cannot be sent' },
  ];
  const fieldCount = FIELDS.filter((field) => errors[field]).length;
  const elsewhere = Object.entries(errors).filter(([field]) => !FIELDS.includes(field as Field));

  return (
    <form ref={formRef} className="form pack-info-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-label="Token pack settings">
      <ServerCheckAnnouncer text={live.announcement} />
      <NotSavedAlert title="The token pack was not saved" problem={problem} fieldCount={fieldCount} elsewhere={elsewhere} />

      <div className="pack-info-layout">
        <div className="pack-info-fields">
          <fieldset className="form-section">
            <legend>General</legend>
            <div className="form-grid">
              <TextField
                label="Name"
                name="name"
                autoComplete="off"
                value={values.name}
                onChange={(event) => set('name', event.target.value)}
                error={shown.name}
                hint="Shown to admins here, and to users in the email subject and title."
              />
              <SelectField
                label="Primary directory"
                name="primaryDirectoryId"
                value={values.primaryDirectoryId}
                onChange={(event) => set('primaryDirectoryId', event.target.value)}
                options={directoryOptions}
                error={shown.primaryDirectoryId}
                warning={!values.primaryDirectoryId ? 'Without a primary directory this pack cannot be sent.' : undefined}
                hint="Where users sign in with their password when they enrol."
              />
              <SelectField
                label="Unlock before approving"
                name="localUnlock"
                value={values.localUnlock}
                onChange={(event) => set('localUnlock', event.target.value as TokenPackFormValues['localUnlock'])}
                options={[
                  { value: 'NONE', label: 'Nothing: approve with one tap' },
                  { value: 'PIN_OR_BIOMETRIC', label: 'App PIN or fingerprint / face unlock' },
                ]}
                error={shown.localUnlock}
                hint="The web authenticator asks for it before each approval; a check on the phone only, which the server cannot verify."
              />
            </div>
            <IconPickerField
              key={iconPickerKey}
              value={values.icon}
              onChange={(icon) => set('icon', icon)}
              help="How admins tell token packs apart in the list. Leave it unset for the token pack icon in the pack’s primary colour."
              error={shown.icon}
            />
            <p className="pack-icon-current">
              <TokenPackIcon icon={values.icon || null} color={isHexColor(values.primaryColor) ? values.primaryColor : initial.primaryColor} size={28} />
              {values.icon ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    set('icon', '');
                    setIconPickerKey((n) => n + 1);
                  }}
                >
                  Use the token pack icon instead
                </button>
              ) : (
                <span className="muted">The token pack icon, in the primary colour, until you choose another.</span>
              )}
            </p>
          </fieldset>

          <fieldset className="form-section">
            <legend>Look of the email</legend>
            <p className="form-section-intro">The colours and logo of the email users get; the QR code stays black on white so every camera reads it.</p>
            <StartFromThemeSelect onPick={(theme) => setValues((current) => ({ ...current, primaryColor: theme.primaryColor, accentColor: theme.accentColor, logoUrl: theme.logoUrl ?? '' }))} />
            <div className="form-grid">
              <ColorField
                label="Primary colour"
                name="primaryColor"
                value={values.primaryColor}
                onChange={(value) => set('primaryColor', value)}
                error={shown.primaryColor}
                warning={contrastWarning(values.primaryColor, 'title')}
                hint="The top rule and the title."
              />
              <ColorField
                label="Accent colour"
                name="accentColor"
                value={values.accentColor}
                onChange={(value) => set('accentColor', value)}
                error={shown.accentColor}
                warning={contrastWarning(values.accentColor, 'button')}
                hint="The “Open on this phone” button."
              />
            </div>
            <TextField
              label="Logo URL (optional)"
              name="logoUrl"
              type="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://example.com/logo.png"
              value={values.logoUrl}
              onChange={(event) => set('logoUrl', event.target.value)}
              error={shown.logoUrl}
              hint="An https:// address or a data:image URL, shown 40 pixels high above the title. Leave empty for no logo."
            />
          </fieldset>
        </div>
        <TokenPackPreview name={values.name} primaryColor={values.primaryColor} accentColor={values.accentColor} logoUrl={values.logoUrl} />
      </div>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        {dirty ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setValues(initial);
                setErrors({});
                setProblem(null);
                setIconPickerKey((n) => n + 1);
              }}
            >
              Discard changes
            </button>
            <span className="muted">You have unsaved changes.</span>
          </>
        ) : null}
      </div>
    </form>
  );
}
