/**
 * "Who am I" per assessment, on this device only: it is a fact about the device (the lead's laptop,
 * the note-taker's tablet), not about the assessment, so it must never travel in a bundle or sync.
 */
import type { KeyValueStorage } from '../createAppState';

export const ME_STORAGE_PREFIX = 'mmdma.me.';

export function meStorageKey(assessmentId: string): string {
  return `${ME_STORAGE_PREFIX}${assessmentId}`;
}

export function readMe(storage: KeyValueStorage | undefined, assessmentId: string): string | undefined {
  try {
    return storage?.getItem(meStorageKey(assessmentId)) ?? undefined;
  } catch {
    // Blocked storage: nobody is chosen, and the setup screen asks again.
    return undefined;
  }
}

export function writeMe(storage: KeyValueStorage | undefined, assessmentId: string, assessorId: string): void {
  try {
    storage?.setItem(meStorageKey(assessmentId), assessorId);
  } catch {
    // A full or blocked storage only means the choice lasts until the page closes.
  }
}
