/**
 * The estimator's input from the session's live records; the rule lives in the core
 * (estimateInputOf) so the report and the command-line tool estimate exactly as the screens do.
 */
import { estimateInputOf, type EstimateSource } from '../../core/analysis/estimateInputOf';
import type { EstimateInput } from '../../core/estimate/estimateAssessment';
import type { FrameworkIndex } from '../../core/framework/indexFramework';

export type { EstimateSource };

export function buildEstimateInput(data: EstimateSource, index: FrameworkIndex): EstimateInput {
  return estimateInputOf(data, index);
}
