import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { ImportReport } from '../graphql/directoryTypes';
import { ImportDirectoryUsersMutation } from '../graphql/ImportDirectoryUsersMutation';
import { describeError } from '../internal/describeError';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { ImportReportTable } from './ImportReportTable';
import { TextAreaField } from './TextAreaField';

const usersChanged = { additionalTypenames: ['DirectoryUser', 'DirectoryConnector'] };
const EXAMPLE = 'username,email,displayName,phone,password\njdoe,jdoe@example.com,Jane Doe,+44 20 7946 0000,a-long-first-password';

/** Imports users from a CSV file (picked or pasted) and shows the per-row report. */
export function ImportUsersPanel({ connectorId, onClose }: { connectorId: string; onClose: () => void }) {
  const [{ fetching }, importUsers] = useMutation(ImportDirectoryUsersMutation);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setReport(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!csv.trim()) {
      setError({ message: '', fields: { csv: 'Choose a CSV file or paste its contents.' } });
      return;
    }
    const result = await importUsers({ connectorId, csv }, usersChanged);
    if (result.error) {
      const info = describeError(result.error);
      setError({ message: info.message, fields: friendlyFieldErrors(info.fields) });
      return;
    }
    setReport(result.data?.importDirectoryUsers ?? null);
  }

  return (
    <form className="form subform" onSubmit={onSubmit} noValidate aria-labelledby="import-title">
      <h3 id="import-title">Import users from CSV</h3>
      <p className="field-hint">
        The first line names the columns: <code>username</code>, <code>email</code> and <code>displayName</code> are
        required; <code>phone</code>, <code>password</code>, <code>enabled</code> and <code>immutableId</code> are
        optional. Good rows are imported; each bad row is listed with what to fix.
      </p>
      <pre className="csv-example" aria-label="Example CSV">
        {EXAMPLE}
      </pre>
      {error?.message && !error.fields.csv ? <Alert>{error.message}</Alert> : null}
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={onFile} />
        {fileName ? <p className="field-hint">Loaded {fileName}; you can check or change it below.</p> : null}
      </div>
      <TextAreaField
        label="…or paste the CSV"
        name="csv"
        className="field-mono"
        rows={6}
        spellCheck={false}
        value={csv}
        onChange={(event) => {
          setCsv(event.target.value);
          setError(null);
        }}
        error={error?.fields.csv}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Importing…' : 'Import users'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {report ? <ImportReportTable report={report} /> : null}
    </form>
  );
}
