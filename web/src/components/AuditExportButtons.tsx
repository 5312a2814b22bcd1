import { useState } from 'react';
import { auditExportUrl, type AuditFilterValues } from '../internal/auditFilter';
import { downloadAuditExport } from '../internal/downloadAuditExport';
import { Icon } from './Icon';

const FORMATS = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'jsonl', label: 'Export JSON Lines' },
] as const;

/** Downloads the audit history with the applied filter, as CSV or JSON Lines, without leaving the page. */
export function AuditExportButtons({ filter }: { filter: AuditFilterValues }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'failed'; text: string } | null>(null);

  async function download(format: 'csv' | 'jsonl') {
    setBusy(format);
    setMessage(null);
    try {
      const name = await downloadAuditExport(auditExportUrl(filter, format), `countersign-audit.${format}`);
      setMessage({ tone: 'ok', text: `Saved ${name}.` });
    } catch (error) {
      setMessage({ tone: 'failed', text: (error as Error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="audit-export">
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" className="button button-secondary button-small" disabled={busy !== null} onClick={() => download(format)}>
          <Icon name="download" /> {busy === format ? 'Exporting…' : label}
        </button>
      ))}
      <span className={message?.tone === 'failed' ? 'audit-export-message text-failed' : 'audit-export-message muted'} role="status">
        {message?.text}
      </span>
    </div>
  );
}
