import { z } from 'zod';
import { frameworkIdSchema } from '../framework/frameworkIds';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema } from './recordBase';

/** The report's per-pillar lists: strengths, areas of improvement, recommendations. */
export const findingKindSchema = z.enum(['strength', 'improvement', 'recommendation']);
export type FindingKind = z.infer<typeof findingKindSchema>;

export const findingSchema = z.object({
  ...assessmentRecordShape,
  pillarId: frameworkIdSchema,
  /** The report splits findings into general digital transformation and migration management. */
  trackId: frameworkIdSchema,
  kind: findingKindSchema,
  text: z.string(),
  /** 1 = first key recommendation; null for findings that are not ranked. */
  rank: z.number().int().min(1).nullable(),
  /** Assessor id. */
  authorId: uuidSchema,
  deleted: deletedSchema,
});
export type Finding = z.infer<typeof findingSchema>;
export type FindingInput = z.input<typeof findingSchema>;
