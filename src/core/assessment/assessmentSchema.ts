import { z } from 'zod';
import { frameworkIdSchema, semanticVersionSchema } from '../framework/frameworkIds';
import { deletedSchema, isoDateSchema, nameSchema, recordIdShape, textSchema } from './recordBase';

/** The phases of an assessment, in order; "archived" hides it from the daily lists. */
export const assessmentStatusSchema = z.enum(['planning', 'fieldwork', 'rating', 'reporting', 'archived']);
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;

export const assessmentSchema = z.object({
  ...recordIdShape,
  title: nameSchema,
  /** As the report names it ("Armenia"); free text because teams also assess regions. */
  country: nameSchema,
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** The framework the ratings refer to; its ids are only meaningful with this version. */
  frameworkId: frameworkIdSchema,
  frameworkVersion: semanticVersionSchema,
  status: assessmentStatusSchema,
  notes: textSchema,
  /**
   * The report's prose, by section key ("executive-summary", "pillar:<id>:overview", …; see
   * src/report/narrativeKeys.ts). One field: the lead writes the report, so concurrent edits are
   * rare, and a losing edit still lands in the conflicts table.
   */
  reportText: z.record(z.string(), z.string()).optional(),
  /** True for the built-in example (Armenia 2022), so the app can mark it and offer to delete it. */
  example: z.boolean().optional(),
  deleted: deletedSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentInput = z.input<typeof assessmentSchema>;
