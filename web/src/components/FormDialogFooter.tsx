export interface FormDialogFooterProps {
  /** The id of the dialog's form, which the submit button submits from the footer. */
  formId: string;
  /** The request is on its way: the submit button is disabled and says `busyLabel`. */
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel(): void;
}

/** Cancel and the submit button of a dialog whose form sits in its body. */
export function FormDialogFooter({ formId, busy, label, busyLabel, onCancel }: FormDialogFooterProps) {
  return (
    <>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="button" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
