import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { CheckThemeInputQuery } from '../graphql/CheckThemeInputQuery';
import type { Theme, ThemeInput } from '../graphql/themeTypes';
import { useServerCheck } from '../hooks/useServerCheck';
import { isHexColor } from '../internal/colorContrast';
import { saveProblem } from '../internal/saveProblem';
import { ColorField } from './ColorField';
import { Dialog } from './Dialog';
import { NotSavedAlert } from './NotSavedAlert';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';
import { ThemePreview } from './ThemePreview';

const FIELDS = ['name', 'primaryColor', 'accentColor', 'logoUrl'];

/**
 * Create (no `theme`) or edit a theme, with colour pickers and a live preview of the sign-in
 * page; the server's messages show under the fields as the admin types.
 */
export function ThemeDialog({ theme, busy, save, onClose, onSaved }: {
  theme: Theme | null;
  busy: boolean;
  save: (input: ThemeInput) => Promise<{ error?: CombinedError }>;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [values, setValues] = useState({
    name: theme?.name ?? '',
    primaryColor: theme?.primaryColor ?? '#1f4e79',
    accentColor: theme?.accentColor ?? '#2e86de',
    logoUrl: theme?.logoUrl ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const inputOf = (v: typeof values): ThemeInput => ({ name: v.name.trim(), primaryColor: v.primaryColor, accentColor: v.accentColor, logoUrl: v.logoUrl.trim() || null });
  const live = useServerCheck(CheckThemeInputQuery, { id: theme?.id ?? null, input: inputOf(values) });
  const fieldErrors = { ...live.errors, ...errors };
  const set = (field: keyof typeof values, value: string) => {
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
    if (!values.name.trim()) local.name = 'Give the theme a name, e.g. “Company blue”.';
    for (const key of ['primaryColor', 'accentColor'] as const) if (!isHexColor(values[key])) local[key] = 'Give the colour as # and six hex digits, e.g. #1f6feb.';
    if (Object.keys(local).length) return setErrors(local);
    const result = await save(inputOf(values));
    if (result.error) {
      const failed = saveProblem(result.error);
      setErrors(failed.fields);
      setProblem(failed.message);
      return;
    }
    onSaved(values.name.trim());
  }

  const formId = theme ? `theme-form-${theme.id}` : 'theme-form-new';
  const shown = Object.keys(errors).filter((f) => FIELDS.includes(f)).length;
  return (
    <Dialog
      title={theme ? `Edit “${theme.name}”` : 'New theme'}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button" disabled={busy}>
            {busy ? 'Saving…' : theme ? 'Save theme' : 'Create theme'}
          </button>
        </>
      }
    >
      <NotSavedAlert title="The theme was not saved" problem={problem} fieldCount={shown} elsewhere={Object.entries(errors).filter(([f]) => !FIELDS.includes(f))} />
      <div className="theme-dialog-layout">
        <form id={formId} className="form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-label="Theme">
          <ServerCheckAnnouncer text={live.announcement} />
          <TextField label="Name" name="name" value={values.name} onChange={(event) => set('name', event.target.value)} error={fieldErrors.name} maxLength={60} data-autofocus />
          <ColorField label="Primary colour" name="primaryColor" value={values.primaryColor} onChange={(value) => set('primaryColor', value)} error={fieldErrors.primaryColor} hint="Buttons, the top edge of the page and the email header." />
          <ColorField label="Accent colour" name="accentColor" value={values.accentColor} onChange={(value) => set('accentColor', value)} error={fieldErrors.accentColor} hint="Links and secondary actions." />
          <TextField
            label="Logo URL (optional)"
            name="logoUrl"
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/logo.png"
            value={values.logoUrl}
            onChange={(event) => set('logoUrl', event.target.value)}
            error={fieldErrors.logoUrl}
            help="An https:// address, or a small image pasted as a data:image URL (at most 48 KiB). Shown at most 48 pixels high at the top of the pages."
          />
        </form>
        <ThemePreview primaryColor={values.primaryColor} accentColor={values.accentColor} logoUrl={values.logoUrl || null} />
      </div>
    </Dialog>
  );
}
