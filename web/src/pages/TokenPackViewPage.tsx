import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { LoadFailed } from '../components/LoadFailed';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { DeleteTokenPackDialog } from '../components/DeleteTokenPackDialog';
import { Icon } from '../components/Icon';
import { LoadingStatus } from '../components/LoadingStatus';
import { SendTokenPackDialog } from '../components/SendTokenPackDialog';
import { TabList, tabId, tabPanelId } from '../components/TabList';
import { TokenPackIcon } from '../components/TokenPackIcon';
import { TokenPackInfoForm } from '../components/TokenPackInfoForm';
import { TokenPackSendsSection } from '../components/TokenPackSendsSection';
import { TokenPackServiceList } from '../components/TokenPackServiceList';
import { TrustedNetworksSection } from '../components/TrustedNetworksSection';
import { TokenPackQuery } from '../graphql/TokenPackQuery';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { UpdateTokenPackMutation } from '../graphql/UpdateTokenPackMutation';
import { usePageTitle } from '../hooks/usePageTitle';
import { useTokenPackSends } from '../hooks/useTokenPackSends';
import { saveProblem } from '../internal/saveProblem';
import { tokenPackFieldErrors, tokenPackFormFrom, tokenPackInputFrom, type TokenPackFormValues } from '../internal/tokenPackForm';
import type { TokenPackTab } from '../internal/tokenPackPaths';

const TABS = [
  { id: 'info', label: 'Info' },
  { id: 'networks', label: 'Trusted networks' },
] as const;
const ID_PREFIX = 'token-pack';

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/token-packs">← Token packs</Link>
    </p>
  );
}

function ViewPack({ pack }: { pack: TokenPack }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TokenPackTab = params.get('tab') === 'networks' ? 'networks' : 'info';
  const [, update] = useMutation(UpdateTokenPackMutation);
  const [sending, setSending] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const sends = useTokenPackSends(pack.id, { poll: !sending });
  const [notice, setNotice] = useArrivalNotice();
  const onDirtyChange = useCallback((dirty: boolean) => {
    if (dirty) setNotice(null);
  }, []);

  const selectTab = (next: string) => {
    setNotice(null);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'info') updated.delete('tab');
        else updated.set('tab', next);
        return updated;
      },
      { replace: true },
    );
  };

  const onSave = async (values: TokenPackFormValues) => {
    setNotice(null);
    const result = await update({ id: pack.id, input: tokenPackInputFrom(values) });
    if (result.error) {
      const problem = saveProblem(result.error);
      return { ...problem, fields: tokenPackFieldErrors(problem.fields) as Record<string, string> };
    }
    setNotice('Saved.');
    return null;
  };

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div className="pack-title">
          <TokenPackIcon icon={pack.icon} color={pack.theme.primaryColor} size={44} />
          <div>
            <div className="title-row">
              <h1>{pack.name}</h1>
              {pack.template ? <span className="badge badge-template">Template</span> : null}
            </div>
            <p className="page-intro">
              Users sign in to <strong>{pack.primaryDirectoryName ?? 'no directory yet'}</strong> when they enrol ·{' '}
              {pack.services.filter((s) => s.enabled).length} of {pack.services.length} services on ·{' '}
              {pack.trustedNetworks.length === 1 ? '1 trusted network' : `${pack.trustedNetworks.length} trusted networks`}
            </p>
          </div>
        </div>
        <div className="section-actions">
          <button type="button" className="button" onClick={() => setSending(true)}>
            <Icon name="envelope" /> Send
          </button>
          <button type="button" className="button button-secondary" onClick={() => setDeleting(true)}>
            <Icon name="trash" /> Delete
          </button>
        </div>
      </div>

      {pack.template ? (
        <Alert tone="info" title="This is the template token pack">
          Every organisation starts with it: it enrols users from your first directory for every service. Rename it and
          choose its colours, or create your own packs and delete this one.
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <TabList label="Token pack" tabs={TABS} selected={tab} onSelect={selectTab} idPrefix={ID_PREFIX} />
      <div
        role="tabpanel"
        id={tabPanelId(ID_PREFIX, 'info')}
        aria-labelledby={tabId(ID_PREFIX, 'info')}
        hidden={tab !== 'info'}
        className="tab-panel"
      >
        <section className="panel page-section" aria-label="Settings">
          <TokenPackInfoForm key={pack.updatedAt} tokenPackId={pack.id} initial={tokenPackFormFrom(pack)} primaryDirectoryName={pack.primaryDirectoryName} onSave={onSave} onDirtyChange={onDirtyChange} />
        </section>
        <section className="panel page-section" aria-labelledby="pack-services-title">
          <TokenPackServiceList pack={pack} titleId="pack-services-title" />
        </section>
      </div>
      <div
        role="tabpanel"
        id={tabPanelId(ID_PREFIX, 'networks')}
        aria-labelledby={tabId(ID_PREFIX, 'networks')}
        hidden={tab !== 'networks'}
        className="tab-panel"
      >
        <section className="panel page-section">
          <TrustedNetworksSection pack={pack} />
        </section>
      </div>

      <section className="panel page-section" aria-labelledby="pack-sends-title">
        <TokenPackSendsSection packName={pack.name} feed={sends} titleId="pack-sends-title" onSend={() => setSending(true)} />
      </section>

      {sending ? <SendTokenPackDialog pack={pack} onClose={() => setSending(false)} /> : null}
      {deleting ? (
        <DeleteTokenPackDialog
          pack={pack}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate('/token-packs', { replace: true, state: { notice: `“${pack.name}” was deleted.` } })}
        />
      ) : null}
    </>
  );
}

/** `/token-packs?pack=<id>`: one token pack, loaded. */
export function TokenPackViewPage({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TokenPackQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  usePageTitle(data?.tokenPack.name ?? 'Token pack');
  if (data?.tokenPack) return <ViewPack pack={data.tokenPack} />;
  if (fetching) {
    return (
      <>
        <BackLink />
        <LoadingStatus>Loading the token pack…</LoadingStatus>
      </>
    );
  }
  return (
    <>
      <BackLink />
      <LoadFailed what="token pack" listPath="/token-packs" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    </>
  );
}

