/**
 * For a lead: the team's devices with their role and last use, and revoking one. Revoking asks
 * first, in place (the confirm step names the device and says what happens: it stops syncing and
 * keeps its unsent changes until it joins again). Revoking this very device says so too: it then
 * needs a new invite code, which only a lead can make.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HubDevice } from '../../core/sync/hubProtocol';
import { createHubApi } from '../../sync/hubApi';
import type { HubConnection } from '../../sync/hubConnection';
import { useTranslation } from '../useTranslation';
import { hubFailureText, roleText } from './syncStatusText';

export interface TeamDevicesProps {
  readonly connection: HubConnection;
  /** After this device revoked itself: sync picks the new state up. */
  readonly onRevokedSelf: () => void;
}

export function TeamDevices({ connection, onRevokedSelf }: TeamDevicesProps) {
  const { t, format } = useTranslation();
  const [devices, setDevices] = useState<readonly HubDevice[] | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<HubDevice | undefined>(undefined);
  const api = createHubApi({ baseUrl: connection.hubUrl });

  const load = async () => {
    const listed = await api.listDevices(connection.token, connection.teamId);
    if (!listed.ok) return setMessage(hubFailureText(t, listed.error));
    setDevices(listed.value);
  };
  useEffect(() => {
    void load();
  }, [connection.teamId, connection.token]);

  const revoke = async (device: HubDevice) => {
    const revoked = await api.revokeDevice(connection.token, connection.teamId, device.id);
    setConfirming(undefined);
    if (!revoked.ok) return setMessage(hubFailureText(t, revoked.error));
    setMessage(t('sync:devices.revoked', { label: device.label }));
    if (device.id === connection.deviceId) return onRevokedSelf();
    await load();
  };

  return (
    <section class="hub-devices" aria-labelledby="devices-heading">
      <h3 id="devices-heading">{t('sync:devices.heading')}</h3>
      {devices !== undefined && (
        <table>
          <caption class="visually-hidden">{t('sync:devices.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync:devices.device')}</th>
              <th scope="col">{t('sync:devices.role')}</th>
              <th scope="col">{t('sync:devices.lastUsed')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('sync:devices.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <th scope="row">
                  {device.label}
                  {device.id === connection.deviceId && <> ({t('sync:devices.thisDevice')})</>}
                </th>
                <td>{roleText(t, device.role)}</td>
                <td>{device.lastUsedAt === null ? t('sync:devices.neverUsed') : format.dateTime(new Date(device.lastUsedAt))}</td>
                <td>
                  {device.revokedAt !== null ? (
                    t('sync:devices.revokedAt', { time: format.dateTime(new Date(device.revokedAt)) })
                  ) : (
                    <button type="button" class="button" aria-label={t('sync:devices.revokeNamed', { label: device.label })} onClick={() => setConfirming(device)}>
                      {t('sync:devices.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming !== undefined && <ConfirmRevoke key={confirming.id} device={confirming} self={confirming.id === connection.deviceId} onConfirm={() => void revoke(confirming)} onCancel={() => setConfirming(undefined)} />}
      <button type="button" class="button" onClick={() => void load()}>
        {t('sync:devices.refresh')}
      </button>
      <div role="status" aria-live="polite">
        {message !== undefined && <p>{message}</p>}
      </div>
    </section>
  );
}

function ConfirmRevoke({ device, self, onConfirm, onCancel }: { device: HubDevice; self: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirm step takes focus, so a keyboard or screen-reader user lands on the question. A layout
  // effect moves it in the same task that shows the question: there is no frame in which the question
  // is on screen while focus (and the next Enter) is still on the device's Revoke button.
  useLayoutEffect(() => confirmRef.current?.focus(), []);
  return (
    <div class="hub-confirm" role="group" aria-labelledby="revoke-question">
      <p id="revoke-question">{t('sync:devices.confirm', { label: device.label })}</p>
      {self && <p>{t('sync:devices.confirmSelf')}</p>}
      <button type="button" class="button" ref={confirmRef} onClick={onConfirm}>
        {t('sync:devices.confirmRevoke')}
      </button>
      <button type="button" class="button" onClick={onCancel}>
        {t('sync:devices.cancel')}
      </button>
    </div>
  );
}
