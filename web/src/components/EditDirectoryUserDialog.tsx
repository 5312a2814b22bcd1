import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { UpdateDirectoryUserMutation } from '../graphql/UpdateDirectoryUserMutation';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { UserDetailsFields } from './UserDetailsFields';

const usersChanged = { additionalTypenames: ['DirectoryUser'] };

/** Edits a built-in directory user's details, including enabling or disabling them. */
export function EditDirectoryUserDialog({ user, onClose, onSaved }: { user: DirectoryUser; onClose: () => void; onSaved: (user: DirectoryUser) => void }) {
  const [{ fetching }, updateUser] = useMutation(UpdateDirectoryUserMutation);
  const [details, setDetails] = useState({
    displayName: user.displayName,
    email: user.email,
    phone: user.phone ?? '',
    immutableId: user.immutableId,
    enabled: user.enabled,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const formId = `edit-user-${user.id}`;
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = await updateUser(
      {
        id: user.id,
        input: {
          displayName: details.displayName.trim(),
          email: details.email.trim(),
          phone: details.phone.trim() || null,
          immutableId: details.immutableId.trim() || null,
          enabled: details.enabled,
        },
      },
      usersChanged,
    );
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    if (result.data) onSaved(result.data.updateDirectoryUser);
  }

  return (
    <Dialog
      title={`Edit ${user.username}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button" disabled={fetching}>
            {fetching ? 'Saving…' : 'Save user'}
          </button>
        </>
      }
    >
      <form ref={formRef} id={formId} className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Alert>{problem}</Alert> : null}
        <UserDetailsFields values={details} onChange={setDetails} errors={errors} autoFocusFirst />
      </form>
    </Dialog>
  );
}
