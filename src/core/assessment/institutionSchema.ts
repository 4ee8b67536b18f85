import { z } from 'zod';
import { frameworkIdSchema } from '../framework/frameworkIds';
import { assessmentRecordShape, deletedSchema, nameSchema } from './recordBase';

/** A stakeholder institution (the report's Table 1): who matters for which pillar. */
export const institutionSchema = z.object({
  ...assessmentRecordShape,
  name: nameSchema,
  /** "EKENG", "ARMSTAT"; may be empty. */
  acronym: z.string().trim().default(''),
  /** Free text ("ministry", "agency", "central bank"): countries organise themselves differently. */
  kind: z.string().trim().default(''),
  relevantPillarIds: z.array(frameworkIdSchema).default([]),
  deleted: deletedSchema,
});
export type Institution = z.infer<typeof institutionSchema>;
export type InstitutionInput = z.input<typeof institutionSchema>;
