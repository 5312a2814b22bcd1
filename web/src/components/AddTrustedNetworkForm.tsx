import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddTrustedNetworkMutation } from '../graphql/AddTrustedNetworkMutation';
import { CheckTrustedNetworkInputQuery } from '../graphql/CheckTrustedNetworkInputQuery';
import { useServerCheck } from '../hooks/useServerCheck';
import type { TrustedNetwork } from '../graphql/tokenPackTypes';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';

const EMPTY = { name: '', cidr: '', description: '' };

const inputOf = (values: typeof EMPTY) => ({ name: values.name.trim(), cidr: values.cidr.trim(), description: values.description.trim() || null });

/** Adds a trusted network; the server's message for a bad range shows under the range as the admin types, and on adding. */
export function AddTrustedNetworkForm({ tokenPackId, onAdded }: { tokenPackId: string; onAdded: (network: TrustedNetwork, typed: string) => void }) {
  const [{ fetching }, add] = useMutation(AddTrustedNetworkMutation);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const live = useServerCheck(CheckTrustedNetworkInputQuery, { tokenPackId, input: inputOf(values) });
  const shown = { ...live.errors, ...errors };
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setProblem(null);
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = 'Give the network a name, e.g. “Head office”.';
    if (!values.cidr.trim()) local.cidr = 'Enter an address or range, e.g. 203.0.113.0/24.';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setRound((n) => n + 1);
      return;
    }
    const result = await add({ tokenPackId, input: inputOf(values) });
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    const networks = result.data?.addTrustedNetwork.trustedNetworks ?? [];
    const added = networks[networks.length - 1];
    setValues(EMPTY);
    setErrors({});
    live.reset();
    if (added) onAdded(added, values.cidr.trim());
  }

  return (
    <form ref={formRef} className="form subform" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-labelledby="add-network-title">
      <ServerCheckAnnouncer text={live.announcement} />
      <h3 id="add-network-title">Add a trusted network</h3>
      {problem ? <Alert>{problem}</Alert> : null}
      <div className="form-grid network-form-grid">
        <TextField
          label="Name"
          name="network-name"
          data-field="name"
          autoComplete="off"
          placeholder="Head office"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={shown.name}
        />
        <TextField
          label="Address or CIDR range"
          name="cidr"
          className="field-mono"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          placeholder="203.0.113.0/24"
          value={values.cidr}
          onChange={(event) => set('cidr', event.target.value)}
          error={shown.cidr}
          hint="IPv4 or IPv6, e.g. 203.0.113.0/24 or 2001:db8::/48; a single address is a /32 or /128."
        />
        <TextField
          label="Description (optional)"
          name="description"
          autoComplete="off"
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
          error={shown.description}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add network'}
        </button>
      </div>
    </form>
  );
}
