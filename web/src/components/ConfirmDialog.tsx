import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** Label of the button that does it, e.g. "Delete connector". */
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  /** Why the last attempt failed. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive action; Cancel has focus first so Enter does not destroy anything. */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, busy = false, error, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      alert
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
            {busy ? (busyLabel ?? 'Working…') : confirmLabel}
          </button>
        </>
      }
    >
      {error ? <Alert>{error}</Alert> : null}
      {children}
    </Dialog>
  );
}
