import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface DialogProps {
  title: string;
  /** Called on Escape, on the close button and on a click on the backdrop. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  size?: 'small' | 'large';
  /** Role `alertdialog` for confirmations. */
  alert?: boolean;
}

/**
 * A modal dialog on the native `<dialog>` element: it traps focus, closes on Escape, and gives
 * focus back to whatever had it when it opened. Focus starts on the element marked
 * `data-autofocus`, else on the close button. Render it only while it is open.
 */
export function Dialog({ title, onClose, children, footer, size = 'small', alert = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  // Layout effect: focus goes back to the opener as the dialog is removed, before anything the
  // closing action schedules (which may move focus on, e.g. when the opener's row is gone).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // React focuses `autoFocus` elements before the dialog is modal, and showModal() then moves
    // focus to the close button; mark the element to start on with `data-autofocus` instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      role={alert ? 'alertdialog' : undefined}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its inner box.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog-box">
        <div className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <Icon name="close" />
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </dialog>
  );
}
