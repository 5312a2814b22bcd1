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
  /** `primary` for a weighty step that destroys nothing (e.g. generating a key); default `danger`. */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive or weighty action; Cancel has focus first so Enter does not do it by accident. */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, busy = false, error, tone = 'danger', onConfirm, onCancel }: ConfirmDialogProps) {
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
          <button type="button" className={tone === 'danger' ? 'button button-danger' : 'button'} onClick={onConfirm} disabled={busy}>
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
