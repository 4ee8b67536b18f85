/**
 * Pure pieces of issue 8's hardening: the clock rule, duplicate JSON keys, the strict end of a
 * DEFLATE stream, and what an encrypted export says in the clear (its id and file name).
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkClockSkew, checkClockSkewOfAll, MAX_CLOCK_SKEW_MS, ownClockAhead } from '../../src/core/clock/clockSkew';
import { formatHlc } from '../../src/core/clock/hlc';
import { createBundleId } from '../../src/exchange/bundle/bundleId';
import { inflateRaw } from '../../src/exchange/bundle/bytes';
import { findDuplicateKey } from '../../src/exchange/bundle/duplicateKeys';
import { exportFileName } from '../../src/exchange/bundle/fileName';
import { UUID_PATTERN } from '../../src/core/ids/uuidv7';

const NOW = Date.UTC(2026, 11, 7, 12);
const hlcAt = (wallMs: number, node = 'a1a1a1a1a1a1a1a1') => formatHlc({ wallMs, counter: 0, nodeId: node });

describe('the clock rule', () => {
  it('states its skew in milliseconds: one day', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(86_400_000);
  });

  it('accepts up to the skew ahead and refuses beyond, naming the node and the time', () => {
    expect(checkClockSkew(hlcAt(NOW + MAX_CLOCK_SKEW_MS), NOW).ok).toBe(true);
    const ahead = checkClockSkew(hlcAt(NOW + MAX_CLOCK_SKEW_MS + 1, 'b2b2b2b2b2b2b2b2'), NOW);
    expect(!ahead.ok && ahead.error).toEqual({
      kind: 'clock-ahead',
      node: 'b2b2b2b2b2b2b2b2',
      hlc: hlcAt(NOW + MAX_CLOCK_SKEW_MS + 1, 'b2b2b2b2b2b2b2b2'),
      stampedAtMs: NOW + MAX_CLOCK_SKEW_MS + 1,
      readerNowMs: NOW,
      aheadMs: MAX_CLOCK_SKEW_MS + 1,
      maxSkewMs: MAX_CLOCK_SKEW_MS,
    });
  });

  it('finds the one bad timestamp among many, and ignores the past', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => hlcAt(NOW - i));
    expect(checkClockSkewOfAll(many, NOW).ok).toBe(true);
    many[7_777] = hlcAt(999_999_999_999_999, 'c3c3c3c3c3c3c3c3');
    const found = checkClockSkewOfAll(many, NOW);
    expect(!found.ok && found.error.node).toBe('c3c3c3c3c3c3c3c3');
  });

  it('tells a device when its own clock has run past the skew', () => {
    expect(ownClockAhead(NOW + MAX_CLOCK_SKEW_MS + 1, NOW)).toBe(true);
    expect(ownClockAhead(NOW + 60_000, NOW)).toBe(false);
  });
});

describe('duplicate JSON keys', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['{"x":{"b":[1,{"c":1,"c":2}]}}', 'c'],
    ['[{"k":1},{"k":2},{"v":{"k":1,"z":{"k":2},"k":3}}]', 'k'],
  ])('%s repeats %s', (text, key) => {
    expect(findDuplicateKey(text)).toBe(key);
  });

  it.each(['{"a":1,"b":{"a":2}}', '{"a":"\\"a\\":1","b":"{\\"a\\":2}"}', '[{"a":1},{"a":2}]', '"a"', '{}'])('%s has none', (text) => {
    expect(findDuplicateKey(text)).toBeUndefined();
  });
});

describe('the end of a DEFLATE stream', () => {
  const data = new TextEncoder().encode('{"hlc":"x"}\n'.repeat(100));
  it('refuses bytes after it, in any runtime', async () => {
    const exact = new Uint8Array(deflateRawSync(data));
    expect((await inflateRaw(exact, 10_000)).ok).toBe(true);
    for (const junk of [[0], [0x50, 0x4b, 3, 4], Array.from({ length: 100 }, (_, i) => i)]) {
      const outcome = await inflateRaw(new Uint8Array([...exact, ...junk]), 10_000);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && ['trailing-bytes', 'corrupt']).toContain(!outcome.ok && outcome.reason);
    }
  });
});

describe('an encrypted export in the clear', () => {
  const random = (n: number) => new Uint8Array(n).map((_, i) => (i * 37 + 11) & 0xff);
  it('has a random (v4) bundle id that carries no time, where a plain one keeps its v7', () => {
    const encrypted = createBundleId(true, NOW, random);
    expect(encrypted).toMatch(UUID_PATTERN);
    expect(encrypted[14]).toBe('4');
    expect(createBundleId(true, NOW + 86_400_000, random)).toBe(encrypted);
    expect(createBundleId(false, NOW, random)[14]).toBe('7');
  });

  it('has a file name without the title, the assessor or the date', () => {
    const bundleId = createBundleId(true, NOW, random);
    const name = exportFileName({ encrypted: true, bundleId, title: 'NSS interviews Armenia', assessor: 'Anna Petrosyan', createdAtMs: NOW });
    expect(name).toMatch(/^mmdma-encrypted_[0-9a-f]{12}\.mmdma\.zip$/);
    expect(name).not.toMatch(/nss|armenia|anna|petrosyan|2026/i);
    expect(exportFileName({ encrypted: false, bundleId, title: 'NSS interviews Armenia', assessor: 'Anna Petrosyan', createdAtMs: NOW })).toBe('nss-interviews-armenia_anna-petrosyan_2026-12-07.mmdma.zip');
  });
});
