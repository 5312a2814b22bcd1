export interface SettingsFormFooterProps {
  /** False for roles that may read the setting but not change it: the note replaces the save button. */
  canEdit: boolean;
  /** The save is on its way: the button is disabled and says "Saving…". */
  saving: boolean;
  /** The form differs from what is saved: the button is enabled and a note says so. */
  dirty: boolean;
  /** The save button's text, e.g. "Save lockout". */
  saveLabel: string;
  /** What a read-only role sees instead, e.g. "Your role can read this policy but not change it." */
  readOnlyNote: string;
}

/** The save button and unsaved-changes note of a settings form, or the read-only note for roles that cannot edit. */
export function SettingsFormFooter({ canEdit, saving, dirty, saveLabel, readOnlyNote }: SettingsFormFooterProps) {
  if (!canEdit) return <p className="muted">{readOnlyNote}</p>;
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={saving || !dirty}>
        {saving ? 'Saving…' : saveLabel}
      </button>
      {dirty ? <span className="muted">You have unsaved changes.</span> : null}
    </div>
  );
}
