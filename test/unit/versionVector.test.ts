import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/clock/hlc';
import type { Change } from '../../src/core/merge/change';
import { classifyChanges } from '../../src/core/merge/classifyChanges';
import { applyChanges, compactChanges, emptyChangeState, mergeChangeSets, winningHlcIn } from '../../src/core/merge/mergeChanges';
import { changesSince, versionVector, versionVectorSchema } from '../../src/core/merge/versionVector';

const [A, B, C] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'] as const;
const ID = '0183a1c2-7d3e-7b4f-9a10-000000000001';
const T0 = 1_664_787_600_000;

function change(node: string, wall: number, field: string, value: Change['value'], id = ID): Change {
  return { hlc: formatHlc({ wallMs: T0 + wall, counter: 0, nodeId: node }), node, table: 'finding', id, field, value };
}

describe('versionVector and changesSince', () => {
  const log = [change(A, 1, 'text', 'a1'), change(B, 2, 'text', 'b2'), change(A, 3, 'rank', 1), change(B, 1, 'kind', 'strength')];

  it('records the newest HLC per node, nodes sorted', () => {
    const vector = versionVector(log);
    expect(vector).toEqual({ [A]: log[2]!.hlc, [B]: log[1]!.hlc });
    expect(Object.keys(vector)).toEqual([A, B]);
    expect(versionVectorSchema.safeParse(vector).success).toBe(true);
    expect(versionVector([])).toEqual({});
  });

  it('sends what a peer lacks: newer than its entry for the node, or from nodes it has never seen', () => {
    expect(changesSince(log, { [A]: log[0]!.hlc })).toEqual([log[1], log[2], log[3]]);
    expect(changesSince(log, versionVector(log))).toEqual([]);
    expect(changesSince(log, {})).toEqual(log);
  });

  it('ignores vector keys that only exist on the prototype chain', () => {
    const weird: Change = { ...change(A, 1, 'text', 'x'), node: 'constructor' };
    expect(changesSince([weird], {})).toEqual([weird]);
  });

  it('brings a peer to the same merged state after compaction on both sides', () => {
    // Each node's log is a sequence of changes with increasing HLCs; a replica holds a prefix of
    // each node's log (that is how changes travel), then compacts it.
    const nodeLog = (node: string) =>
      fc
        .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 })
        .chain((walls) =>
          fc.tuple(
            ...[...walls]
              .sort((x, y) => x - y)
              .map((wall) =>
                fc
                  .record({ field: fc.constantFrom('text', 'rank', 'deleted'), value: fc.integer({ min: 0, max: 5 }) })
                  .map(({ field, value }) => change(node, wall, field, value)),
              ),
          ),
        );
    const replicaOf = (logs: Change[][]) =>
      fc.tuple(...logs.map((log) => fc.integer({ min: 0, max: log.length }))).map((lengths) =>
        compactChanges(logs.flatMap((log, i) => log.slice(0, lengths[i]))),
      );
    const scenario = fc
      .tuple(nodeLog(A), nodeLog(B), nodeLog(C))
      .chain((logs) => fc.tuple(replicaOf(logs), replicaOf(logs)));
    fc.assert(
      fc.property(scenario, ([mine, theirs]) => {
        const mineAfter = mergeChangeSets(mine, changesSince(theirs, versionVector(mine)));
        const theirsAfter = mergeChangeSets(theirs, changesSince(mine, versionVector(theirs)));
        expect(mineAfter).toEqual(mergeChangeSets(mine, theirs));
        expect(theirsAfter).toEqual(mineAfter);
      }),
    );
  });
});

describe('classifyChanges', () => {
  const local = applyChanges(emptyChangeState(), [change(A, 5, 'text', 'local'), change(A, 6, 'rank', 2), change(A, 7, 'kind', 'strength')]);

  it('sorts an import into wins, losses, duplicates and superseded', () => {
    const incoming = [
      change(B, 9, 'text', 'newer'), // beats the local text
      change(B, 3, 'rank', 7), // older than the local rank
      change(A, 7, 'kind', 'strength'), // the local kind itself, seen again
      change(B, 1, 'pillarId', 'digital-skills'), // a field never written here
      change(C, 7, 'text', 'also newer, but B wrote later'),
    ];
    const result = classifyChanges(winningHlcIn(local), incoming);
    expect(result.wins).toEqual([
      { change: incoming[0], replacedHlc: change(A, 5, 'text', '').hlc },
      { change: incoming[3], replacedHlc: undefined },
    ]);
    expect(result.losses).toEqual([{ change: incoming[1], localHlc: change(A, 6, 'rank', 2).hlc }]);
    expect(result.duplicates).toEqual([incoming[2]]);
    expect(result.superseded).toEqual([incoming[4]]);
  });

  it('agrees with the merge: exactly the wins change the state', () => {
    const arb = fc.array(
      fc
        .record({ node: fc.constantFrom(A, B, C), wall: fc.integer({ min: 0, max: 10 }), field: fc.constantFrom('text', 'rank') })
        .map(({ node, wall, field }) => change(node, wall, field, `${node[0]}${wall}`)),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, arb, (here, incoming) => {
        const state = applyChanges(emptyChangeState(), here);
        const { wins, losses, duplicates, superseded } = classifyChanges(winningHlcIn(state), incoming);
        expect(wins.length + losses.length + duplicates.length + superseded.length).toBe(incoming.length);
        const expected = mergeChangeSets(here, incoming);
        expect(mergeChangeSets(here, wins.map((w) => w.change))).toEqual(expected);
      }),
    );
  });
});
