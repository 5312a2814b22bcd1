import { useMutation } from 'urql';
import { DeleteTokenPackMutation } from '../graphql/DeleteTokenPackMutation';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { DeleteDialog } from './DeleteDialog';

const packsChanged = { additionalTypenames: ['TokenPack'] };

/** Asks before deleting a token pack, saying what stops working; calls `onDeleted` once it is gone. */
export function DeleteTokenPackDialog({ pack, onClose, onDeleted }: { pack: TokenPack; onClose: () => void; onDeleted: () => void }) {
  const [{ fetching }, deletePack] = useMutation(DeleteTokenPackMutation);

  return (
    <DeleteDialog name={pack.name} confirmLabel="Delete token pack" busy={fetching} remove={() => deletePack({ id: pack.id }, packsChanged)} onClose={onClose} onDeleted={onDeleted}>
      <p>Enrollment links already emailed with this pack stop working, and its trusted networks go with it.</p>
      <p>This cannot be undone.</p>
    </DeleteDialog>
  );
}
