/**
 * Helpers for the storage integration tests: a fresh fake-indexeddb database per test, a clock and
 * randomness the test controls, sample inputs for every table, and a dump of every table for
 * "nothing changed" assertions. Test files import 'fake-indexeddb/auto' first, so Dexie (and its
 * liveQuery, which looks for a global indexedDB) sees the fake.
 */
import { afterEach } from 'vitest';
import { consensusId } from '../../../src/core/assessment/consensusSchema';
import { ratingId } from '../../../src/core/assessment/ratingSchema';
import { ALL_STORE_NAMES, type MmdmaDatabase } from '../../../src/storage/databaseSchema';
import { createStore, type CreateInput, type Store } from '../../../src/storage/createStore';
import { openDatabase } from '../../../src/storage/openDatabase';

/** 3 October 2022, 09:00 UTC: the first interview day of the Armenia mission. */
export const T0 = Date.UTC(2022, 9, 3, 9, 0, 0);

let databaseCounter = 0;
export function freshDatabaseName(label = 'db'): string {
  databaseCounter += 1;
  return `storage-test-${label}-${databaseCounter}-${Math.random().toString(36).slice(2)}`;
}

/** Deterministic bytes (xorshift32), so node ids and UUIDs differ per seed but repeat per run. */
export function seededRandomBytes(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

export interface TestClock {
  readonly now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = T0): TestClock {
  let ms = start;
  return {
    now: () => ms,
    set: (value) => {
      ms = value;
    },
    advance: (delta) => {
      ms += delta;
    },
  };
}

export interface TestStore {
  readonly db: MmdmaDatabase;
  readonly store: Store;
  readonly clock: TestClock;
}

export interface TestStoreOptions {
  readonly seed?: number;
  readonly start?: number;
  readonly label?: string;
  readonly prepare?: (db: MmdmaDatabase) => void;
}

/** A store on a fresh database; `prepare` runs on the Dexie instance before first use (middleware). */
export function openTestStore(options: TestStoreOptions = {}): TestStore {
  const db = openDatabase(freshDatabaseName(options.label));
  options.prepare?.(db);
  const clock = testClock(options.start);
  const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(options.seed ?? 1) });
  return { db, store, clock };
}

/**
 * `openTestStore` for one test file, with every database it opened deleted after each test. Call it
 * at the top of the file: it registers that afterEach.
 */
export function testStoresDeletedAfterEach(): (options?: TestStoreOptions) => TestStore {
  const opened: MmdmaDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return (options) => {
    const test = openTestStore(options);
    opened.push(test.db);
    return test;
  };
}

/** Every row of every table, keyed by table name, for before/after comparisons. */
export async function dumpDatabase(db: MmdmaDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of ALL_STORE_NAMES) dump[name] = await db.table(name).toArray();
  return dump;
}

export function unwrap<T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const assessmentInput = (overrides: Partial<CreateInput<'assessment'>> = {}): CreateInput<'assessment'> => ({
  title: 'MMDMA Armenia 2022',
  country: 'Armenia',
  startDate: '2022-10-03',
  endDate: '2022-10-06',
  frameworkId: 'mmdma',
  frameworkVersion: '1.0.0',
  status: 'fieldwork',
  ...overrides,
});

export const assessorInput = (assessmentId: string, overrides: Partial<CreateInput<'assessor'>> = {}): CreateInput<'assessor'> => ({
  assessmentId,
  name: 'Anna Petrosyan',
  role: 'lead',
  ...overrides,
});

export const institutionInput = (assessmentId: string, overrides: Partial<CreateInput<'institution'>> = {}): CreateInput<'institution'> => ({
  assessmentId,
  name: 'Migration Service',
  acronym: 'MS',
  relevantPillarIds: ['strategic-planning'],
  ...overrides,
});

export const interviewInput = (
  assessmentId: string,
  institutionId: string,
  overrides: Partial<CreateInput<'interview'>> = {},
): CreateInput<'interview'> => ({
  assessmentId,
  institutionId,
  date: '2022-10-03',
  status: 'planned',
  consent: { given: true, scope: 'notes' },
  ...overrides,
});

export const observationInput = (
  assessmentId: string,
  authorId: string,
  interviewId: string | null,
  overrides: Partial<CreateInput<'observation'>> = {},
): CreateInput<'observation'> => ({
  assessmentId,
  authorId,
  interviewId,
  kind: 'note',
  text: 'The e-visa system exchanges data with the border system in real time.',
  tags: [{ subTopicId: '6.5.2', trackIds: ['migration'] }],
  suggestedLevel: 'established',
  createdAt: '2022-10-03T09:15:00.000Z',
  ...overrides,
});

export const ratingInput = (
  assessmentId: string,
  assessorId: string,
  overrides: Partial<CreateInput<'rating'>> = {},
): CreateInput<'rating'> => ({
  assessmentId,
  assessorId,
  indicatorId: '6.5.2-a',
  trackId: 'migration',
  level: 'developing',
  ...overrides,
});

export const consensusInput = (
  assessmentId: string,
  setBy: string,
  overrides: Partial<CreateInput<'consensus'>> = {},
): CreateInput<'consensus'> => ({
  assessmentId,
  setBy,
  scope: 'sub-topic',
  targetId: '6.5.2',
  trackId: 'migration',
  level: 'developing',
  ...overrides,
});

export const findingInput = (
  assessmentId: string,
  authorId: string,
  overrides: Partial<CreateInput<'finding'>> = {},
): CreateInput<'finding'> => ({
  assessmentId,
  authorId,
  pillarId: 'data-management',
  trackId: 'migration',
  kind: 'strength',
  text: 'Real-time data exchange between the visa and border systems.',
  rank: null,
  ...overrides,
});

export { consensusId, ratingId };

/** Resolves once `predicate` holds, polling every few ms; rejects after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean, timeoutMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
