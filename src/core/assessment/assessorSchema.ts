import { z } from 'zod';
import { assessmentRecordShape, deletedSchema, nameSchema } from './recordBase';

/** The lead sets consensus levels; observers may read and take notes but do not rate. */
export const assessorRoleSchema = z.enum(['lead', 'assessor', 'observer']);
export type AssessorRole = z.infer<typeof assessorRoleSchema>;

export const assessorSchema = z.object({
  ...assessmentRecordShape,
  name: nameSchema,
  /** Null clears it: a change value must be JSON, which has no undefined. */
  email: z.email().nullable().optional(),
  role: assessorRoleSchema,
  deleted: deletedSchema,
});
export type Assessor = z.infer<typeof assessorSchema>;
export type AssessorInput = z.input<typeof assessorSchema>;
