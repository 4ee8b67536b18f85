/**
 * Team sync beside the save indicator (loaded on demand: none of this is in the first screen's
 * JavaScript). A button shows the state in words — synced, N waiting, offline, stopped — and opens
 * a panel with the team, the last sync, a clock warning, the problem with what to do, "Sync now",
 * and, when the device has not joined (or must join again), the join form; on an assessment not
 * yet in a team, creating its team space (a lead, with the hub secret); for a lead's device, invite
 * codes and the team's devices (TeamInviteMaker, TeamDevices). The state line is a
 * polite live region, so a screen reader hears "Synced" or "Sync stopped" without moving focus.
 */
import { HubSyncPlaceholder } from '../shell/HubSyncPlaceholder';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Store } from '../../storage';
import { createHubApi } from '../../sync/hubApi';
import { createHubSyncLoop, type HubSyncLoop, type HubSyncStatus } from '../../sync/hubSyncLoop';
import { useTranslation } from '../useTranslation';
import { CreateTeamForm } from './CreateTeamForm';
import { JoinHubForm } from './JoinHubForm';
import { TeamDevices } from './TeamDevices';
import { TeamInviteMaker } from './TeamInviteMaker';
import { TeamPassphraseForm } from './TeamPassphraseForm';
import { clockWarningMinutes, roleText, syncProblemText, syncStateText } from './syncStatusText';
import { useReleaseHeldChanges } from './useReleaseHeldChanges';
import './sync.css';

export interface HubSyncPanelProps {
  readonly store: Store;
  /** The open assessment; undefined on the assessments list, where a new device joins its team. */
  readonly assessmentId: string | undefined;
}

