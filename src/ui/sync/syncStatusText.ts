/**
 * The words of the hub sync status: the one-line state beside the save indicator, and for a
 * problem, the reason and what to do. Pure (a TFunction in, strings out), so every state is tested
 * without a browser.
 */
import type { TFunction } from 'i18next';
import type { HubRole } from '../../core/sync/hubProtocol';
import { CLOCK_WARNING_MS, type SyncProblem } from '../../sync/hubSync';
import type { HubSyncStatus } from '../../sync/hubSyncLoop';
import type { HubFailure } from '../../sync/hubApi';

export function syncStateText(t: TFunction, status: HubSyncStatus): string {
  switch (status.state) {
    case 'not-joined':
      return t('sync:state.not-joined');
    case 'syncing':
      return t('sync:state.syncing');
    case 'offline':
      return t('sync:state.offline', { count: status.pending });
    case 'error':
      return t('sync:state.error');
    case 'pending':
      return t('sync:state.pending', { count: status.pending });
    case 'synced':
      return status.pending > 0 ? t('sync:state.pending', { count: status.pending }) : t('sync:state.synced');
  }
}

export function syncProblemText(t: TFunction, problem: SyncProblem): string {
  switch (problem.kind) {
    case 'token':
      return t('sync:problem.token');
    case 'out-of-scope':
      return t('sync:problem.scope');
    case 'passphrase-needed':
      return t('sync:problem.passphraseNeeded');
    case 'wrong-passphrase':
      return t('sync:problem.wrongPassphrase');
    case 'storage':
      return t('sync:problem.storage', { reason: 'message' in problem.failure ? problem.failure.message : problem.failure.kind });
    case 'hub': {
      const failure = problem.failure;
      if (failure.kind === 'unreachable') return t('sync:problem.offline', { reason: failure.message });
      if (failure.kind === 'unreadable') return t('sync:problem.unreadable');
      if (failure.status === 429 || failure.status >= 500) return t('sync:problem.busy', { reason: failure.message });
      if (failure.code === 'clock-ahead') return t('sync:problem.clockAhead');
      if (failure.code === 'role-forbidden') return t('sync:problem.role', { reason: failure.message });
      if (failure.code === 'conflicting-resend') return t('sync:problem.conflictingResend');
      return t('sync:problem.other', { reason: failure.message });
    }
  }
}

export function roleText(t: TFunction, role: HubRole): string {
  return role === 'lead' ? t('sync:panel.roles.lead') : role === 'assessor' ? t('sync:panel.roles.assessor') : t('sync:panel.roles.observer');
}

/** Minutes off the hub's clock when past the warning threshold, else undefined. */
export function clockWarningMinutes(offsetMs: number | undefined): number | undefined {
  if (offsetMs === undefined || Math.abs(offsetMs) <= CLOCK_WARNING_MS) return undefined;
  return Math.round(Math.abs(offsetMs) / 60_000);
}

/** A failed request of the team screens (create, invite, list, revoke) in words: the hub's own reason when it refused. */
export function hubFailureText(t: TFunction, failure: HubFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return t('sync:problem.offline', { reason: failure.message });
    case 'unreadable':
      return t('sync:problem.unreadable');
    case 'refused':
      return t('sync:problem.other', { reason: failure.message });
  }
}
