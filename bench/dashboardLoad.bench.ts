/**
 * What the live dashboard costs per change on a large assessment (the estimator benchmark's 10
 * pillars × 3 sub-topics, 20 assessors, 10,000 notes from 40 interviews of 12 institutions): the
 * view models it derives from each new estimate (Table 3 rows with structural sharing, the overall
 * line, the sub-topics lacking evidence) against the estimate itself, and the stakeholder grid's
 * recount against one plain pass over the notes.
 */
import { it } from 'vitest';
import type { Institution } from '../src/core/assessment/institutionSchema';
import type { Interview } from '../src/core/assessment/interviewSchema';
import type { Observation } from '../src/core/assessment/observationSchema';
import { estimateAssessment } from '../src/core/estimate/estimateAssessment';
import { buildCoverageGrid } from '../src/core/analysis/coverageGrid';
import { reuseUnchanged } from '../src/ui/shared/structuralSharing';
import { lackingEvidence } from '../src/core/analysis/lackingEvidence';
import { summariseOverall } from '../src/ui/screens/dashboard/overallSummary';
import { buildPillarRows } from '../src/ui/screens/dashboard/pillarRows';
import { measure, printRows } from './support/measure';
import { syntheticAssessment } from './support/syntheticAssessment';

it('dashboard: view models per change, and the stakeholder grid, on 10,000 notes', () => {
  const { index, ratings, observations, institutionOfInterview } = syntheticAssessment();
  const estimate = estimateAssessment({ index, ratings, observations, consensus: [], institutionOfInterview });

  // The same assessment as stored records, for the grid (ids need only be unique here).
  const assessmentId = '01890000-0000-7000-8000-000000000000';
  const institutionIds = [...new Set(institutionOfInterview.values())];
  const institutions: Institution[] = institutionIds.map((id, n) => ({
    id,
    assessmentId,
    name: `Institution ${n}`,
    acronym: '',
    kind: '',
    relevantPillarIds: index.framework.pillars.filter((_, p) => (p + n) % 3 === 0).map((pillar) => pillar.id),
    deleted: false,
  }));
  const interviews: Interview[] = [...institutionOfInterview].map(([id, institutionId], n) => ({
    id,
    assessmentId,
    institutionId,
    date: '2022-10-03',
    interviewerIds: [],
    status: n % 4 === 0 ? 'planned' : 'done',
    consent: { given: true, scope: 'notes' },
    notes: '',
    deleted: false,
  }));
  const notes: Observation[] = observations.map((observation, n) => ({
    id: `note-${n}`,
    assessmentId,
    interviewId: observation.interviewId,
    authorId: assessmentId,
    kind: 'note',
    text: '',
    tags: observation.tags.map((tag) => ({ subTopicId: tag.subTopicId, indicatorId: tag.indicatorId, trackIds: [...tag.trackIds] })),
    suggestedLevel: observation.suggestedLevel,
    attachmentIds: [],
    createdAt: '2022-10-03T10:00:00.000Z',
    deleted: false,
  }));

  const fullEstimate = () => estimateAssessment({ index, ratings, observations, consensus: [], institutionOfInterview });
  const previousRows = buildPillarRows(estimate, index);
  const viewModels = () => {
    const rows = reuseUnchanged(previousRows, buildPillarRows(estimate, index), (row) => row.pillarId);
    return [rows, summariseOverall(estimate, index), lackingEvidence(estimate, index)];
  };
  const onePass = () => {
    let total = 0;
    for (const note of notes) total += note.tags.length + (note.interviewId === null ? 0 : 1);
    return total;
  };
  const grid = () => buildCoverageGrid({ institutions, interviews, observations: notes }, index);

  const estimateTime = measure(fullEstimate);
  const viewModelTime = measure(viewModels);
  const passTime = measure(onePass);
  const gridTime = measure(grid);
  printRows(`Dashboard (${ratings.length} ratings, ${notes.length} notes, ${index.subTopicById.size} sub-topics, median of ${viewModelTime.samples} samples)`, [
    {
      figure: 'view models per new estimate (rows + structural sharing, overall line, lacking evidence)',
      value: viewModelTime.medianMs,
      unit: 'ms',
      baselineName: 'the estimate itself',
      baseline: estimateTime.medianMs,
      budget: 'no issue budget; should stay below the estimate it follows (< 1×)',
      withinBudget: undefined,
    },
    {
      figure: 'stakeholder × pillar grid, recounted',
      value: gridTime.medianMs,
      unit: 'ms',
      baselineName: 'one pass over the notes',
      baseline: passTime.medianMs,
      budget: 'no issue budget; one frame (< 16 ms) at 10,000 notes',
      withinBudget: undefined,
    },
  ]);
});
