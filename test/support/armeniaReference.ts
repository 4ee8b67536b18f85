/**
 * The Armenia 2022 reference assessment (test/fixtures/armenia-2022.json) turned into estimator
 * input: the experts are one assessor who rated every indicator and track at the level at which the
 * report prints its statement.
 */
import { z } from 'zod';
import reference from '../fixtures/armenia-2022.json';
import type { RatingInput } from '../../src/core/estimate/estimateTypes';

const levelId = z.enum(['emerging', 'developing', 'established', 'advanced']);

export const armeniaReferenceSchema = z.object({
  source: z.string(),
  statementLevels: z.array(z.object({ indicatorId: z.string(), trackId: z.enum(['central', 'migration']), level: levelId, quote: z.string() })),
  pillarLevels: z.array(z.object({ pillarId: z.string(), level: levelId, tendency: levelId.nullable(), quote: z.string() })),
  table4MigrationLevels: z.array(z.object({ subTopicId: z.string(), level: levelId.nullable(), note: z.string() })),
});
export type ArmeniaReference = z.infer<typeof armeniaReferenceSchema>;

export const armeniaReference: ArmeniaReference = armeniaReferenceSchema.parse(reference);

export const EXPERTS = 'armenia-2022-experts';

export function armeniaExpertRatings(): RatingInput[] {
  return armeniaReference.statementLevels.map((statement) => ({
    assessorId: EXPERTS,
    indicatorId: statement.indicatorId,
    trackId: statement.trackId,
    level: statement.level,
  }));
}
