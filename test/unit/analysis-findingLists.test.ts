import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/assessment/findingSchema';
import { countByPillar, findingsOfList, isRankedList, keyRecommendations } from '../../src/core/analysis/findingLists';

const A = '01890000-0000-7000-8000-000000000001';
const AUTHOR = '01890000-0000-7000-8000-0000000000a1';
const finding = (id: string, partial: Partial<Finding>): Finding => ({
  id,
  assessmentId: A,
  pillarId: 'strategic-planning',
  trackId: 'central',
  kind: 'improvement',
  text: id,
  rank: null,
  authorId: AUTHOR,
  deleted: false,
  ...partial,
});

describe('finding lists', () => {
  const findings = [
    finding('01890000-0000-7000-8000-000000000003', { rank: 1 }),
    finding('01890000-0000-7000-8000-000000000001', { rank: 2 }),
    finding('01890000-0000-7000-8000-000000000002', { rank: null }),
    finding('01890000-0000-7000-8000-000000000004', { rank: 3, deleted: true }),
    finding('01890000-0000-7000-8000-000000000005', { trackId: 'migration', rank: 1 }),
    finding('01890000-0000-7000-8000-000000000006', { kind: 'strength', rank: 1 }),
    finding('01890000-0000-7000-8000-000000000009', { kind: 'recommendation', rank: 2 }),
    finding('01890000-0000-7000-8000-000000000007', { kind: 'recommendation', rank: null }),
    finding('01890000-0000-7000-8000-000000000008', { kind: 'recommendation', rank: 1, pillarId: 'cybersecurity', trackId: 'migration' }),
  ];

  it('orders areas of improvement by rank, unranked last, without deleted ones', () => {
    expect(findingsOfList(findings, 'strategic-planning', 'central', 'improvement').map((f) => f.id.slice(-1))).toEqual(['3', '1', '2']);
    expect(findingsOfList(findings, 'strategic-planning', 'migration', 'improvement').map((f) => f.id.slice(-1))).toEqual(['5']);
    expect(findingsOfList(findings, 'strategic-planning', 'central', 'strength').map((f) => f.id.slice(-1))).toEqual(['6']);
  });

  it('keeps a pillar’s recommendations in creation order: their rank is the key-recommendation order', () => {
    expect(isRankedList('recommendation')).toBe(false);
    expect(findingsOfList(findings, 'strategic-planning', 'central', 'recommendation').map((f) => f.id.slice(-1))).toEqual(['7', '9']);
  });

  it('ranks key recommendations across pillars and tracks', () => {
    expect(keyRecommendations(findings).map((f) => f.id.slice(-1))).toEqual(['8', '9']);
  });

  it('counts live findings per pillar', () => {
    expect(countByPillar(findings)).toEqual(
      new Map([
        ['strategic-planning', 7],
        ['cybersecurity', 1],
      ]),
    );
  });
});
