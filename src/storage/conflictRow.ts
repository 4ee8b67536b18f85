/**
 * A row of the `conflicts` table: the losing value of a concurrent edit (see
 * core/merge/concurrentEdit.ts), kept so the lead can review what last-writer-wins replaced or
 * refused, and restore it if it was the right one. Validated on every read, like every row.
 */
import { z } from 'zod';
import { tableNameSchema } from '../core/assessment/recordSchemas';
import { isoDateTimeSchema } from '../core/assessment/recordBase';
import { hlcSchema, nodeIdSchema } from '../core/clock/hlc';
import { jsonValueSchema } from '../core/merge/change';
import { uuidSchema } from '../core/ids/uuidSchema';

const versionSchema = z.object({ hlc: hlcSchema, node: nodeIdSchema, value: jsonValueSchema });

export const conflictSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bundle'),
    /** The bundle id. */
    id: uuidSchema,
    /** Who made it, as the bundle says (an assessor's name), when it says. */
    by: z.string().max(200).nullable(),
  }),
  z.object({
    kind: z.literal('hub'),
    /** The hub's address (origin), as joined. */
    id: z.string().min(1).max(500),
    /** The node id of the device that pushed the incoming version. */
    by: z.string().max(200).nullable(),
  }),
]);
export type ConflictSource = z.infer<typeof conflictSourceSchema>;

export const conflictRowSchema = z.object({
  /** The HLC of the version that lost: unique, and the key (a conflict is recorded once). */
  lostHlc: hlcSchema,
  assessmentId: uuidSchema,
  table: tableNameSchema,
  id: uuidSchema,
  field: z.string().min(1),
  /** The version every replica keeps (the newer one). */
  kept: versionSchema,
  /** The version last-writer-wins set aside: here, or in the bundle that was imported. */
  lost: versionSchema,
  /** Which side the lost version came from: this device's records, or the import. */
  lostSide: z.enum(['local', 'incoming']),
  source: conflictSourceSchema,
  detectedAt: isoDateTimeSchema,
  /** When someone on this device reviewed it (kept the newer value or restored the other); null while open. */
  reviewedAt: isoDateTimeSchema.nullable(),
});
export type ConflictRow = z.infer<typeof conflictRowSchema>;
