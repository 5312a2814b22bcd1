import { useId } from 'react';
import { downloadText } from '../internal/downloadText';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';

/** A generated script, read-only, with Copy and Download (saved as UTF-8 with a byte-order mark). */
export function ScriptBlock({ fileName, script }: { fileName: string; script: string }) {
  const id = useId();
  return (
    <div className="script-block">
      <div className="script-toolbar">
        <span className="script-name" id={id}>
          {fileName}
        </span>
        <div className="script-actions">
          <CopyButton text={script} label="Copy" context={fileName} />
          <button type="button" className="button button-secondary button-small" onClick={() => downloadText(fileName, script, { bom: true })}>
            <Icon name="download" /> Download
            <span className="visually-hidden"> {fileName}</span>
          </button>
        </div>
      </div>
      {/* Focusable so keyboard users can scroll it; a region so it can be found by its file name. */}
      <pre className="script-code" tabIndex={0} role="region" aria-labelledby={id}>
        <code>{script}</code>
      </pre>
    </div>
  );
}
