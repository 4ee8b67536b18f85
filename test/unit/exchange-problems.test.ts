/**
 * Every refusal code of the bundle code has its own message in English, Armenian and Russian, so a
 * refused bundle never shows a raw key or another refusal's text.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_PROBLEM_CODES } from '../../src/exchange/bundle/problem';
import type { ExportProblem } from '../../src/exchange/exportBundle';
import type { ImportReport } from '../../src/exchange/importBundle';
import { createI18n } from '../../src/i18n/createI18n';
import { bundleProblemText, exportProblemText, importProblemText, recordsChangedBefore } from '../../src/ui/screens/exchange/problemMessage';

const LANGUAGES = ['en', 'hy', 'ru'] as const;
const report = (applied: number): ImportReport => ({
  applied,
  stale: 0,
  duplicate: 0,
  conflictsRecorded: 0,
  invalid: 0,
  held: 0,
  heldDueByMs: undefined,
  problems: [],
  problemCount: 0,
  nodeIdConflict: false,
  invalidRecords: [],
  blobsCreated: 0,
  blobsPresent: 0,
  nothingChanged: applied === 0,
});

describe('refusal messages', () => {
  for (const language of LANGUAGES) {
    it(`translates every code of BUNDLE_PROBLEM_CODES into ${language}, each differently`, () => {
      const t = createI18n(language).getFixedT(language);
      const texts = BUNDLE_PROBLEM_CODES.map((code) => bundleProblemText(t, code));
      for (const [i, text] of texts.entries()) {
        expect(text, BUNDLE_PROBLEM_CODES[i]).not.toMatch(/^exchange:|problem\./);
        expect(text.length, BUNDLE_PROBLEM_CODES[i]).toBeGreaterThan(20);
      }
      expect(new Set(texts).size).toBe(texts.length);
    });
  }

  it('tells a newer app to update first, and a full device to free space', () => {
    const t = createI18n('en').getFixedT('en');
    expect(bundleProblemText(t, 'newer-app')).toMatch(/Update MMDMA Field first/);
    expect(importProblemText(t, { code: 'storage-failed', message: 'x', failure: { kind: 'quota-exceeded', message: 'full' } })).toMatch(/storage is full/);
    expect(importProblemText(t, { code: 'wrong-passphrase', message: 'x' })).toBe('That passphrase does not open this bundle.');
    const ru = createI18n('ru').getFixedT('ru');
    expect(bundleProblemText(ru, 'newer-app')).toMatch(/обновите MMDMA Field/);
  });

  it('translates every export problem', () => {
    const t = createI18n('hy').getFixedT('hy');
    const problems: ExportProblem[] = [
      { code: 'assessment-not-found', message: '' },
      { code: 'assessment-invalid', message: '' },
      { code: 'weak-passphrase', message: '' },
      { code: 'too-large', message: '' },
      { code: 'storage-failed', message: '', failure: { kind: 'quota-exceeded', message: '' } },
      { code: 'storage-failed', message: '', failure: { kind: 'storage-failed', message: '' } },
    ];
    const texts = problems.map((problem) => exportProblemText(t, problem));
    expect(new Set(texts).size).toBe(problems.length);
    expect(texts[2]).toContain('8');
  });

  it('counts records written before a stop or a storage failure, and none for a refusal', () => {
    expect(recordsChangedBefore({ code: 'tampered', message: '' })).toBe(0);
    expect(recordsChangedBefore({ code: 'aborted', message: '', partial: report(2_500) })).toBe(2_500);
    expect(recordsChangedBefore({ code: 'storage-failed', message: '', failure: { kind: 'quota-exceeded', message: '' } })).toBe(0);
    expect(recordsChangedBefore({ code: 'storage-failed', message: '', failure: { kind: 'quota-exceeded', message: '' }, partial: report(10) })).toBe(10);
  });
});
