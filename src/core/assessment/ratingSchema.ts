import { z } from 'zod';
import { frameworkIdSchema } from '../framework/frameworkIds';
import { deterministicId } from '../ids/deterministicId';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, textSchema } from './recordBase';

/**
 * One assessor's judgement of one indicator on one track. There is exactly one per natural key,
 * so its id is `ratingId(...)` rather than a UUIDv7: two devices of the same assessor (laptop and
 * tablet) then edit the same record instead of creating twins.
 */
export const ratingSchema = z.object({
  ...assessmentRecordShape,
  assessorId: uuidSchema,
  indicatorId: frameworkIdSchema,
  trackId: frameworkIdSchema,
  /** A level id of the framework; null means "cannot judge" (distinct from no rating at all). */
  level: frameworkIdSchema.nullable(),
  rationale: textSchema,
  /** Observation ids. */
  evidenceIds: z.array(uuidSchema).default([]),
  deleted: deletedSchema,
});
export type Rating = z.infer<typeof ratingSchema>;
export type RatingInput = z.input<typeof ratingSchema>;

export function ratingId(assessmentId: string, indicatorId: string, trackId: string, assessorId: string): string {
  return deterministicId('rating', assessmentId, indicatorId, trackId, assessorId);
}
