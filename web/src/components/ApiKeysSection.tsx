import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiKeysQuery } from '../graphql/ApiKeysQuery';
import { RevokeApiKeyMutation } from '../graphql/RevokeApiKeyMutation';
import type { ApiKey } from '../graphql/settingsTypes';
import { scopeLabel } from '../internal/apiScopes';
import { describeError } from '../internal/describeError';
import { formatTime } from '../internal/formatTime';
import { useListSearch, type ListSearchOptions } from '../hooks/useListSearch';
import { Alert } from './Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { Icon } from './Icon';
import { ListSearchField } from './ListSearchField';
import { ListSearchFooter } from './ListSearchFooter';
import { LoadingStatus } from './LoadingStatus';
import { RowActionButton } from './RowAction';

const keysContext = { additionalTypenames: ['ApiKey'] };
const keySearch: ListSearchOptions<ApiKey> = {
  noun: { one: 'API key', other: 'API keys' },
  fields: (key) => [key.name, ...key.scopes, key.revokedAt ? 'Revoked' : 'Active'],
  param: 'keys',
};

function RevokeDialog({ apiKey, onClose, onRevoked }: { apiKey: ApiKey; onClose: () => void; onRevoked: () => void }) {
  const [{ fetching }, revoke] = useMutation(RevokeApiKeyMutation);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      confirmLabel="Revoke key"
      busyLabel="Revoking…"
      busy={fetching}
      error={error}
      onCancel={onClose}
      onConfirm={async () => {
        setError(null);
        const result = await revoke({ id: apiKey.id }, keysContext);
        if (result.error) setError(describeError(result.error).message);
        else onRevoked();
      }}
    >
      <p>Requests with this key fail from now on. This cannot be undone; create a new key if the integration still needs one.</p>
    </ConfirmDialog>
  );
}

/** API keys for integrations: the list with scopes and dates, creating one (token shown once) and revoking one. Owners only. */
export function ApiKeysSection({ titleId }: { titleId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ApiKeysQuery, requestPolicy: 'cache-and-network', context: keysContext });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keys = data?.apiKeys ?? [];
  const list = useListSearch(keys, keySearch);

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId} ref={headingRef} tabIndex={-1}>
            API keys
          </h2>
          <p className="page-intro">For integrations that call the GraphQL API or export the audit history, newest first.</p>
        </div>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          <Icon name="key" /> New API key
        </button>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The API keys could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </Alert>
      ) : null}
      {!data && fetching ? (
        <LoadingStatus>Loading API keys…</LoadingStatus>
      ) : data && keys.length === 0 ? (
        <p className="empty-note">No API keys yet.</p>
      ) : data ? (
        <>
          <ListSearchField view={list} placeholder="Name, scope, active or revoked" />
          <div className="table-wrap table-compact">
            <table className="data-table api-key-table">
              <caption className="visually-hidden">API keys, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? 'revoked' : undefined}>
                    <th scope="row">{key.name}</th>
                    <td data-label="Scopes">
                      <span className="scope-tags">
                        {key.scopes.map((scope) => (
                          <span key={scope} className="tag" title={scopeLabel(scope)}>
                            {scope}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td data-label="Created">
                      <time dateTime={key.createdAt}>{formatTime(key.createdAt)}</time>
                    </td>
                    <td data-label="Status">
                      {key.revokedAt ? (
                        <span className="key-revoked">
                          <span className="pill pill-failed">Revoked</span>{' '}
                          <time dateTime={key.revokedAt} className="muted">
                            {formatTime(key.revokedAt)}
                          </time>
                        </span>
                      ) : (
                        <span className="pill pill-ok">Active</span>
                      )}
                    </td>
                    <td className="row-actions">
                      {key.revokedAt ? null : (
                        <RowActionButton icon="trash" label="Revoke" danger subject={key.name} onClick={() => setRevoking(key)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListSearchFooter view={list} />
        </>
      ) : null}
      {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} /> : null}
      {revoking ? (
        <RevokeDialog
          apiKey={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setNotice(`“${revoking.name}” was revoked.`);
            setRevoking(null);
            window.setTimeout(() => headingRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
