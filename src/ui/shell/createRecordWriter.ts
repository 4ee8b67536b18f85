/**
 * The RecordWriter screens use: the store's writes with the store's typed results, plus a notice
 * for every failure (in the interface language, the full-disk case spelt out) and a hook after every
 * successful write (storage usage, the persistence request).
 */
import type { TFunction } from 'i18next';
import type { TableName } from '../../core/assessment/recordSchemas';
import { err, ok } from '../../core/result';
import type { Store, StorageFailure } from '../../storage';
import type { RecordWriter } from '../session/assessmentSession';
import { describeStorageFailure } from './describeStorageFailure';

export interface RecordWriterOptions {
  readonly store: Store;
  /** The translator of the moment (the language may change between writes). */
  readonly translator: () => TFunction;
  readonly onFailure: (failure: StorageFailure, message: string) => void;
  readonly onSuccess?: () => void;
}

export function createRecordWriter({ store, translator, onFailure, onSuccess }: RecordWriterOptions): RecordWriter {
  const report = (failure: StorageFailure) => onFailure(failure, describeStorageFailure(translator(), failure));
  const settle = <T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StorageFailure }) => {
    if (result.ok) onSuccess?.();
    else report(result.error);
    return result;
  };

  return {
    async create(table, input) {
      // The store assigns ids (UUIDv7, or the natural key of a rating or consensus) and refuses an
      // `id` in the input with an `invalid` failure, which is reported like any other.
      const result = await store.createRecord(table, input);
      settle(result);
      return result.ok ? ok(result.value.record) : err(result.error);
    },
    async update(table, id, patch) {
      const result = await store.updateFields(table, id, patch);
      settle(result);
      return result.ok ? ok(result.value.record) : err(result.error);
    },
    async remove(table: TableName, id: string) {
      const result = await store.deleteRecord(table, id);
      settle(result);
      return result.ok ? ok(undefined) : err(result.error);
    },
    async putBlob(blob, mediaType) {
      const result = await store.putBlob(blob, mediaType);
      settle(result);
      return result.ok ? ok(result.value.sha256) : err(result.error);
    },
    async getBlob(sha256) {
      const result = await store.getBlob(sha256);
      if (!result.ok) {
        report(result.error);
        return undefined;
      }
      return result.value?.blob;
    },
  };
}
