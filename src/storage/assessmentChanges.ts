/**
 * One assessment's changes as replication reads them (src/sync): what a peer with version vector V
 * lacks, without reading the whole change log.
 *
 * The change log is indexed by `[node+hlc]` (version 3), so "since V" is one range per node: after
 * V[n] for a node the peer has seen, all of it for one it has not. Only those changes are read;
 * they are kept when they belong to the assessment (the assessment record, or a record whose
 * `assessmentId` is it: key-only reads of each table's `assessmentId` index) and when they still
 * win their field here — a superseded version can never win anywhere, so it does not travel.
 *
 * Also returned: for every record the selected changes touch, the winning change of its
 * `assessmentId` when it is not selected itself (a bundle reader checks the scope from the bundle
 * alone, see exchange/bundle/scope.ts), and the version vector of THIS assessment's changes here (a
 * peer that records it and later asks for "what I lack" must not skip changes of this assessment
 * because of newer changes of another one).
 */
import { Dexie } from 'dexie';
import { tableNames, type TableName } from '../core/assessment/recordSchemas';
import { changeSchema, type Change } from '../core/merge/change';
import { compareChangesCanonically, recordKey } from '../core/merge/mergeChanges';
import { changesSince, versionVectorSchema, type VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { assessmentPartTables } from './loadAssessment';
import { problemsOf, toStorageFailure, type StorageFailure } from './storageFailure';

export const ASSESSMENT_ID_FIELD = 'assessmentId';

export interface AssessmentChangesRead {
  /** The field winners of the assessment newer than the vector, in canonical order. */
  readonly changes: readonly Change[];
  /** Winning `assessmentId` changes of the records `changes` touch, not among `changes`. */
  readonly scopeProofs: readonly Change[];
  /** Node → newest HLC among this assessment's logged changes. */
  readonly versionVector: VersionVector;
  /** Damaged change-log rows skipped. */
  readonly invalid: number;
}

export async function assessmentChangesSince(db: MmdmaDatabase, assessmentId: string, vector: unknown): Promise<Result<AssessmentChangesRead, StorageFailure>> {
  const parsedVector = versionVectorSchema.safeParse(vector);
  if (!parsedVector.success) return err({ kind: 'invalid', problems: problemsOf(parsedVector.error, ['vector']) });
  const since = parsedVector.data;
  try {
    return ok(
      await db.transaction('r', [...tableNames, 'changeLog', 'fieldVersions'], async () => {
        const scope = await assessmentScope(db, assessmentId);
        const inScope = (row: unknown) => isRef(row) && scope.has(recordKey(row));
        const nodes = (await db.changeLog.orderBy('node').uniqueKeys()).filter((n): n is string => typeof n === 'string');
        let invalid = 0;
        const candidates: Change[] = [];
        const newest = new Map<string, string>();
        await Promise.all(
          nodes.map(async (node) => {
            const after = Object.hasOwn(since, node) ? since[node]! : '';
            const rows: unknown[] = await db.changeLog.where('[node+hlc]').between([node, after], [node, Dexie.maxKey], false, true).toArray();
            for (const row of rows) {
              if (!inScope(row)) continue;
              const parsed = changeSchema.safeParse(row);
              if (parsed.success) candidates.push(parsed.data);
              else invalid += 1;
            }
            // The newest change of this node in the assessment: usually the first one read backwards.
            const last: unknown = await db.changeLog
              .where('[node+hlc]')
              .between([node, Dexie.minKey], [node, Dexie.maxKey])
              .reverse()
              .filter((row) => inScope(row))
              .first();
            if (typeof last === 'object' && last !== null && 'hlc' in last && typeof last.hlc === 'string') newest.set(node, last.hlc);
          }),
        );
        const fieldWinners = await db.fieldVersions.bulkGet(candidates.map((c): [string, string, string] => [c.table, c.id, c.field]));
        const winners = new Map<string, Change>();
        for (const row of fieldWinners) {
          const parsed = changeSchema.safeParse(row);
          if (parsed.success) winners.set(parsed.data.hlc, parsed.data);
        }
        const changes = changesSince([...winners.values()], since).sort(compareChangesCanonically);
        const selected = new Set(changes.map((c) => c.hlc));
        const touched = new Map<string, { table: TableName; id: string }>();
        for (const c of changes) if (c.table !== 'assessment') touched.set(recordKey(c), { table: c.table, id: c.id });
        const proofRows = await db.fieldVersions.bulkGet([...touched.values()].map(({ table, id }): [string, string, string] => [table, id, ASSESSMENT_ID_FIELD]));
        const scopeProofs: Change[] = [];
        for (const row of proofRows) {
          const parsed = changeSchema.safeParse(row);
          if (parsed.success && !selected.has(parsed.data.hlc)) scopeProofs.push(parsed.data);
        }
        const versionVector = Object.fromEntries([...newest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        return { changes, scopeProofs: scopeProofs.sort(compareChangesCanonically), versionVector, invalid };
      }),
    );
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** Record keys of the assessment and of every record whose `assessmentId` is it (keys only). */
export async function assessmentScope(db: MmdmaDatabase, assessmentId: string): Promise<Set<string>> {
  const scope = new Set<string>([recordKey({ table: 'assessment', id: assessmentId })]);
  const ids = await Promise.all(assessmentPartTables.map((table) => db[table].where(ASSESSMENT_ID_FIELD).equals(assessmentId).primaryKeys()));
  assessmentPartTables.forEach((table, i) => {
    for (const id of ids[i]!) scope.add(recordKey({ table, id: String(id) }));
  });
  return scope;
}

export interface AssessmentOutline {
  /** The assessment row as stored (unvalidated: the caller validates what it needs). */
  readonly assessmentRow: unknown;
  /** Attachment rows of the assessment, as stored. */
  readonly attachmentRows: readonly unknown[];
}

/** The assessment row and its attachment rows, in one read. */
export async function readAssessmentOutline(db: MmdmaDatabase, assessmentId: string): Promise<Result<AssessmentOutline, StorageFailure>> {
  try {
    return ok(
      await db.transaction('r', ['assessment', 'attachment'], async () => {
        const assessmentRow: unknown = await db.assessment.get(assessmentId);
        const attachmentRows: unknown[] = await db.attachment.where(ASSESSMENT_ID_FIELD).equals(assessmentId).toArray();
        return { assessmentRow, attachmentRows };
      }),
    );
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** Which of these SHA-256 have bytes on this device. */
export async function heldBlobs(db: MmdmaDatabase, sha256s: readonly string[]): Promise<Result<Set<string>, StorageFailure>> {
  if (sha256s.length === 0) return ok(new Set());
  try {
    const keys = await db.blobs.where('sha256').anyOf([...sha256s]).primaryKeys();
    return ok(new Set(keys.map(String)));
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

function isRef(row: unknown): row is { table: string; id: string } {
  return typeof row === 'object' && row !== null && 'table' in row && 'id' in row && typeof row.table === 'string' && typeof row.id === 'string';
}
