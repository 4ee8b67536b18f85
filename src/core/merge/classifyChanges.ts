/**
 * What importing a change set would do, before doing it: for the import preview ("312 changes,
 * 40 newer than yours, 2 older") and for the conflicts table, which keeps the value that lost.
 */
import type { TableName } from '../assessment/recordSchemas';
import type { Change } from './change';
import { compareChangeVersions, fieldKey } from './mergeChanges';

/** The HLC of the local winner of a field, if the field has ever been written here. */
export type WinningHlcLookup = (table: TableName, id: string, field: string) => string | undefined;

export interface ChangeClassification {
  /** Newer than the local value: importing writes them. `replacedHlc` is the local version they beat. */
  readonly wins: ReadonlyArray<{ readonly change: Change; readonly replacedHlc: string | undefined }>;
  /** Older than the local value: importing keeps the local value. */
  readonly losses: ReadonlyArray<{ readonly change: Change; readonly localHlc: string }>;
  /** Already here (same HLC for the same field): importing changes nothing. */
  readonly duplicates: readonly Change[];
  /** Beaten by another change for the same field within the incoming set itself. */
  readonly superseded: readonly Change[];
}

/**
 * Sorts incoming changes by what they would do to local state. Equal HLCs count as duplicates:
 * every change has its own HLC (see mergeChanges.ts).
 */
export function classifyChanges(localWinner: WinningHlcLookup, incoming: readonly Change[]): ChangeClassification {
  const best = new Map<string, Change>();
  const superseded: Change[] = [];
  for (const change of incoming) {
    const key = fieldKey(change);
    const current = best.get(key);
    if (current === undefined) best.set(key, change);
    else if (compareChangeVersions(change, current) > 0) {
      superseded.push(current);
      best.set(key, change);
    } else superseded.push(change);
  }
  const wins: Array<{ change: Change; replacedHlc: string | undefined }> = [];
  const losses: Array<{ change: Change; localHlc: string }> = [];
  const duplicates: Change[] = [];
  for (const change of best.values()) {
    const localHlc = localWinner(change.table, change.id, change.field);
    if (localHlc === undefined || change.hlc > localHlc) wins.push({ change, replacedHlc: localHlc });
    else if (change.hlc === localHlc) duplicates.push(change);
    else losses.push({ change, localHlc });
  }
  return { wins, losses, duplicates, superseded };
}
