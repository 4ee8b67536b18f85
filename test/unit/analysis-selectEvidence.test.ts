import { describe, expect, it } from 'vitest';
import type { Observation, ObservationTag } from '../../src/core/assessment/observationSchema';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { cellsOfSubTopic } from '../../src/ui/screens/rating/ratingProgress';
import { cellKey, evidenceMatches, groupEvidenceOfSubTopic, selectEvidence } from '../../src/core/analysis/selectEvidence';
import { tinyFramework } from '../support/tinyFramework';

const index = indexFramework(frameworkSchema.parse(tinyFramework()));
const ASSESSMENT = '01890000-0000-7000-8000-000000000001';
const AUTHOR = '01890000-0000-7000-8000-0000000000aa';
let counter = 0;

function note(tags: Array<Partial<ObservationTag> & { subTopicId: string }>, extra: Partial<Observation> = {}): Observation {
  counter++;
  return {
    id: `01890000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    assessmentId: ASSESSMENT,
    interviewId: null,
    authorId: AUTHOR,
    kind: 'note',
    text: `note ${counter}`,
    tags: tags.map((tag) => ({ trackIds: [], ...tag })),
    suggestedLevel: null,
    attachmentIds: [],
    createdAt: `2022-10-03T09:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    deleted: false,
    ...extra,
  };
}

describe('evidence for an indicator × track', () => {
  const plan = 'strategy.plan';
  const exists = 'strategy.plan.exists';
  const funded = 'strategy.plan.funded';

  it('takes notes tagged to the indicator, or to the whole sub-topic, on that track', () => {
    const toIndicator = note([{ subTopicId: plan, indicatorId: exists, trackIds: ['central'] }]);
    const toSubTopic = note([{ subTopicId: plan, trackIds: ['central'] }]);
    const otherIndicator = note([{ subTopicId: plan, indicatorId: funded, trackIds: ['central'] }]);
    const otherTrack = note([{ subTopicId: plan, indicatorId: exists, trackIds: ['migration'] }]);
    const noTrack = note([{ subTopicId: plan, indicatorId: exists }]);
    const otherSubTopic = note([{ subTopicId: 'skills.officials', trackIds: ['central'] }]);
    const all = [otherSubTopic, noTrack, otherTrack, otherIndicator, toSubTopic, toIndicator];
    expect(selectEvidence(all, plan, exists, 'central').map((o) => o.id)).toEqual([toIndicator.id, toSubTopic.id].sort());
    expect(selectEvidence(all, plan, exists, 'migration').map((o) => o.id)).toEqual([otherTrack.id]);
    expect(selectEvidence(all, plan, funded, 'central').map((o) => o.id).sort()).toEqual([toSubTopic.id, otherIndicator.id].sort());
  });

  it('leaves out deleted notes and lists the rest oldest first', () => {
    const later = note([{ subTopicId: plan, trackIds: ['central'] }], { createdAt: '2022-10-05T10:00:00.000Z' });
    const earlier = note([{ subTopicId: plan, trackIds: ['central'] }], { createdAt: '2022-10-03T10:00:00.000Z' });
    const gone = note([{ subTopicId: plan, trackIds: ['central'] }], { deleted: true });
    expect(evidenceMatches(gone, plan, exists, 'central')).toBe(false);
    expect(selectEvidence([later, gone, earlier], plan, exists, 'central').map((o) => o.id)).toEqual([earlier.id, later.id]);
  });

  it('matches a note through any of its tags, and a tag for both tracks on each', () => {
    const twoTags = note([
      { subTopicId: 'skills.officials', trackIds: ['central'] },
      { subTopicId: plan, indicatorId: exists, trackIds: ['central', 'migration'] },
    ]);
    expect(evidenceMatches(twoTags, plan, exists, 'central')).toBe(true);
    expect(evidenceMatches(twoTags, plan, exists, 'migration')).toBe(true);
    expect(evidenceMatches(twoTags, plan, funded, 'central')).toBe(false);
  });
});

describe('groupEvidenceOfSubTopic', () => {
  const subTopic = index.subTopicById.get('strategy.plan');
  if (!subTopic) throw new Error('tiny framework lacks strategy.plan');
  const cells = cellsOfSubTopic(index, subTopic);

  it('agrees with selectEvidence on every cell, in one pass', () => {
    const notes = [
      note([{ subTopicId: 'strategy.plan', trackIds: ['central', 'migration'] }]),
      note([{ subTopicId: 'strategy.plan', indicatorId: 'strategy.plan.funded', trackIds: ['central'] }]),
      note([{ subTopicId: 'strategy.plan', indicatorId: 'strategy.plan.exists', trackIds: ['migration'] }]),
      note([{ subTopicId: 'skills.officials', trackIds: ['central'] }]),
    ];
    const grouped = groupEvidenceOfSubTopic(notes, 'strategy.plan', cells);
    expect(cells.map((cell) => `${cell.indicatorId}/${cell.trackId}`)).toEqual([
      'strategy.plan.exists/central',
      'strategy.plan.exists/migration',
      'strategy.plan.funded/central',
    ]);
    for (const cell of cells) {
      expect(grouped.byCell.get(cellKey(cell.indicatorId, cell.trackId))?.map((o) => o.id)).toEqual(
        selectEvidence(notes, 'strategy.plan', cell.indicatorId, cell.trackId).map((o) => o.id),
      );
    }
  });

  it('counts a note once per cell even when two of its tags reach it', () => {
    const doubled = note([
      { subTopicId: 'strategy.plan', trackIds: ['central'] },
      { subTopicId: 'strategy.plan', indicatorId: 'strategy.plan.exists', trackIds: ['central'] },
    ]);
    const grouped = groupEvidenceOfSubTopic([doubled], 'strategy.plan', cells);
    expect(grouped.byCell.get(cellKey('strategy.plan.exists', 'central'))).toHaveLength(1);
  });

  it('keeps notes that reach no cell (no track; a track the indicator is not judged on) apart', () => {
    const noTrack = note([{ subTopicId: 'strategy.plan' }]);
    // 1.1.2 "Plan funded" has descriptors for central only.
    const notJudged = note([{ subTopicId: 'strategy.plan', indicatorId: 'strategy.plan.funded', trackIds: ['migration'] }]);
    const used = note([{ subTopicId: 'strategy.plan', trackIds: ['central'] }]);
    const grouped = groupEvidenceOfSubTopic([noTrack, notJudged, used], 'strategy.plan', cells);
    expect(grouped.unmatched.map((o) => o.id).sort()).toEqual([noTrack.id, notJudged.id].sort());
  });

  it('lists every note of a descriptive sub-topic (no indicators) as unmatched', () => {
    const projects = index.subTopicById.get('strategy.projects');
    if (!projects) throw new Error('tiny framework lacks strategy.projects');
    const tagged = note([{ subTopicId: 'strategy.projects', trackIds: ['central'] }]);
    const grouped = groupEvidenceOfSubTopic([tagged], 'strategy.projects', cellsOfSubTopic(index, projects));
    expect(grouped.byCell.size).toBe(0);
    expect(grouped.unmatched.map((o) => o.id)).toEqual([tagged.id]);
  });
});
