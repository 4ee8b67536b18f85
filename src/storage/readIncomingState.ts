/**
 * What this device holds of the records, fields and attachments a batch of incoming changes touches
 * (a bundle, a hub pull), read in one transaction, for the preview of an import and the checks before
 * applying it (src/sync). Only fields and records stored here are read (storedKeys.ts): a first
 * import reads no value at all.
 */
import { z } from 'zod';
import type { TableName } from '../core/assessment/recordSchemas';
import { changeSchema, type Change } from '../core/merge/change';
import { fieldKey, recordKey } from '../core/merge/mergeChanges';
import { err, ok, type Result } from '../core/result';
import { ASSESSMENT_ID_FIELD } from './assessmentChanges';
import type { MmdmaDatabase } from './databaseSchema';
import { storedChangeLogKeys, storedFieldVersionKeys, storedRecordIds } from './storedKeys';
import { toStorageFailure, type StorageFailure } from './storageFailure';

export interface IncomingState {
  /** Field key → the change that wins the field here (empty when not asked for). */
  readonly fieldVersions: ReadonlyMap<string, Change>;
  /** Record key → whether this device has the record. */
  readonly records: ReadonlyMap<string, { readonly table: TableName; readonly exists: boolean }>;
  /** Records here that belong to another assessment than the incoming one, in key order. */
  readonly foreign: ReadonlyArray<{ readonly table: TableName; readonly id: string; readonly assessmentId: unknown }>;
  /** The framework of the assessment here; undefined when the assessment is not here (or unreadable). */
  readonly assessmentFramework: { readonly id: string; readonly version: string } | undefined;
  /** Which of the asked SHA-256 have bytes here. */
  readonly blobsHere: ReadonlySet<string>;
  /** HLCs of the incoming changes that are in this device's change log (empty when not asked for). */
  readonly loggedHere: ReadonlySet<string>;
}

export interface IncomingStateRequest {
  readonly assessmentId: string;
  readonly changes: readonly Change[];
  readonly blobs: readonly string[];
  /** Read the field winners and logged HLCs too (a preview); default true. */
  readonly fieldVersions?: boolean;
}

export async function readIncomingState(db: MmdmaDatabase, request: IncomingStateRequest): Promise<Result<IncomingState, StorageFailure>> {
  const { changes, assessmentId } = request;
  const withVersions = request.fieldVersions ?? true;
  const fieldKeys = new Map<string, [string, string, string]>();
  const idsByTable = new Map<TableName, Set<string>>();
  for (const change of changes) {
    fieldKeys.set(fieldKey(change), [change.table, change.id, change.field]);
    let ids = idsByTable.get(change.table);
    if (ids === undefined) idsByTable.set(change.table, (ids = new Set()));
    ids.add(change.id);
  }
  try {
    return ok(
      await db.transaction('r', [...new Set<string>(['fieldVersions', 'changeLog', 'blobs', 'assessment', ...idsByTable.keys()])], async () => {
        const storedFields = withVersions ? (await storedFieldVersionKeys(db, changes)).fields : new Set<string>();
        const loggedHere = withVersions ? await storedChangeLogKeys(db, changes.map((change) => change.hlc)) : new Set<string>();
        const versionRows = await db.fieldVersions.bulkGet([...fieldKeys].filter(([key]) => storedFields.has(key)).map(([, parts]) => parts));
        const fieldVersions = new Map<string, Change>();
        for (const row of versionRows) {
          const parsed = changeSchema.safeParse(row);
          if (parsed.success) fieldVersions.set(fieldKey(parsed.data), parsed.data);
        }
        const records = new Map<string, { table: TableName; exists: boolean }>();
        const foreign: Array<{ table: TableName; id: string; assessmentId: unknown }> = [];
        await Promise.all(
          [...idsByTable].map(async ([table, idSet]) => {
            const ids = [...idSet];
            const stored = await storedRecordIds(db, table, ids);
            for (const id of ids) records.set(recordKey({ table, id }), { table, exists: stored.has(id) });
            if (table === 'assessment') return;
            const storedIds = ids.filter((id) => stored.has(id));
            const rows = await db[table].bulkGet(storedIds);
            rows.forEach((row, i) => {
              if (row !== undefined && Object.hasOwn(row, ASSESSMENT_ID_FIELD) && row[ASSESSMENT_ID_FIELD] !== assessmentId) {
                foreign.push({ table, id: storedIds[i]!, assessmentId: row[ASSESSMENT_ID_FIELD] });
              }
            });
          }),
        );
        // Tables answer in any order; the record named in a refusal must not depend on it.
        foreign.sort((a, b) => (recordKey(a) < recordKey(b) ? -1 : 1));
        const assessmentRow = await db.assessment.get(assessmentId);
        const framework = z.object({ frameworkId: z.string(), frameworkVersion: z.string() }).safeParse(assessmentRow);
        const shas = [...new Set(request.blobs)];
        const blobsHere = new Set((shas.length === 0 ? [] : await db.blobs.where('sha256').anyOf(shas).primaryKeys()).map(String));
        return {
          fieldVersions,
          records,
          foreign,
          assessmentFramework: framework.success ? { id: framework.data.frameworkId, version: framework.data.frameworkVersion } : undefined,
          blobsHere,
          loggedHere,
        };
      }),
    );
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
