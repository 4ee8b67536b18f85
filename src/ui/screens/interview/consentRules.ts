/**
 * Consent as the interview screen applies it. The record merges field by field, so any combination
 * can arrive from another device; these rules say what the screen allows and what it warns about,
 * never what may be stored.
 */
import type { Consent, ConsentScope } from '../../../core/assessment/interviewSchema';

/** Audio may be recorded only with consent given for notes and audio. */
export function audioAllowed(consent: Consent): boolean {
  return consent.given && consent.scope === 'notes-and-audio';
}

export type ConsentWarning = 'given-without-scope' | 'scope-without-consent';

/** A combination the team should look at (it can result from two devices' edits merging). */
export function consentWarning(consent: Consent): ConsentWarning | null {
  if (consent.given && consent.scope === 'none') return 'given-without-scope';
  if (!consent.given && consent.scope !== 'none') return 'scope-without-consent';
  return null;
}

/**
 * Ticking "consent given" records when, and starts from notes only (the usual agreement; audio is
 * asked for separately). Unticking withdraws every scope and forgets the time.
 */
export function consentWhenToggled(consent: Consent, given: boolean, nowIso: string): Consent {
  if (given) return { given: true, scope: consent.scope === 'none' ? 'notes' : consent.scope, recordedAt: nowIso };
  return { given: false, scope: 'none' };
}

/** Choosing a scope; "none" is the same as withdrawing consent. */
export function consentWithScope(consent: Consent, scope: ConsentScope, nowIso: string): Consent {
  if (scope === 'none') return { given: false, scope: 'none' };
  return { given: true, scope, recordedAt: consent.given ? (consent.recordedAt ?? nowIso) : nowIso };
}
