import { useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from 'urql';
import { ImportSpMetadataMutation } from '../graphql/ImportSpMetadataMutation';
import type { SpMetadataImport } from '../graphql/samlTypes';
import { describeError } from '../internal/describeError';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { Alert } from './Alert';
import { Icon } from './Icon';
import { TextAreaField } from './TextAreaField';

/** The server refuses metadata larger than this. */
const MAX_METADATA_BYTES = 512 * 1024;

export type SpMetadataPanelProps =
  | {
      /** New connector: the metadata is kept in the form and read by the server on create. */
      mode: 'new';
      value: string;
      onChange: (xml: string) => void;
      error?: string | undefined;
    }
  | {
      /** Saved connector: Import reads it into the connector at once. */
      mode: 'edit';
      connectorId: string;
      onImported: (result: SpMetadataImport) => void;
    };

/** Paste or upload a service provider's SAML metadata (its entity ID, ACS URLs, certificates and flags). */
export function SpMetadataPanel(props: SpMetadataPanelProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, importMetadata] = useMutation(ImportSpMetadataMutation);
  const xml = props.mode === 'new' ? props.value : draft;
  const setXml = props.mode === 'new' ? props.onChange : setDraft;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_METADATA_BYTES) {
      setProblem(`${file.name} is larger than 512 KiB; that is not SAML metadata of one service provider.`);
      return;
    }
    setProblem(null);
    setXml(await file.text());
  }

  async function onImport() {
    if (props.mode !== 'edit') return;
    setProblem(null);
    const result = await importMetadata({ connectorId: props.connectorId, xml });
    if (result.error) {
      const info = describeError(result.error);
      setProblem(Object.values(info.fields)[0] ?? info.message);
      return;
    }
    const imported = result.data?.importSpMetadata;
    if (imported) {
      setDraft('');
      props.onImported(imported);
    }
  }

  return (
    <div className="subform metadata-panel">
      <h3>Import the service provider’s metadata</h3>
      <p className="field-hint">
        {props.mode === 'new'
          ? 'The fastest way: paste its metadata XML or upload the file, and Countersign fills in the entity ID, ACS URLs, certificates and signing flags when the connector is created.'
          : 'Replaces the service provider fields below with what the metadata says, and saves at once.'}
      </p>
      {problem ? <Alert title="The metadata was not imported">{problem}</Alert> : null}
      <TextAreaField
        label="Metadata XML"
        name="spMetadataXml"
        className="field-mono"
        rows={props.mode === 'new' && xml ? 8 : 4}
        spellCheck={false}
        placeholder={'<md:EntityDescriptor entityID="https://app.example.com/saml/metadata" …>'}
        value={xml}
        onChange={(event) => setXml(event.target.value)}
        help={SAML_FIELD_HELP.spMetadataXml}
        error={props.mode === 'new' ? props.error : undefined}
      />
      <div className="metadata-actions">
        <button type="button" className="button button-secondary button-small" onClick={() => fileInput.current?.click()}>
          <Icon name="upload" /> Upload a metadata file
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Metadata file"
          accept=".xml,text/xml,application/xml,application/samlmetadata+xml"
          onChange={onFile}
        />
        {props.mode === 'edit' ? (
          <button type="button" className="button button-small" disabled={!xml.trim() || fetching} onClick={onImport}>
            {fetching ? 'Importing…' : 'Import metadata'}
          </button>
        ) : xml.trim() ? (
          <button type="button" className="link-button" onClick={() => setXml('')}>
            Clear, and enter the details by hand
          </button>
        ) : null}
      </div>
    </div>
  );
}
