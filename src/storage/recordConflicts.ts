/**
 * Finds the concurrent edits in a batch of incoming changes and makes their `conflicts` rows
 * (conflictRow.ts), inside the transaction that applies the batch — so a conflict whose incoming
 * version wins is recorded exactly when the local version is replaced, and an interrupted import
 * can never have replaced a value without recording it.
 *
 * Reads nothing but the rows it may add: the stored winners and logged HLCs are the ones the merge
 * read anyway. A conflict already recorded (same losing HLC) is not recorded again, so importing a
 * bundle twice writes nothing the second time.
 */
import { compareChangeVersions, fieldKey } from '../core/merge/mergeChanges';
import type { Change } from '../core/merge/change';
import { isConcurrentEdit } from '../core/merge/concurrentEdit';
import type { VersionVector } from '../core/merge/versionVector';
import type { ConflictRow, ConflictSource } from './conflictRow';
import type { MmdmaDatabase } from './databaseSchema';

export interface ConflictContext {
  /** The assessment the incoming changes belong to (a bundle is of one assessment). */
  readonly assessmentId: string;
  /** What the sender held when it sent: the bundle's version vector. */
  readonly knownToSender: VersionVector;
  readonly source: ConflictSource;
}

export async function newConflictRows(
  db: MmdmaDatabase,
  stored: { readonly winners: ReadonlyMap<string, Change>; readonly logged: ReadonlyMap<string, Change> },
  incoming: Iterable<Change>,
  context: ConflictContext,
  detectedAt: string,
): Promise<ConflictRow[]> {
  const storedWinners = stored.winners;
  // The newest incoming version of each field that has a stored version here.
  const best = new Map<string, Change>();
  for (const change of incoming) {
    const key = fieldKey(change);
    if (!storedWinners.has(key)) continue;
    const current = best.get(key);
    if (current === undefined || compareChangeVersions(change, current) > 0) best.set(key, change);
  }
  const rows: ConflictRow[] = [];
  for (const [key, incoming] of best) {
    const local = storedWinners.get(key)!;
    if (!isConcurrentEdit(local, incoming, context.knownToSender, stored.logged.has(incoming.hlc))) continue;
    const incomingWins = compareChangeVersions(incoming, local) > 0;
    const [kept, lost] = incomingWins ? [incoming, local] : [local, incoming];
    rows.push({
      lostHlc: lost.hlc,
      assessmentId: context.assessmentId,
      table: local.table,
      id: local.id,
      field: local.field,
      kept: { hlc: kept.hlc, node: kept.node, value: kept.value },
      lost: { hlc: lost.hlc, node: lost.node, value: lost.value },
      lostSide: incomingWins ? 'local' : 'incoming',
      source: context.source,
      detectedAt,
      reviewedAt: null,
    });
  }
  if (rows.length === 0) return [];
  const existing = await db.conflicts.bulkGet(rows.map((row) => row.lostHlc));
  return rows.filter((_, i) => existing[i] === undefined);
}
