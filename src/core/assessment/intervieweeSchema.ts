import { z } from 'zod';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, nameSchema } from './recordBase';

/** A person met in an interview; listed with dates in the report's annex. */
export const intervieweeSchema = z.object({
  ...assessmentRecordShape,
  interviewId: uuidSchema,
  name: nameSchema,
  /** Their position ("Head of IT department"); may be empty when not given. */
  role: z.string().trim().default(''),
  /** Usually the interview's institution, but a meeting can bring in people from elsewhere. */
  institutionId: uuidSchema,
  deleted: deletedSchema,
});
export type Interviewee = z.infer<typeof intervieweeSchema>;
export type IntervieweeInput = z.input<typeof intervieweeSchema>;
