/**
 * Stores the Armenia 2022 example through the store's ordinary writes (validation, change log,
 * outbox; one transaction per table), so it syncs, exports and deletes like any assessment. Loaded lazily from the
 * assessments screen (with its data file), so none of it is in the first screen's JavaScript.
 *
 * The builder's ids are placeholders: each record gets the store's own id (UUIDv7, or the natural
 * key of ratings and consensus), and references are rewritten as the records are created, parents
 * first.
 */
import type { AssessmentRecords } from '../core/analysis/assessmentRecords';
import type { TableName } from '../core/assessment/recordSchemas';
import type { FrameworkIndex } from '../core/framework/indexFramework';
import { createUuidV7 } from '../core/ids/uuidv7';
import { err, ok, type Result } from '../core/result';
import type { CreateInput, Store } from '../storage';
import type { StorageFailure } from '../storage';
import { buildArmeniaExample } from './buildArmeniaExample';
import { exampleDataSchema } from './exampleDataSchema';

export type SeedProblem = { readonly kind: 'invalid-data'; readonly message: string } | { readonly kind: 'storage'; readonly failure: StorageFailure };

/** Records in creation order: every record after those it refers to. */
const ORDER: ReadonlyArray<readonly [TableName, keyof Omit<AssessmentRecords, 'assessment'>]> = [
  ['assessor', 'assessors'],
  ['institution', 'institutions'],
  ['interview', 'interviews'],
  ['interviewee', 'interviewees'],
  ['observation', 'observations'],
  ['rating', 'ratings'],
  ['consensus', 'consensus'],
  ['finding', 'findings'],
];

export async function seedArmeniaExample(store: Store, index: FrameworkIndex, loadData: () => Promise<unknown>): Promise<Result<{ assessmentId: string; leadId: string }, SeedProblem>> {
  const parsed = exampleDataSchema.safeParse(await loadData());
  if (!parsed.success) return err({ kind: 'invalid-data', message: parsed.error.message });
  const placeholder = () => createUuidV7(Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n)));
  let records: AssessmentRecords;
  try {
    records = buildArmeniaExample(parsed.data, index, placeholder);
  } catch (error) {
    return err({ kind: 'invalid-data', message: error instanceof Error ? error.message : String(error) });
  }
  const idMap = new Map<string, string>();
  const remap = (value: unknown): unknown => {
    if (typeof value === 'string') return idMap.get(value) ?? value;
    if (Array.isArray(value)) return value.map(remap);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v)]));
    return value;
  };
  // One transaction per table (references point to earlier tables, whose ids must be known), not
  // one per record: the example is about 940 records, and a transaction each took several seconds.
  const createAll = async (table: TableName, batch: readonly { readonly id: string }[]): Promise<Result<void, SeedProblem>> => {
    const inputs = batch.map((record) => {
      const { id: _placeholder, ...fields } = remap(record) as { id: string } & Record<string, unknown>;
      return fields as CreateInput<typeof table>;
    });
    const written = await store.createRecords(table, inputs);
    if (!written.ok) return err({ kind: 'storage', failure: written.error });
    written.value.forEach((outcome, i) => {
      const placeholderId = batch[i]?.id;
      if (placeholderId !== undefined) idMap.set(placeholderId, outcome.record.id);
    });
    return ok(undefined);
  };
  const head = await createAll('assessment', [records.assessment]);
  if (!head.ok) return head;
  for (const [table, key] of ORDER) {
    const created = await createAll(table, records[key]);
    if (!created.ok) return created;
  }
  return ok({ assessmentId: idMap.get(records.assessment.id)!, leadId: idMap.get(records.assessors[0]!.id)! });
}
