/**
 * The device's HLC clock as persisted in `meta`. The clock carries the node id, so the node id and
 * the last timestamp issued can never disagree. Call these inside a transaction that includes
 * `meta` (and `changeLog`, for recovery): a change and the clock that stamped it commit together,
 * otherwise a crash could make the device re-issue a timestamp.
 */
import { clockSchema, createClock, createNodeId, parseHlc, type Clock } from '../core/clock/hlc';
import { CLOCK_META_KEY, type MmdmaDatabase } from './databaseSchema';

export type RandomBytes = (n: number) => Uint8Array;

/**
 * The persisted clock; on first use (or if the row is unreadable) a new node id is created and
 * persisted in the same transaction.
 */
export async function loadClock(db: MmdmaDatabase, randomBytes: RandomBytes): Promise<Clock> {
  const stored = await storedClock(db);
  if (stored !== undefined) return stored;
  // A missing clock means a new database. A corrupt one means we no longer know the last timestamp
  // this node issued; a fresh node id guarantees we never re-issue one, and starting from the newest
  // timestamp in the log keeps new edits ordered after everything this device has seen.
  const clock = await freshClock(db, randomBytes);
  await saveClock(db, clock);
  return clock;
}

/** The persisted clock if there is a readable one; never creates one (for reads such as previews). */
export async function storedClock(db: MmdmaDatabase): Promise<Clock | undefined> {
  const parsed = clockSchema.safeParse((await db.meta.get(CLOCK_META_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveClock(db: MmdmaDatabase, clock: Clock): Promise<void> {
  await db.meta.put({ key: CLOCK_META_KEY, value: clock });
}

/** A new node id that continues from the newest timestamp this database holds. */
export async function freshClock(db: MmdmaDatabase, randomBytes: RandomBytes, previous?: Clock): Promise<Clock> {
  const clock = createClock(createNodeId(randomBytes));
  const newest = await db.changeLog.orderBy('hlc').last();
  const parts = typeof newest?.hlc === 'string' ? parseHlc(newest.hlc) : null;
  let wallMs = clock.wallMs;
  let counter = clock.counter;
  for (const seen of [parts, previous]) {
    if (seen && (seen.wallMs > wallMs || (seen.wallMs === wallMs && seen.counter > counter))) {
      wallMs = seen.wallMs;
      counter = seen.counter;
    }
  }
  return { nodeId: clock.nodeId, wallMs, counter };
}
