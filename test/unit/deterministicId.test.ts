import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consensusId } from '../../src/core/assessment/consensusSchema';
import { ratingId } from '../../src/core/assessment/ratingSchema';
import { deterministicId } from '../../src/core/ids/deterministicId';
import { isUuid } from '../../src/core/ids/uuidv7';

const ASSESSMENT = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f70';
const ASSESSOR = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f71';

describe('deterministicId', () => {
  it('is frozen: these ids are stored on devices and in bundles and must never change', () => {
    expect(deterministicId('rating', ASSESSMENT, 'strategy.plan.funded', 'central', ASSESSOR)).toBe(
      '5063af5b-93f5-838c-813a-69108d70fb71',
    );
    expect(deterministicId('')).toBe('f34c0253-3923-8008-9c61-f1012b03a896');
    expect(deterministicId('consensus', ASSESSMENT, 'pillar', 'cybersecurity', 'overall')).toBe('6e45cbb7-418b-864e-9cf7-6968ab30eebf');
  });

  it('is a version-8 UUID that passes the record id schema', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), (kind, parts) => {
        const id = deterministicId(kind, ...parts);
        expect(isUuid(id)).toBe(true);
        expect(id[14]).toBe('8');
        expect('89ab').toContain(id[19]);
      }),
    );
  });

  it('is the same for the same key, on any device, every time', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), (kind, parts) => {
        expect(deterministicId(kind, ...parts)).toBe(deterministicId(kind, ...[...parts]));
      }),
    );
  });

  it('separates keys that only a naive concatenation would confuse', () => {
    const ids = [
      deterministicId('rating', 'ab', 'c'),
      deterministicId('rating', 'a', 'bc'),
      deterministicId('rating', 'abc'),
      deterministicId('rating', 'abc', ''),
      deterministicId('rating', '', 'abc'),
      deterministicId('ratinga', 'bc'),
      deterministicId('rating', '1:a'),
      deterministicId('rating', 'a', '1:'),
      deterministicId('consensus', 'ab', 'c'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives different ids to different keys (no collisions among distinct random keys)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }), {
          minLength: 2,
          maxLength: 50,
          selector: (key) => JSON.stringify(key),
        }),
        (keys) => {
          const ids = keys.map(([kind, ...parts]) => deterministicId(kind!, ...parts));
          expect(new Set(ids).size).toBe(keys.length);
        },
      ),
    );
  });

  it('spreads a realistic key space without collisions', () => {
    // 10 assessments × 120 indicators × 2 tracks × 4 assessors = 9,600 rating ids.
    const seen = new Set<string>();
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 120; i++) {
        for (const track of ['central', 'migration']) {
          for (let r = 0; r < 4; r++) seen.add(ratingId(`assessment-${a}`, `indicator-${i}`, track, `assessor-${r}`));
        }
      }
    }
    expect(seen.size).toBe(9600);
  });
});

describe('ratingId and consensusId', () => {
  it('are one id per natural key, distinct between the two kinds of record', () => {
    expect(ratingId(ASSESSMENT, 'x.y.z', 'central', ASSESSOR)).toBe(
      deterministicId('rating', ASSESSMENT, 'x.y.z', 'central', ASSESSOR),
    );
    expect(ratingId(ASSESSMENT, 'x.y.z', 'central', ASSESSOR)).not.toBe(ratingId(ASSESSMENT, 'x.y.z', 'migration', ASSESSOR));
    expect(consensusId(ASSESSMENT, 'pillar', 'x', 'overall')).not.toBe(consensusId(ASSESSMENT, 'sub-topic', 'x', 'overall'));
    expect(consensusId(ASSESSMENT, 'pillar', 'x', 'overall')).toBe(consensusId(ASSESSMENT, 'pillar', 'x', 'overall'));
  });
});
