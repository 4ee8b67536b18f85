import { z } from 'zod';
import { frameworkIdSchema } from '../framework/frameworkIds';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, isoDateTimeSchema } from './recordBase';

export const observationKindSchema = z.enum(['note', 'quote', 'evidence']);
export type ObservationKind = z.infer<typeof observationKindSchema>;

/** Where in the framework a note speaks to: a sub-topic, optionally one indicator, and tracks. */
export const observationTagSchema = z.object({
  subTopicId: frameworkIdSchema,
  indicatorId: frameworkIdSchema.optional(),
  trackIds: z.array(frameworkIdSchema).default([]),
});
export type ObservationTag = z.infer<typeof observationTagSchema>;

/** A note, quote or piece of evidence; belongs to its author, so concurrent edits are rare. */
export const observationSchema = z.object({
  ...assessmentRecordShape,
  /** Null for desk research. */
  interviewId: uuidSchema.nullable(),
  /** Assessor id. */
  authorId: uuidSchema,
  kind: observationKindSchema,
  text: z.string(),
  /** A law, decree or URL the observation rests on. */
  source: z.string().nullable().optional(),
  /**
   * Who said it: an interviewee of the note's interview. Optional and nullable so records written
   * before the field existed (and desk research) still validate; null clears it, which replicates
   * as a field change like any other.
   */
  intervieweeId: uuidSchema.nullable().optional(),
  tags: z.array(observationTagSchema).default([]),
  /** A level id of the framework when the evidence points to one; feeds provisional estimates. */
  suggestedLevel: frameworkIdSchema.nullable(),
  attachmentIds: z.array(uuidSchema).default([]),
  /**
   * Never quoted in the report or its exports (which say how many were left out), e.g. everything
   * said by a security service. Still counts for estimates and coverage: the team saw it.
   */
  confidential: z.boolean().optional(),
  createdAt: isoDateTimeSchema,
  deleted: deletedSchema,
});
export type Observation = z.infer<typeof observationSchema>;
export type ObservationInput = z.input<typeof observationSchema>;
