import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_CHARS } from '../../src/exchange/bundle/encryption';
import { checkPassphrase, estimateBits, passphraseLength, STRONG_FROM_BITS, strengthOf, WEAK_BELOW_BITS } from '../../src/ui/screens/exchange/passphraseCheck';

describe('checkPassphrase', () => {
  it('uses the bundle code`s minimum length', () => {
    expect(MIN_PASSPHRASE_CHARS).toBe(8);
    expect(checkPassphrase('1234567', '1234567').problems).toEqual(['too-short']);
    expect(checkPassphrase('x'.repeat(MIN_PASSPHRASE_CHARS), 'x'.repeat(MIN_PASSPHRASE_CHARS)).problems).toEqual([]);
  });

  it('says an empty passphrase is empty, not too short, and does not also complain of a mismatch', () => {
    expect(checkPassphrase('', '').problems).toEqual(['empty']);
    expect(checkPassphrase('', 'something').problems).toEqual(['empty']);
  });

  it('reports a mismatch of the two entries beside a length problem', () => {
    expect(checkPassphrase('river tablet cotton', 'river tablet cottn').problems).toEqual(['mismatch']);
    expect(checkPassphrase('short', 'shirt').problems).toEqual(['too-short', 'mismatch']);
  });

  it('counts characters as code points after NFC, like the key derivation', () => {
    // "é" as e + combining acute: two UTF-16 units, one character.
    const decomposed = 'cafe\u0301cafe\u0301';
    expect(decomposed.length).toBe(10);
    expect(passphraseLength(decomposed)).toBe(8);
    // Armenian letters are one character each.
    expect(passphraseLength('Երևանում')).toBe(8);
    expect(checkPassphrase(decomposed, 'caf\u00e9caf\u00e9').problems).toEqual([]);
  });

  it('rates repeated characters and runs weak, several unrelated words strong', () => {
    expect(checkPassphrase('aaaaaaaaaaaa', 'aaaaaaaaaaaa').strength).toBe('weak');
    expect(checkPassphrase('12345678', '12345678').strength).toBe('weak');
    expect(checkPassphrase('password', 'password').strength).toBe('weak');
    expect(checkPassphrase('Tr4v3l!ng-2022', 'Tr4v3l!ng-2022').strength).toBe('fair');
    expect(checkPassphrase('river tablet cotton seven', 'river tablet cotton seven').strength).toBe('strong');
    expect(checkPassphrase('գետ պլանշետ բամբակ յոթ ձմեռ', 'գետ պլանշետ բամբակ յոթ ձմեռ').strength).toBe('strong');
    expect(checkPassphrase('Yerevan, rainy Tuesday: 11 interviews', '').strength).toBe('strong');
  });

  it('orders the strength levels by estimated bits', () => {
    expect(strengthOf(7, 500)).toBe('too-short');
    expect(strengthOf(8, WEAK_BELOW_BITS - 1)).toBe('weak');
    expect(strengthOf(8, WEAK_BELOW_BITS)).toBe('fair');
    expect(strengthOf(8, STRONG_FROM_BITS)).toBe('strong');
    expect(estimateBits('')).toBe(0);
    expect(estimateBits('abcdefgh')).toBeLessThan(estimateBits('qmzvtrwx'));
  });
});
