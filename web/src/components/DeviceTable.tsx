import type { Device } from '../graphql/deviceTypes';
import { formatTime } from '../internal/formatTime';
import { RowActionButton } from './RowAction';

/** "admin:<id>" or "device:<id>" as a person reads it. */
function revokedByLabel(by: string | null, adminLabel: (id: string) => string): string {
  if (!by) return 'Unknown';
  const [kind, id = ''] = by.split(':');
  return kind === 'admin' ? adminLabel(id) : kind === 'device' ? 'The user, from the device' : by;
}

export interface DeviceTableProps {
  devices: Device[];
  /** Names the admin who revoked a device ("You" for the signed-in one). */
  adminLabel: (adminId: string) => string;
  onRevoke: (device: Device) => void;
}

/** Enrolled devices: whose, which, since when, last code, and who revoked them; a revoke action per active device. */
export function DeviceTable({ devices, adminLabel, onRevoke }: DeviceTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Enrolled devices, newest first</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Device</th>
            <th scope="col">Status</th>
            <th scope="col">Activated</th>
            <th scope="col">Last code use</th>
            <th scope="col">Revoked by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.id}>
              <th scope="row">{device.username}</th>
              <td data-label="Device">
                <span className="device-name">
                  {device.name}
                  <span className="mono muted" title="Key thumbprint">
                    {device.keyThumbprint.slice(0, 12)}…
                  </span>
                </span>
              </td>
              <td data-label="Status">
                {device.status === 'ACTIVE' ? <span className="pill pill-ok">Active</span> : <span className="pill pill-failed">Revoked</span>}
              </td>
              <td data-label="Activated">
                <time dateTime={device.activatedAt}>{formatTime(device.activatedAt)}</time>
              </td>
              <td data-label="Last code">
                {device.lastCodeAt ? <time dateTime={device.lastCodeAt}>{formatTime(device.lastCodeAt)}</time> : <span className="muted">Never</span>}
              </td>
              <td data-label="Revoked by">
                {device.status === 'REVOKED' ? (
                  <span>
                    {revokedByLabel(device.revokedBy, adminLabel)}
                    {device.revokedAt ? (
                      <>
                        <br />
                        <time className="muted" dateTime={device.revokedAt}>
                          {formatTime(device.revokedAt)}
                        </time>
                      </>
                    ) : null}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="row-actions">
                {device.status === 'ACTIVE' ? (
                  <RowActionButton icon="cross" label="Revoke" danger subject={`${device.name} of ${device.username}`} onClick={() => onRevoke(device)} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
