import { useEffect, useState } from 'react';
import { copyText } from '../internal/copyText';
import { Icon } from './Icon';

export interface CopyButtonProps {
  text: string;
  /** The button's words, e.g. "Copy PEM". */
  label: string;
  /** Read by screen readers after the label, e.g. the certificate it copies. */
  context?: string;
  className?: string;
}

/** Copies `text` to the clipboard and says so ("Copied") for a moment, or that it could not. */
export function CopyButton({ text, label, context, className = 'button button-secondary button-small' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2_000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <button type="button" className={className} onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}>
      <Icon name={state === 'copied' ? 'check' : 'copy'} />
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select and copy' : label}</span>
      {context ? <span className="visually-hidden"> {context}</span> : null}
    </button>
  );
}
