/**
 * Applies the open assessment's changes that wait for this device's clock (src/sync/heldChanges.ts)
 * once they come due, for teams that exchange only bundles: with a hub, every sync round releases
 * them too. Runs when the assessment opens and then once a minute while any wait; a failed read is
 * tried again on the next tick (the save indicator, not this, reports a broken storage).
 */
import { useEffect } from 'preact/hooks';
import type { Store } from '../../storage';
import { releaseDueChanges } from '../../sync/heldChanges';

export const HELD_RELEASE_EVERY_MS = 60_000;

export function useReleaseHeldChanges(store: Store, assessmentId: string | undefined): void {
  useEffect(() => {
    if (assessmentId === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const release = async () => {
      const released = await releaseDueChanges(store, assessmentId, Date.now());
      if (!live) return;
      const waiting = released.ok ? released.value.stillHeld.count : 1;
      if (waiting > 0) timer = setTimeout(() => void release(), HELD_RELEASE_EVERY_MS);
    };
    void release();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, assessmentId]);
}
