import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { DeleteTokenPackDialog } from '../components/DeleteTokenPackDialog';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ListSearchField } from '../components/ListSearchField';
import { ListSearchFooter } from '../components/ListSearchFooter';
import { LoadingStatus } from '../components/LoadingStatus';
import { NewTokenPackDialog } from '../components/NewTokenPackDialog';
import { SendTokenPackDialog } from '../components/SendTokenPackDialog';
import { TokenPackTable } from '../components/TokenPackTable';
import { TokenPacksQuery } from '../graphql/TokenPacksQuery';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { useListSearch } from '../hooks/useListSearch';
import { usePageTitle } from '../hooks/usePageTitle';
import { usePollWhile } from '../hooks/usePollWhile';
import { describeError } from '../internal/describeError';
import { tokenPackPath } from '../internal/tokenPackPaths';

/** Also refetched when the list was empty, which the document cache cannot tie to a type. */
const listContext = { additionalTypenames: ['TokenPack'] };

const searchOptions = {
  noun: { one: 'token pack', other: 'token packs' },
  fields: (pack: TokenPack) => [
    pack.name,
    pack.primaryDirectoryName,
    pack.template ? 'Template' : null,
    ...pack.services.filter((service) => service.enabled).map((service) => service.name),
  ],
};

export function TokenPackListPage() {
  usePageTitle('Token Packs');
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TokenPacksQuery, requestPolicy: 'cache-and-network', context: listContext });
  const [creating, setCreating] = useState(false);
  const [sending, setSending] = useState<TokenPack | null>(null);
  const [deleting, setDeleting] = useState<TokenPack | null>(null);
  // E.g. "… was deleted." when arriving from a pack that was just deleted.
  const [notice, setNotice] = useArrivalNotice();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const packs = data?.tokenPacks ?? [];
  const list = useListSearch(packs, searchOptions);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  // The send dialog follows its own emails; the list catches up on the last send gently.
  usePollWhile(!sending && packs.some((pack) => pack.latestSends[0]?.status === 'QUEUED'), refresh);

  return (
    <>
      <div className="page-header">
        <div>
          <h1 ref={titleRef} tabIndex={-1}>
            Token Packs
          </h1>
          <p className="page-intro">
            The email that sets up a user’s phone to approve sign-ins, and what enrolling with it allows.
          </p>
        </div>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          <Icon name="plus" /> New token pack
        </button>
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The token packs could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={refresh}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!data && fetching ? (
        <LoadingStatus>Loading token packs…</LoadingStatus>
      ) : data && packs.length === 0 ? (
        <EmptyState
          action={
            <button type="button" className="link-button" onClick={() => setCreating(true)}>
              Create a token pack
            </button>
          }
        >
          No token pack yet. Create one, choose the services it enables, and send it to your users.
        </EmptyState>
      ) : data ? (
        <>
          <ListSearchField view={list} placeholder="Name, directory or service" />
          {list.items.length > 0 ? <TokenPackTable packs={list.items} onSend={setSending} onDelete={setDeleting} /> : null}
          <ListSearchFooter view={list} />
        </>
      ) : null}

      {creating ? (
        <NewTokenPackDialog
          onClose={() => setCreating(false)}
          onCreated={(pack) => navigate(tokenPackPath(pack.id), { state: { notice: `“${pack.name}” was created. Choose its services and look below.` } })}
        />
      ) : null}
      {sending ? (
        <SendTokenPackDialog
          pack={sending}
          onClose={() => {
            setSending(null);
            refresh();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteTokenPackDialog
          pack={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`“${deleting.name}” was deleted.`);
            setDeleting(null);
            window.setTimeout(() => titleRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
