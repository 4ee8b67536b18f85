import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUuidV7, isUuid, UUID_V7_RANDOM_BYTES } from '../../src/core/ids/uuidv7';

/** Random bytes that are the big-endian encoding of `n`, so larger n means larger "randomness". */
const counterBytes = (n: number) => (size: number) => {
  const bytes = new Uint8Array(size);
  let rest = n;
  for (let i = size - 1; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
};
const fixedBytes = (value: number) => (size: number) => new Uint8Array(size).fill(value);

describe('createUuidV7', () => {
  it('reproduces the RFC 9562 example (appendix A.6)', () => {
    // 2022-02-22T19:22:22Z = 0x017F22E279B0 ms; rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
    const random = Uint8Array.from([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
    expect(createUuidV7(0x017f22e279b0, () => random)).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('lays out timestamp, version and variant whatever the random bits', () => {
    // 2022-10-03T09:00:00.000Z = 1664787600000 ms = 0x0183_9d12_d280.
    const id = createUuidV7(1664787600000, fixedBytes(0xff));
    expect(id).toBe('01839d12-d280-7fff-bfff-ffffffffffff');
    expect(createUuidV7(0, fixedBytes(0))).toBe('00000000-0000-7000-8000-000000000000');
    expect(isUuid(id)).toBe(true);
  });

  it('asks for exactly the random bytes it needs and uses them in order', () => {
    const requested: number[] = [];
    const id = createUuidV7(1, (n) => {
      requested.push(n);
      return Uint8Array.from({ length: n }, (_, i) => i + 1);
    });
    expect(requested).toEqual([UUID_V7_RANDOM_BYTES]);
    // rand_a = low nibble of byte 1, then byte 2; rand_b = low 6 bits of byte 3, then bytes 4..10.
    expect(id).toBe('00000000-0001-7102-8304-05060708090a');
  });

  it('sorts later milliseconds after earlier ones whatever the randomness', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, step, r1, r2) => {
          const later = Math.min(ms + step, 2 ** 48 - 1);
          expect(createUuidV7(ms, () => r1) < createUuidV7(later, () => r2)).toBe(true);
        },
      ),
    );
  });

  it('sorts within one millisecond in the order of increasing random input', () => {
    const ids = [0, 1, 2, 255, 256, 65_535, 2 ** 40, 2 ** 52].map((n) => createUuidV7(1_700_000_000_000, counterBytes(n)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects timestamps that do not fit 48 bits and short randomness as bugs', () => {
    expect(() => createUuidV7(-1, fixedBytes(0))).toThrow(RangeError);
    expect(() => createUuidV7(1.5, fixedBytes(0))).toThrow(RangeError);
    expect(() => createUuidV7(2 ** 48, fixedBytes(0))).toThrow(RangeError);
    expect(() => createUuidV7(0, () => new Uint8Array(4))).toThrow(/randomBytes/);
  });
});

describe('isUuid', () => {
  it('accepts canonical lower-case UUIDs of versions 1–8 and nothing else', () => {
    expect(isUuid('0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f70')).toBe(true);
    expect(isUuid('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(true);
    expect(isUuid('0183A1C2-7D3E-7B4F-9A10-2B3C4D5E6F70')).toBe(false);
    expect(isUuid('0183a1c2-7d3e-7b4f-1a10-2b3c4d5e6f70')).toBe(false); // variant 0
    expect(isUuid('0183a1c2-7d3e-0b4f-9a10-2b3c4d5e6f70')).toBe(false); // version 0
    expect(isUuid('0183a1c27d3e7b4f9a102b3c4d5e6f70')).toBe(false);
    expect(isUuid(' 0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f70')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
