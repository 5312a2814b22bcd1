import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { RemoveTrustedNetworkMutation } from '../graphql/RemoveTrustedNetworkMutation';
import type { TokenPack, TrustedNetwork } from '../graphql/tokenPackTypes';
import { describeError } from '../internal/describeError';
import { formatTime } from '../internal/formatTime';
import { useListSearch, type ListSearchOptions } from '../hooks/useListSearch';
import { AddTrustedNetworkForm } from './AddTrustedNetworkForm';
import { Alert } from './Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { ListSearchField } from './ListSearchField';
import { ListSearchFooter } from './ListSearchFooter';
import { RowActionButton } from './RowAction';

const networkSearch: ListSearchOptions<TrustedNetwork> = {
  noun: { one: 'trusted network', other: 'trusted networks' },
  fields: (network) => [network.name, network.cidr, network.description],
  // The token pack list's own search keeps `q` while a pack is open.
  param: 'net',
};

/** Asks before a network stops being trusted. */
function RemoveNetworkDialog({ pack, network, onClose, onRemoved }: { pack: TokenPack; network: TrustedNetwork; onClose: () => void; onRemoved: () => void }) {
  const [{ fetching }, remove] = useMutation(RemoveTrustedNetworkMutation);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      title={`Stop trusting “${network.name}”?`}
      confirmLabel="Remove network"
      busyLabel="Removing…"
      busy={fetching}
      error={error}
      onCancel={onClose}
      onConfirm={async () => {
        setError(null);
        const result = await remove({ tokenPackId: pack.id, networkId: network.id });
        if (result.error) setError(describeError(result.error).message);
        else onRemoved();
      }}
    >
      <p>
        Users who enrol from <code>{network.cidr}</code> will get their activation code by email instead of on screen.
      </p>
    </ConfirmDialog>
  );
}

/** The TRUSTED NETWORKS tab: the pack's networks, adding one, and removing one after a confirmation. */
export function TrustedNetworksSection({ pack }: { pack: TokenPack }) {
  const [removing, setRemoving] = useState<TrustedNetwork | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const networks = pack.trustedNetworks;
  const list = useListSearch(networks, networkSearch);
  return (
    <>
      <div className="section-header">
        <div>
          <h2 ref={headingRef} tabIndex={-1}>
            Trusted networks
          </h2>
          <p className="page-intro">
            Users who enrol from one of these networks see their activation code on screen at once; from anywhere else
            it is emailed to them.
          </p>
        </div>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {networks.length === 0 ? (
        <p className="empty-note">No trusted networks: every activation code is emailed.</p>
      ) : (
        <>
          <ListSearchField view={list} placeholder="Name, range or description" />
          <div className="table-wrap table-compact">
            <table className="data-table network-table">
              <caption className="visually-hidden">Trusted networks of “{pack.name}”, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">CIDR</th>
                  <th scope="col">Description</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((network) => (
                  <tr key={network.id}>
                    <th scope="row">{network.name}</th>
                    <td data-label="CIDR">
                      <code>{network.cidr}</code>
                    </td>
                    <td data-label="Description">{network.description || <span className="muted">—</span>}</td>
                    <td data-label="Added">
                      <time dateTime={network.addedAt}>{formatTime(network.addedAt)}</time>
                    </td>
                    <td className="row-actions">
                      <RowActionButton icon="trash" label="Remove" danger subject={network.name} onClick={() => setRemoving(network)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListSearchFooter view={list} />
        </>
      )}
      <AddTrustedNetworkForm tokenPackId={pack.id} onAdded={(network, typed) =>
          setNotice(
            network.cidr === typed
              ? `${network.name} (${network.cidr}) is trusted now.`
              : `${network.name} is trusted now, stored as ${network.cidr} (the range ${typed} belongs to).`,
          )
        } />
      {removing ? (
        <RemoveNetworkDialog
          pack={pack}
          network={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setNotice(`${removing.name} (${removing.cidr}) is no longer trusted.`);
            setRemoving(null);
            window.setTimeout(() => headingRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
