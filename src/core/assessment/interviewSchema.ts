import { z } from 'zod';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, isoDateSchema, isoDateTimeSchema, textSchema } from './recordBase';

export const interviewStatusSchema = z.enum(['planned', 'done', 'cancelled']);
export type InterviewStatus = z.infer<typeof interviewStatusSchema>;

/** What the interviewees agreed may be recorded. */
export const consentScopeSchema = z.enum(['notes', 'notes-and-audio', 'none']);
export type ConsentScope = z.infer<typeof consentScopeSchema>;

/** One field, not three: consent is given and scoped in one act, so it merges as one value. */
export const consentSchema = z.object({
  given: z.boolean(),
  recordedAt: isoDateTimeSchema.optional(),
  scope: consentScopeSchema,
});
export type Consent = z.infer<typeof consentSchema>;

export const interviewSchema = z.object({
  ...assessmentRecordShape,
  institutionId: uuidSchema,
  date: isoDateSchema,
  /** Local time of day, `HH:MM` or `HH:MM:SS`. */
  // Nullable so a field can be cleared: change values are JSON, which has no undefined.
  startTime: z.iso.time().nullable().optional(),
  location: z.string().nullable().optional(),
  /** Assessor ids. */
  interviewerIds: z.array(uuidSchema).default([]),
  status: interviewStatusSchema,
  consent: consentSchema,
  notes: textSchema,
  deleted: deletedSchema,
});
export type Interview = z.infer<typeof interviewSchema>;
export type InterviewInput = z.input<typeof interviewSchema>;
