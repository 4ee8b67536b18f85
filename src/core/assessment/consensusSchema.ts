import { z } from 'zod';
import { frameworkIdSchema } from '../framework/frameworkIds';
import { deterministicId } from '../ids/deterministicId';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, isoDateTimeSchema, textSchema } from './recordBase';

/**
 * The `trackId` of a pillar's overall level (the report's Table 3). Frameworks must therefore not
 * name a track "overall".
 */
export const OVERALL_TRACK_ID = 'overall';

export const consensusScopeSchema = z.enum(['sub-topic', 'pillar']);
export type ConsensusScope = z.infer<typeof consensusScopeSchema>;

export const consensusHistoryEntrySchema = z.object({
  level: frameworkIdSchema.nullable(),
  rationale: z.string(),
  /** Assessor id. */
  setBy: uuidSchema,
  at: isoDateTimeSchema,
});
export type ConsensusHistoryEntry = z.infer<typeof consensusHistoryEntrySchema>;

/**
 * The team's agreed level for a sub-topic on a track, or for a pillar on a track or overall, set by
 * the lead. One per natural key, so its id is `consensusId(...)`.
 */
export const consensusSchema = z.object({
  ...assessmentRecordShape,
  scope: consensusScopeSchema,
  /** A sub-topic id or a pillar id, according to `scope`. */
  targetId: frameworkIdSchema,
  /** A track id, or OVERALL_TRACK_ID for a pillar's overall level. */
  trackId: frameworkIdSchema,
  /** A level id; null when the team decided the evidence does not allow a judgement. */
  level: frameworkIdSchema.nullable(),
  rationale: textSchema,
  /** Assessor id. */
  setBy: uuidSchema,
  /** Earlier levels, oldest first. */
  history: z.array(consensusHistoryEntrySchema).default([]),
  deleted: deletedSchema,
});
export type Consensus = z.infer<typeof consensusSchema>;
export type ConsensusInput = z.input<typeof consensusSchema>;

export function consensusId(assessmentId: string, scope: ConsensusScope, targetId: string, trackId: string): string {
  return deterministicId('consensus', assessmentId, scope, targetId, trackId);
}
