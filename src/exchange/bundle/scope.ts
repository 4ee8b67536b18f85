/**
 * Which changes a bundle of assessment A may carry, and how a reader checks it without a database.
 *
 * A change belongs to A when it is to the assessment record itself (`table === 'assessment'` and
 * `id === A`), or to a record whose `assessmentId` field is A. So that a reader can decide this
 * from the bundle alone, a bundle carries, for every record it touches, the change that sets the
 * record's `assessmentId` (the writer adds it even when it is older than the peer's vector: the
 * receiver then counts it as a duplicate). A bundle of A can therefore never write into another
 * assessment, which matters when one device holds several countries' assessments.
 */
import type { Change } from '../../core/merge/change';
import { compareChangeVersions, recordKey } from '../../core/merge/mergeChanges';
import { refuse } from './problem';

export const ASSESSMENT_ID_FIELD = 'assessmentId';

export { recordKey };

/** Record key → the change that wins its `assessmentId` field within `changes`. */
export function assessmentIdChanges(changes: Iterable<Change>): Map<string, Change> {
  const winners = new Map<string, Change>();
  for (const change of changes) {
    if (change.table === 'assessment' || change.field !== ASSESSMENT_ID_FIELD) continue;
    const key = recordKey(change);
    const current = winners.get(key);
    if (current === undefined || compareChangeVersions(change, current) > 0) winners.set(key, change);
  }
  return winners;
}

/** Throws 'out-of-scope' for the first change that does not belong to `assessmentId`. */
export function checkScope(changes: readonly Change[], assessmentId: string): void {
  const owners = assessmentIdChanges(changes);
  for (const change of changes) {
    if (change.table === 'assessment') {
      if (change.id !== assessmentId) {
        refuse('out-of-scope', `The bundle is of assessment ${assessmentId} but changes assessment ${change.id}.`);
      }
      continue;
    }
    const owner = owners.get(recordKey(change));
    if (owner === undefined) {
      refuse('out-of-scope', `The bundle changes ${change.table} ${change.id} without saying which assessment it belongs to.`);
    }
    if (owner.value !== assessmentId) {
      refuse('out-of-scope', `The bundle is of assessment ${assessmentId} but changes ${change.table} ${change.id} of assessment ${JSON.stringify(owner.value)}.`);
    }
  }
}
