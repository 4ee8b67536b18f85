/**
 * The checks of an export passphrase, as data the form shows: the problems that block the export
 * (empty, shorter than MIN_PASSPHRASE_CHARS, the two entries differ) and a strength hint.
 *
 * The strength is a rough estimate of how many guesses an attacker holding the file needs, not a
 * promise: PBKDF2 at 600,000 iterations makes each guess slow, but a short word from a dictionary
 * still falls in hours on a GPU. Passphrases of several unrelated words are what we recommend, so
 * the estimate credits words (from a vocabulary of a few thousand) as well as characters.
 */
import { MIN_PASSPHRASE_CHARS } from '../../../exchange/bundle/encryption';

export { MIN_PASSPHRASE_CHARS };

export type PassphraseProblem = 'empty' | 'too-short' | 'mismatch';
export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

/** Estimated bits below which a passphrase is weak, and at or above which it is strong. */
export const WEAK_BELOW_BITS = 45;
export const STRONG_FROM_BITS = 70;
/**
 * Share of the uniform-random entropy credited per character: people's choices (capitals first,
 * digits last, "4" for "a") are far from uniform, and no dictionary is at hand offline to tell.
 */
const HUMAN_CHOICE_FACTOR = 0.75;
/** Bits credited per word of at least MIN_WORD_CHARS letters (a vocabulary of about 2,000 words). */
const BITS_PER_WORD = 11;
const MIN_WORD_CHARS = 3;

export interface PassphraseCheck {
  /** Problems that block the export, in the order the form shows them. */
  readonly problems: readonly PassphraseProblem[];
  readonly strength: PassphraseStrength;
  /** Characters (Unicode code points after NFC, as the bundle code counts them). */
  readonly characters: number;
  readonly estimatedBits: number;
}

/** Characters as the exporter counts them: code points of the NFC form. */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

export function checkPassphrase(passphrase: string, confirmation: string): PassphraseCheck {
  const characters = passphraseLength(passphrase);
  const problems: PassphraseProblem[] = [];
  if (characters === 0) problems.push('empty');
  else if (characters < MIN_PASSPHRASE_CHARS) problems.push('too-short');
  // Compared after NFC, like the key derivation: "é" typed two ways is the same passphrase.
  if (characters > 0 && passphrase.normalize('NFC') !== confirmation.normalize('NFC')) problems.push('mismatch');
  const estimatedBits = estimateBits(passphrase);
  return { problems, strength: strengthOf(characters, estimatedBits), characters, estimatedBits };
}

export function strengthOf(characters: number, bits: number): PassphraseStrength {
  if (characters < MIN_PASSPHRASE_CHARS) return 'too-short';
  if (bits < WEAK_BELOW_BITS) return 'weak';
  if (bits < STRONG_FROM_BITS) return 'fair';
  return 'strong';
}

/**
 * Bits of an attacker's search: the larger of a character-by-character estimate (alphabet size per
 * character, with repeats and runs counted once) and a word-by-word one.
 */
export function estimateBits(passphrase: string): number {
  const text = passphrase.normalize('NFC');
  const chars = [...text];
  if (chars.length === 0) return 0;
  let alphabet = 0;
  if (/[a-z]/.test(text)) alphabet += 26;
  if (/[A-Z]/.test(text)) alphabet += 26;
  if (/\d/.test(text)) alphabet += 10;
  if (/[^\p{L}\p{N}]/u.test(text)) alphabet += 33;
  // Armenian, Cyrillic and other non-Latin letters: each script has 30–40 letters per case.
  if (/[^\p{Script=Latin}\P{L}]/u.test(text)) alphabet += 40;
  const effective = effectiveLength(chars);
  const charBits = effective * Math.log2(Math.max(alphabet, 2)) * HUMAN_CHOICE_FACTOR;
  const words = text.split(/[\s\-_.,;:]+/u).filter((word) => [...word].length >= MIN_WORD_CHARS);
  const distinctWords = new Set(words.map((word) => word.toLowerCase())).size;
  const wordBits = distinctWords >= 2 ? distinctWords * BITS_PER_WORD : 0;
  return Math.round(Math.max(charBits, wordBits));
}

/** Length with repeated characters ("aaaa") and steady runs ("1234", "abcd") counted as one step each. */
function effectiveLength(chars: readonly string[]): number {
  let length = 0;
  let previous: number | undefined;
  let previousStep: number | undefined;
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0;
    const step = previous === undefined ? undefined : code - previous;
    const predictable = step !== undefined && (step === 0 || (Math.abs(step) === 1 && step === previousStep));
    if (!predictable) length += 1;
    previousStep = step;
    previous = code;
  }
  return length;
}
