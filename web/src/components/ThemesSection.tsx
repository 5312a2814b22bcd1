import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateThemeMutation } from '../graphql/CreateThemeMutation';
import { DeleteThemeMutation } from '../graphql/DeleteThemeMutation';
import { SetDefaultThemeMutation } from '../graphql/SetDefaultThemeMutation';
import { ThemesQuery } from '../graphql/ThemesQuery';
import type { Theme } from '../graphql/themeTypes';
import { UpdateThemeMutation } from '../graphql/UpdateThemeMutation';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';
import { DeleteDialog } from './DeleteDialog';
import { ThemeDialog } from './ThemeDialog';

const themesChanged = { additionalTypenames: ['Theme'] };

/** Settings › Themes: the organisation's themes, which one styles the pages users see, and editing them. */
export function ThemesSection({ titleId, canEdit }: { titleId: string; canEdit: boolean }) {
  const [{ data, error }, refetch] = useQuery({ query: ThemesQuery, requestPolicy: 'cache-and-network', context: themesChanged });
  const [{ fetching: creating }, create] = useMutation(CreateThemeMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateThemeMutation);
  const [{ fetching: deleting }, remove] = useMutation(DeleteThemeMutation);
  const [, setDefault] = useMutation(SetDefaultThemeMutation);
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const [deletingTheme, setDeletingTheme] = useState<Theme | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const themes = data?.themes ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function makeDefault(theme: Theme) {
    setNotice(null);
    setProblem(null);
    const result = await setDefault({ id: theme.id }, themesChanged);
    if (result.error) return setProblem(describeError(result.error).message);
    reload();
    setNotice(`“${theme.name}” now styles the sign-in, approval and password pages and the emails.`);
  }

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Themes</h2>
          <p className="page-intro">
            Colours and a logo for the pages your users see when they sign in, approve or choose a password, and for the header
            of their emails. The default theme is the one in use; a token pack can start from any theme.
          </p>
        </div>
        {canEdit ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New theme
          </button>
        ) : null}
      </div>
      {error ? <Alert title="The themes could not be loaded">{describeError(error).message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {data && themes.length === 0 ? (
        <p className="settings-note">No themes yet: the pages users see have the Countersign look. Your first theme becomes the default.</p>
      ) : null}
      {themes.length > 0 ? (
        <ul className="theme-list" aria-label="Themes">
          {themes.map((theme) => (
            <li key={theme.id} className="theme-item" aria-label={theme.name}>
              <div className="theme-swatches" aria-hidden="true">
                <span className="theme-swatch" style={{ background: theme.primaryColor }} />
                <span className="theme-swatch" style={{ background: theme.accentColor }} />
              </div>
              <div className="theme-logo">{theme.logoUrl ? <img src={theme.logoUrl} alt={`Logo of ${theme.name}`} /> : <span className="muted">No logo</span>}</div>
              <div className="theme-info">
                <p className="theme-name">
                  {theme.name} {theme.isDefault ? <span className="badge badge-success">Default</span> : null}
                </p>
                <p className="muted theme-colors">
                  <code>{theme.primaryColor}</code> · <code>{theme.accentColor}</code>
                </p>
              </div>
              {canEdit ? (
                <div className="theme-actions">
                  {!theme.isDefault ? (
                    <button type="button" className="button button-secondary button-small" onClick={() => makeDefault(theme)}>
                      Make default
                    </button>
                  ) : null}
                  <button type="button" className="button button-secondary button-small" onClick={() => setEditing(theme)} aria-label={`Edit ${theme.name}`}>
                    Edit
                  </button>
                  {!theme.isDefault || themes.length === 1 ? (
                    <button type="button" className="button button-secondary button-small button-danger-text" onClick={() => setDeletingTheme(theme)} aria-label={`Delete ${theme.name}`}>
                      Delete
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {editing ? (
        <ThemeDialog
          theme={editing === 'new' ? null : editing}
          busy={creating || updating}
          save={(input) => (editing === 'new' ? create({ input }, themesChanged) : update({ id: editing.id, input }, themesChanged))}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setProblem(null);
            reload();
            setNotice(editing === 'new' ? `Theme “${name}” created.` : `Theme “${name}” saved.`);
          }}
        />
      ) : null}
      {deletingTheme ? (
        <DeleteDialog
          name={deletingTheme.name}
          confirmLabel="Delete theme"
          busy={deleting}
          remove={() => remove({ id: deletingTheme.id }, themesChanged)}
          onClose={() => setDeletingTheme(null)}
          onDeleted={() => {
            setNotice(`Theme “${deletingTheme.name}” deleted.`);
            setDeletingTheme(null);
            reload();
          }}
        >
          <p>
            {deletingTheme.isDefault
              ? 'This is your only theme: the pages users see go back to the Countersign look.'
              : 'Token packs that started from it keep their own copy of its colours and logo.'}
          </p>
        </DeleteDialog>
      ) : null}
    </>
  );
}
