/**
 * The expected ways a storage call can fail, as data the UI can show ("The device is full: free
 * space or export a bundle now"), and the mapping from what IndexedDB and Dexie throw.
 *
 * Dexie wraps IndexedDB's DOMExceptions in its own errors (same `name`, the original in `inner`),
 * and a quota failure that only shows at commit arrives as an `AbortError` whose `inner` is the
 * QuotaExceededError (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError), hence the walk
 * through `inner`, `cause` and a BulkError's `failures`. Anything that is neither a Dexie error nor
 * a DOMException (a TypeError in our own code) is a bug and is rethrown, not turned into a result.
 */
import { Dexie } from 'dexie';
import type { z } from 'zod';
import type { ClockFailure } from '../core/clock/hlc';
import { formatPath } from '../core/validation/formatPath';
import type { TableName } from '../core/assessment/recordSchemas';

export interface Problem {
  /** Where, e.g. `title` or `consent.scope`; empty for the whole value. */
  readonly path: string;
  readonly message: string;
}

export type StorageFailure =
  /** The origin's storage quota is used up: nothing of this write was stored. */
  | { readonly kind: 'quota-exceeded'; readonly message: string }
  /** IndexedDB refused for another reason (closed, blocked, disk error): nothing was stored. */
  | { readonly kind: 'storage-failed'; readonly message: string }
  /** The input (or the record it would produce) is not valid: nothing was stored. */
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] }
  /** No record with this id exists on this device. */
  | { readonly kind: 'not-found'; readonly table: TableName; readonly id: string }
  /**
   * The clock refused to stamp a change: the device's clock jumped back by more than MAX_DRIFT_MS
   * after it saw a later time, or more than 65,536 changes fell in one millisecond.
   */
  | { readonly kind: 'clock'; readonly failure: ClockFailure; readonly message: string };

export const QUOTA_EXCEEDED = 'QuotaExceededError';

/** True when the error, or an error it wraps, is a QuotaExceededError. */
export function isQuotaExceeded(error: unknown): boolean {
  return someWrapped(error, (e) => nameOf(e) === QUOTA_EXCEEDED);
}

/**
 * The failure for an error thrown by a Dexie call. Bugs (errors that did not come from IndexedDB or
 * Dexie) are rethrown: a typed result would hide them behind a "storage failed" banner.
 */
export function toStorageFailure(error: unknown): StorageFailure {
  if (isQuotaExceeded(error)) return { kind: 'quota-exceeded', message: messageOf(error) };
  if (error instanceof Dexie.DexieError || isDomException(error)) return { kind: 'storage-failed', message: messageOf(error) };
  throw error;
}

export function problemsOf(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

function someWrapped(error: unknown, test: (e: unknown) => boolean, depth = 0): boolean {
  // Depth guard: a cyclic `inner`/`cause` chain must not hang the error path.
  if (error === null || error === undefined || depth > 8) return false;
  if (test(error)) return true;
  if (typeof error !== 'object') return false;
  const wrapped = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  if (someWrapped(wrapped.inner, test, depth + 1) || someWrapped(wrapped.cause, test, depth + 1)) return true;
  return Array.isArray(wrapped.failures) && wrapped.failures.some((f: unknown) => someWrapped(f, test, depth + 1));
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}

function isDomException(error: unknown): boolean {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