export function HubSyncPanel({ store, assessmentId }: HubSyncPanelProps) {
  const { t, format } = useTranslation();
  const [status, setStatus] = useState<HubSyncStatus | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const loopRef = useRef<HubSyncLoop | undefined>(undefined);
  const id = useMemo(() => `hub-sync-${Math.random().toString(36).slice(2, 8)}`, []);
  useReleaseHeldChanges(store, assessmentId);

  useEffect(() => {
    if (assessmentId === undefined) {
      setStatus(NOT_JOINED);
      return undefined;
    }
    const loop = startLoop(store, assessmentId);
    loopRef.current = loop;
    const unsubscribe = loop.subscribe(setStatus);
    return () => {
      unsubscribe();
      loop.stop();
      loopRef.current = undefined;
    };
  }, [store, assessmentId]);

  if (status === undefined) return <HubSyncPlaceholder />;
  const connection = status.connection;
  const needsJoin = connection === undefined || connection.tokenState !== 'valid';
  const wrongKey = status.problem?.kind === 'wrong-passphrase';
  const needsPassphrase = !needsJoin && connection.encrypted && (connection.valueKey === undefined || wrongKey);
  const clockMinutes = clockWarningMinutes(status.clockOffsetMs);
  const syncNow = async () => {
    setBusy(true);
    try {
      await loopRef.current?.syncNow();
    } finally {
      setBusy(false);
    }
  };
  // On the list, a device that just joined pulls its team's assessment once; it then appears in the
  // list, and opening it starts the background sync.
  const firstPull = async (joinedAssessmentId: string) => {
    if (assessmentId !== undefined) return syncNow();
    const loop = startLoop(store, joinedAssessmentId);
    try {
      await loop.syncNow();
    } finally {
      loop.stop();
    }
  };
  return (
    <div class="hub-sync">
      <button type="button" class="hub-sync-toggle" data-state={status.state} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        <span class="save-dot" aria-hidden="true" />
        <span class="visually-hidden">{t('sync:toggle')}: </span>
        <span role="status" aria-live="polite" aria-atomic="true">
          {syncStateText(t, status)}
        </span>
        {clockMinutes !== undefined && <span class="hub-sync-warn" aria-hidden="true"> ⚠</span>}
      </button>
      {open && (
        <section id={`${id}-panel`} class="hub-sync-panel" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{t('sync:panel.heading')}</h2>
          {connection !== undefined && (
            <ul class="hub-sync-facts">
              <li>{t('sync:panel.team', { team: connection.teamName, hub: connection.hubUrl })}</li>
              <li>{t('sync:panel.role', { label: connection.deviceLabel, role: roleText(t, connection.role) })}</li>
              <li>{status.lastSyncedAt !== undefined ? t('sync:panel.lastSynced', { time: format.dateTime(new Date(status.lastSyncedAt)) }) : t('sync:panel.never')}</li>
              {status.lastRound !== undefined && status.lastRound.heldBack > 0 && <li>{t('sync:panel.heldBack', { count: status.lastRound.heldBack })}</li>}
              {status.lastRound !== undefined && status.lastRound.heldForClock > 0 && (
                <li>{t('sync:panel.heldForClock', { count: status.lastRound.heldForClock, time: format.dateTime(new Date(status.lastRound.heldDueByMs ?? Date.now())) })}</li>
              )}
              {status.drift !== undefined && (
                <li>
                  {status.drift.report.remainingDays > 0
                    ? t('sync:panel.driftRemains', { time: format.dateTime(new Date(status.drift.at)) })
                    : t('sync:panel.driftRepaired', { time: format.dateTime(new Date(status.drift.at)) })}
                </li>
              )}
            </ul>
          )}
          {clockMinutes !== undefined && (
            <p class="hub-sync-problem" role="alert">
              {t('sync:panel.clockWarning', { minutes: clockMinutes })}
            </p>
          )}
          {status.problem !== undefined && (
            <p class="hub-sync-problem">
              {syncProblemText(t, status.problem)}
              {status.retryAt !== undefined && status.state !== 'syncing' && <> {t('sync:panel.retryAt', { time: format.dateTime(new Date(status.retryAt)) })}</>}
            </p>
          )}
          {connection !== undefined && connection.tokenState === 'valid' && (
            <button type="button" class="button" aria-disabled={busy || status.state === 'syncing' ? 'true' : undefined} onClick={() => void (busy ? undefined : syncNow())}>
              {t('sync:panel.syncNow')}
            </button>
          )}
          {needsPassphrase && <TeamPassphraseForm store={store} connection={connection} retry={wrongKey} onUnlocked={() => void syncNow()} />}
          {needsJoin && (
            <JoinHubForm
              store={store}
              assessmentId={assessmentId}
              rejoin={connection !== undefined}
              defaultHub={connection?.hubUrl ?? location.origin}
              onJoined={(joinedAssessmentId) => void firstPull(joinedAssessmentId)}
            />
          )}
          {assessmentId !== undefined && connection === undefined && (
            <details class="hub-create">
              <summary>{t('sync:create.summary')}</summary>
              <CreateTeamForm store={store} assessmentId={assessmentId} defaultHub={location.origin} onCreated={() => void syncNow()} />
            </details>
          )}
          {connection !== undefined && connection.tokenState === 'valid' && connection.role === 'lead' && (
            <>
              <TeamInviteMaker connection={connection} />
              <TeamDevices connection={connection} onRevokedSelf={() => void syncNow()} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

const NOT_JOINED: HubSyncStatus = { state: 'not-joined', pending: 0, connection: undefined, lastRound: undefined, lastSyncedAt: undefined, clockOffsetMs: undefined, problem: undefined, retryAt: undefined };

function startLoop(store: Store, assessmentId: string): HubSyncLoop {
  return createHubSyncLoop({
    store,
    assessmentId,
    apiFor: (hubUrl) => createHubApi({ baseUrl: hubUrl }),
    isOnline: () => navigator.onLine,
    watchOnline: (onChange) => {
      const online = () => onChange(true);
      const offline = () => onChange(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
  });
}
