import { Icon } from './Icon';

const WORDS: Record<string, string> = { ok: 'Passed', failed: 'Failed', skipped: 'Skipped' };

/** ✓, ✗ or – in a coloured disc for `ok`, `failed` or `skipped`, with the word for screen readers. */
export function OutcomeIcon({ outcome }: { outcome: string }) {
  const kind = outcome === 'ok' || outcome === 'failed' ? outcome : 'skipped';
  return (
    <span className={`outcome outcome-${kind}`}>
      <Icon name={kind === 'ok' ? 'check' : kind === 'failed' ? 'cross' : 'skip'} />
      <span className="visually-hidden">{WORDS[kind]}</span>
    </span>
  );
}
