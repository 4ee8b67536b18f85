/**
 * For a lead: make an invite code for a role, with a lifetime. The hub shows a code once (it keeps
 * only its hash), so the code and a join link are shown here at once, the link in a read-only field
 * with a copy button (the join form takes the pasted link: it carries the hub's address too).
 */
import { useState } from 'preact/hooks';
import type { HubRole } from '../../core/sync/hubProtocol';
import { createHubApi } from '../../sync/hubApi';
import type { HubConnection } from '../../sync/hubConnection';
import { useTranslation } from '../useTranslation';
import { hubFailureText, roleText } from './syncStatusText';

const DAY_MS = 24 * 60 * 60_000;
const LIFETIMES_DAYS = [1, 7, 30] as const;
const ROLES: readonly HubRole[] = ['assessor', 'observer', 'lead'];

/** What a teammate pastes into the join form: the hub's address with the code in the fragment (never sent to a server by the browser). */
export function inviteLink(hubUrl: string, code: string): string {
  return `${hubUrl}/#/join?code=${encodeURIComponent(code)}`;
}

export function TeamInviteMaker({ connection }: { readonly connection: HubConnection }) {
  const { t, format } = useTranslation();
  const [role, setRole] = useState<HubRole>('assessor');
  const [days, setDays] = useState<number>(7);
  const [made, setMade] = useState<{ code: string; role: HubRole; expiresAt: string } | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);

  const make = async (event: Event) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    setMessage(undefined);
    const reply = await createHubApi({ baseUrl: connection.hubUrl }).createInvite(connection.token, connection.teamId, role, days * DAY_MS);
    setWorking(false);
    if (!reply.ok) {
      setMade(undefined);
      setMessage(hubFailureText(t, reply.error));
      return;
    }
    setMade(reply.value);
  };
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setMessage(t('sync:invite.copied'));
    } catch {
      setMessage(t('sync:invite.copyFailed'));
    }
  };
  const link = made === undefined ? undefined : inviteLink(connection.hubUrl, made.code);
  return (
    <form class="hub-join" onSubmit={(event) => void make(event)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('sync:invite.heading')}</h3>
      <label for="invite-role">{t('sync:invite.role')}</label>
      <select id="invite-role" value={role} onChange={(event) => setRole(event.currentTarget.value as HubRole)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleText(t, r)}
          </option>
        ))}
      </select>
      <label for="invite-days">{t('sync:invite.lifetime')}</label>
      <select id="invite-days" value={String(days)} onChange={(event) => setDays(Number(event.currentTarget.value))}>
        {LIFETIMES_DAYS.map((d) => (
          <option key={d} value={String(d)}>
            {t('sync:invite.days', { count: d })}
          </option>
        ))}
      </select>
      <button type="submit" class="button" aria-disabled={working ? 'true' : undefined}>
        {t('sync:invite.make')}
      </button>
      {made !== undefined && link !== undefined && (
        <div class="hub-invite" aria-labelledby="invite-made">
          <p id="invite-made">{t('sync:invite.made', { role: roleText(t, made.role), time: format.dateTime(new Date(made.expiresAt)) })}</p>
          <p>
            {t('sync:invite.code')} <code class="hub-invite-code" data-testid="invite-code">{made.code}</code>
          </p>
          <label for="invite-link">{t('sync:invite.link')}</label>
          <input id="invite-link" type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" class="button" onClick={() => void copy(link)}>
            {t('sync:invite.copy')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {message !== undefined && <p>{message}</p>}
      </div>
    </form>
  );
}
