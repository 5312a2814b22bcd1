import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateTokenPackMutation } from '../graphql/CreateTokenPackMutation';
import { DirectoryConnectorsQuery } from '../graphql/DirectoryConnectorsQuery';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { TOKEN_PACK_ICON } from '../internal/tokenPackForm';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './FormDialogFooter';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const packsChanged = { additionalTypenames: ['TokenPack'] };

/** Asks for a new token pack's name and primary directory, creates it, and hands it to `onCreated`. */
export function NewTokenPackDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (pack: TokenPack) => void }) {
  const [{ data: directories }] = useQuery({ query: DirectoryConnectorsQuery });
  const [{ fetching }, create] = useMutation(CreateTokenPackMutation);
  const [name, setName] = useState('');
  const [directoryId, setDirectoryId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const connectors = directories?.directoryConnectors ?? [];
  const chosen = directoryId ?? connectors[0]?.id ?? '';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = await create({ input: { name: name.trim(), icon: TOKEN_PACK_ICON, ...(chosen ? { primaryDirectoryId: chosen } : {}) } }, packsChanged);
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    if (result.data) onCreated(result.data.createTokenPack);
  }

  return (
    <Dialog
      title="New token pack"
      onClose={onClose}
      footer={<FormDialogFooter formId="new-token-pack" busy={fetching} label="Create token pack" busyLabel="Creating…" onCancel={onClose} />}
    >
      <form id="new-token-pack" ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Alert>{problem}</Alert> : null}
        <p className="muted">Choose its services, colours and trusted networks once it is created.</p>
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          hint="Shown to admins here and to users in the authenticator, e.g. “Head office staff”."
        />
        <SelectField
          label="Primary directory"
          name="primaryDirectoryId"
          value={chosen}
          onChange={(event) => setDirectoryId(event.target.value)}
          options={[...connectors.map((c) => ({ value: c.id, label: c.name })), { value: '', label: 'None for now' }]}
          error={errors.primaryDirectoryId}
          hint="Where users sign in with their password when they enrol."
        />
      </form>
    </Dialog>
  );
}
