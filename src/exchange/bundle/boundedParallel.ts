/**
 * Runs tasks a few at a time, holding at most `budget` units (bytes) in flight — always at least one
 * task, however large. Hashing and storing attachments this way lets several SHA-256 digests run on
 * the platform's worker threads at once without letting memory grow with the bundle.
 *
 * Stops starting tasks after the first failure; when several fail, the error of the earliest task
 * (in input order) is thrown, so the reported problem does not depend on timing.
 */
export async function forEachBounded<T>(items: readonly T[], weight: (item: T) => number, budget: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let inFlight = 0;
  let next = 0;
  let failed = false;
  const errors: Array<{ index: number; error: unknown }> = [];
  const running = new Set<Promise<void>>();
  while (next < items.length && !failed) {
    const item = items[next]!;
    const w = weight(item);
    if (running.size > 0 && inFlight + w > budget) {
      await Promise.race(running);
      continue;
    }
    const index = next++;
    inFlight += w;
    const run: Promise<void> = task(item, index)
      .catch((error: unknown) => {
        failed = true;
        errors.push({ index, error });
      })
      .finally(() => {
        inFlight -= w;
        running.delete(run);
      });
    running.add(run);
  }
  await Promise.all(running);
  if (errors.length > 0) throw errors.sort((a, b) => a.index - b.index)[0]!.error;
}

/** Bytes of attachments hashed or stored at once. */
export const PARALLEL_BYTES = 32 * 1024 * 1024;

/** `items` in order, cut into groups whose weights sum to at most `budget` (a heavier item alone). */
export function groupsWithin<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && sum + w > budget) {
      groups.push(current);
      current = [];
      sum = 0;
    }
    current.push(item);
    sum += w;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
