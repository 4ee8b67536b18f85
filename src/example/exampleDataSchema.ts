/**
 * The shape of the built-in example's data file (armenia-2022-example.json), validated when it is
 * loaded like any other data crossing a boundary: a broken edit fails loudly, in the tests first.
 */
import { z } from 'zod';
import { frameworkIdSchema } from '../core/framework/frameworkIds';
import { isoDateSchema } from '../core/assessment/recordBase';

const cell = z.object({ indicatorId: frameworkIdSchema, trackId: frameworkIdSchema, level: frameworkIdSchema });

export const exampleDataSchema = z.object({
  about: z.string().min(1),
  assessment: z.object({ title: z.string().min(1), country: z.string().min(1), startDate: isoDateSchema, endDate: isoDateSchema }),
  assessors: z.array(z.object({ name: z.string().min(1), role: z.enum(['lead', 'assessor', 'observer']) })).min(2),
  institutions: z.array(
    z.object({ key: z.string().min(1), name: z.string().min(1), acronym: z.string(), kind: z.string(), pillars: z.array(frameworkIdSchema) }),
  ),
  interviews: z.array(
    z.object({ institution: z.string().min(1), date: isoDateSchema, startTime: z.string(), interviewers: z.array(z.number().int().min(0)) }),
  ),
  /** The level at which the report prints each indicator statement, per track. */
  statementLevels: z.array(cell),
  /** Where the second example assessor reads the evidence differently. */
  assessorBDiffers: z.array(cell),
  pillarLevels: z.array(
    z.object({ pillarId: frameworkIdSchema, level: frameworkIdSchema, tendency: frameworkIdSchema.nullable(), quote: z.string().min(1) }),
  ),
  table4MigrationLevels: z.array(z.object({ subTopicId: frameworkIdSchema, level: frameworkIdSchema })),
  confidentialNotes: z.array(
    z.object({ institution: z.string().min(1), subTopicId: frameworkIdSchema, trackIds: z.array(frameworkIdSchema), text: z.string().min(1) }),
  ),
  findings: z.array(
    z.object({
      pillarId: frameworkIdSchema,
      trackId: frameworkIdSchema,
      kind: z.enum(['strength', 'improvement', 'recommendation']),
      text: z.string().min(1),
      /** The report section the finding summarises. */
      section: z.string().min(1),
      rank: z.number().int().min(1).nullable(),
    }),
  ),
});
export type ExampleData = z.infer<typeof exampleDataSchema>;
