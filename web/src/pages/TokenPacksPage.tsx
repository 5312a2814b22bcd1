import { useSearchParams } from 'react-router';
import '../services.css';
import '../token-packs.css';
import { TokenPackListPage } from './TokenPackListPage';
import { TokenPackViewPage } from './TokenPackViewPage';

/**
 * The Token Packs section: the list, and one pack's page with its INFO and TRUSTED NETWORKS
 * tabs. Which pack and tab is in the query (`?pack=<id>&tab=networks`).
 */
export function TokenPacksPage() {
  const [params] = useSearchParams();
  const id = params.get('pack');
  return id ? <TokenPackViewPage key={id} id={id} /> : <TokenPackListPage />;
}
