import { describe, expect, it } from 'vitest';
import { consensusId, consensusSchema, type Consensus } from '../../src/core/assessment/consensusSchema';
import { appendHistory, consensusTimeline, planConsensusWrite } from '../../src/ui/screens/rating/consensusHistory';

const A = '01890000-0000-7000-8000-000000000001';
const LEAD = '01890000-0000-7000-8000-0000000000a1';
const OTHER_LEAD = '01890000-0000-7000-8000-0000000000a2';
const target = { assessmentId: A, scope: 'sub-topic', targetId: 'strategy.plan', trackId: 'central' } as const;

function stored(partial: Partial<Consensus>): Consensus {
  return consensusSchema.parse({
    id: consensusId(A, 'sub-topic', 'strategy.plan', 'central'),
    ...target,
    level: 'developing',
    rationale: 'Strategy adopted, not implemented',
    setBy: LEAD,
    history: [],
    ...partial,
  });
}

describe('setting a consensus', () => {
  it('creates the record the first time, with the draft rationale and no history', () => {
    const plan = planConsensusWrite(undefined, target, { level: 'established', rationale: 'Adopted and used', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' });
    expect(plan).toEqual({ kind: 'create', input: { ...target, level: 'established', rationale: 'Adopted and used', setBy: LEAD } });
    // The input is valid for the schema once an id is added (the store adds the natural key).
    if (plan.kind !== 'create') throw new Error('expected a create');
    expect(consensusSchema.parse({ id: consensusId(A, 'sub-topic', 'strategy.plan', 'central'), ...plan.input }).history).toEqual([]);
  });

  it('appends the previous value to the history when the level changes, and keeps the rationale in place', () => {
    const current = stored({ history: [{ level: 'emerging', rationale: 'first look', setBy: OTHER_LEAD, at: '2022-10-04T08:00:00.000Z' }] });
    const plan = planConsensusWrite(current, target, { level: 'established', rationale: 'ignored', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' });
    expect(plan).toEqual({
      kind: 'update',
      patch: {
        level: 'established',
        setBy: LEAD,
        history: [
          { level: 'emerging', rationale: 'first look', setBy: OTHER_LEAD, at: '2022-10-04T08:00:00.000Z' },
          { level: 'developing', rationale: 'Strategy adopted, not implemented', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' },
        ],
      },
    });
  });

  it('writes nothing when the level is the same, and treats "cannot judge" (null) as a level of its own', () => {
    const current = stored({});
    expect(planConsensusWrite(current, target, { level: 'developing', rationale: '', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' })).toEqual({ kind: 'unchanged' });
    const toNull = planConsensusWrite(current, target, { level: null, rationale: '', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' });
    expect(toNull.kind).toBe('update');
    const fromNull = planConsensusWrite(stored({ level: null }), target, { level: 'advanced', rationale: '', setBy: LEAD, at: '2022-10-08T10:00:00.000Z' });
    expect(fromNull.kind === 'update' && fromNull.patch.history?.at(-1)?.level).toBe(null);
  });

  it('does not change the history it was given', () => {
    const current = stored({ history: [] });
    appendHistory(current, '2022-10-07T10:00:00.000Z');
    expect(current.history).toEqual([]);
  });
});

describe('the consensus timeline', () => {
  it('lists every value newest first, each with the span it was current', () => {
    const current = stored({
      level: 'established',
      setBy: LEAD,
      history: [
        { level: 'emerging', rationale: 'a', setBy: OTHER_LEAD, at: '2022-10-04T08:00:00.000Z' },
        { level: 'developing', rationale: 'b', setBy: LEAD, at: '2022-10-07T10:00:00.000Z' },
      ],
    });
    expect(consensusTimeline(current)).toEqual([
      { level: 'established', rationale: current.rationale, setBy: LEAD, from: '2022-10-07T10:00:00.000Z', until: null, current: true },
      { level: 'developing', rationale: 'b', setBy: LEAD, from: '2022-10-04T08:00:00.000Z', until: '2022-10-07T10:00:00.000Z', current: false },
      { level: 'emerging', rationale: 'a', setBy: OTHER_LEAD, from: null, until: '2022-10-04T08:00:00.000Z', current: false },
    ]);
  });

  it('has a single current entry without a known start when nothing was ever replaced', () => {
    expect(consensusTimeline(stored({}))).toEqual([
      { level: 'developing', rationale: 'Strategy adopted, not implemented', setBy: LEAD, from: null, until: null, current: true },
    ]);
  });
});
