import { useState } from 'react';
import { useMutation } from 'urql';
import type { Device } from '../graphql/deviceTypes';
import { RevokeDeviceMutation } from '../graphql/RevokeDeviceMutation';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';
import { TextAreaField } from './TextAreaField';

const devicesChanged = { additionalTypenames: ['Device'] };

/** Asks for a reason before revoking a device; calls `onRevoked` once the server has revoked it. */
export function RevokeDeviceDialog({ device, onClose, onRevoked }: { device: Device; onClose: () => void; onRevoked: (device: Device) => void }) {
  const [{ fetching }, revoke] = useMutation(RevokeDeviceMutation);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    const result = await revoke({ id: device.id, reason: reason.trim() || null }, devicesChanged);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    if (result.data) onRevoked(result.data.revokeDevice);
  }

  return (
    <ConfirmDialog
      title={`Revoke “${device.name}”?`}
      confirmLabel="Revoke device"
      busyLabel="Revoking…"
      busy={fetching}
      error={error}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>
        <strong>{device.username}</strong> can no longer approve sign-ins or use codes from this device, starting with the next request. To
        use Countersign again they enrol a device from a new token pack email.
      </p>
      <TextAreaField
        className="revoke-reason"
        label="Reason"
        hint="Recorded in the audit log, e.g. “Phone lost”. Left empty: “Revoked by an admin.”"
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </ConfirmDialog>
  );
}
