import { describe, expect, it } from 'vitest';
import type { FrameworkInput } from '../../src/core/framework/frameworkSchema';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { createAppState, LANGUAGE_STORAGE_KEY, type KeyValueStorage } from '../../src/ui/createAppState';
import { countFramework, countPillar } from '../../src/ui/shared/frameworkCounts';
import { loadFramework, type FrameworkLoad } from '../../src/ui/loadFramework';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const descriptors = (prefix: string) => ({
  low: { text: { en: `${prefix} low` }, source: 'report' as const },
  high: { text: { en: `${prefix} high`, ru: `${prefix} высокий` }, source: 'derived' as const },
});

/** Two pillars, one with a descriptive (unscored) sub-topic, like the report's 6.3.3. */
const tinyFramework: FrameworkInput = {
  format: 'mmdma-framework',
  formatVersion: 1,
  id: 'tiny',
  version: '1.0.0',
  name: { en: 'Tiny framework' },
  languages: ['en'],
  levels: [
    { id: 'low', name: { en: 'Low' }, definition: { en: 'Not much.' } },
    { id: 'high', name: { en: 'High' }, definition: { en: 'A lot.' } },
  ],
  targetLevel: 'high',
  tracks: [{ id: 'central', name: { en: 'Central government' } }],
  pillars: [
    {
      id: 'p1',
      code: '1',
      name: { en: 'Pillar one' },
      subTopics: [
        { id: 'p1.a', code: '1.1', name: { en: 'A' }, indicators: [{ id: 'p1.a.i', code: '1.1.1', label: { en: 'I' }, descriptors: { central: descriptors('a') } }] },
        { id: 'p1.b', code: '1.2', name: { en: 'B' }, indicators: [] },
      ],
    },
    {
      id: 'p2',
      code: '2',
      name: { en: 'Pillar two' },
      subTopics: [
        {
          id: 'p2.a',
          code: '2.1',
          name: { en: 'C' },
          indicators: [
            { id: 'p2.a.i', code: '2.1.1', label: { en: 'J' }, descriptors: { shared: descriptors('j') } },
            { id: 'p2.a.k', code: '2.1.2', label: { en: 'K' }, descriptors: { central: descriptors('k') } },
          ],
        },
      ],
    },
  ],
};

function readyLoad(): FrameworkLoad {
  const load = loadFramework(tinyFramework);
  if (load.status !== 'ready') throw new Error(JSON.stringify(load));
  return load;
}

describe('createAppState', () => {
  it('starts in the stored language, ignoring the browser preference', () => {
    const state = createAppState({ frameworkLoad: readyLoad(), storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'hy' }), preferredLanguages: ['ru-RU'] });
    expect(state.language.value).toBe('hy');
    expect(state.i18n.getFixedT('hy')('explorer:title')).toBe(state.i18n.t('explorer:title'));
  });

  it('falls back to the browser preference, then English, when nothing valid is stored', () => {
    expect(createAppState({ frameworkLoad: readyLoad(), storage: memoryStorage(), preferredLanguages: ['de-DE', 'ru-RU'] }).language.value).toBe('ru');
    expect(createAppState({ frameworkLoad: readyLoad(), storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'klingon' }), preferredLanguages: ['fr'] }).language.value).toBe('en');
    expect(createAppState({ frameworkLoad: readyLoad() }).language.value).toBe('en');
  });

  it('stores an explicit language choice (only that) and translates at once', () => {
    const storage = memoryStorage();
    const state = createAppState({ frameworkLoad: readyLoad(), storage, preferredLanguages: ['ru'] });
    expect(storage.data.has(LANGUAGE_STORAGE_KEY)).toBe(false);
    const before = state.i18n.t('explorer:title');
    state.setLanguage('hy');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('hy');
    expect(state.language.value).toBe('hy');
    expect(state.i18n.language).toBe('hy');
    expect(state.i18n.t('explorer:title')).not.toBe(before);
  });

  it('keeps working when storage throws (blocked or full)', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const state = createAppState({ frameworkLoad: readyLoad(), storage: broken, preferredLanguages: ['hy'] });
    expect(state.language.value).toBe('hy');
    expect(() => state.setLanguage('ru')).not.toThrow();
    expect(state.language.value).toBe('ru');
  });

  it('selects the first pillar and sub-topic by default, and resets the sub-topic with the pillar', () => {
    const state = createAppState({ frameworkLoad: readyLoad() });
    expect(state.selectedPillar.value?.id).toBe('p1');
    expect(state.selectedSubTopic.value?.id).toBe('p1.a');
    state.selectSubTopic('p1.b');
    expect(state.selectedSubTopic.value?.id).toBe('p1.b');
    state.selectPillar('p2');
    expect(state.selectedPillar.value?.id).toBe('p2');
    expect(state.selectedSubTopic.value?.id).toBe('p2.a');
  });

  it('ignores an unknown pillar and re-selecting the current one', () => {
    const state = createAppState({ frameworkLoad: readyLoad() });
    state.selectSubTopic('p1.b');
    state.selectPillar('nope');
    state.selectPillar('p1');
    expect(state.selectedPillar.value?.id).toBe('p1');
    expect(state.selectedSubTopic.value?.id).toBe('p1.b');
  });

  it('builds independent states (no shared singletons)', () => {
    const a = createAppState({ frameworkLoad: readyLoad() });
    const b = createAppState({ frameworkLoad: readyLoad() });
    a.setLanguage('ru');
    a.selectPillar('p2');
    expect(b.language.value).toBe('en');
    expect(b.i18n.language).toBe('en');
    expect(b.selectedPillar.value?.id).toBe('p1');
  });

  it('has no framework and no selection when the framework is invalid', () => {
    const load = loadFramework({ ...tinyFramework, targetLevel: 'top', pillars: [] });
    expect(load.status).toBe('invalid');
    if (load.status !== 'invalid') return;
    expect(load.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['targetLevel', 'pillars']));
    const state = createAppState({ frameworkLoad: load });
    expect(state.framework.value).toBeUndefined();
    expect(state.selectedPillar.value).toBeUndefined();
    expect(state.selectedSubTopic.value).toBeUndefined();
  });
});

describe('frameworkCounts', () => {
  it('counts pillars, sub-topics and indicators', () => {
    const { framework } = readyLoad() as Extract<FrameworkLoad, { status: 'ready' }>;
    expect(countFramework(framework)).toEqual({ pillars: 2, subTopics: 3, indicators: 3 });
    expect(countPillar(framework.pillars[0]!)).toEqual({ subTopics: 2, indicators: 1 });
  });
});

describe('the built-in framework', () => {
  it('loads: 10 pillars, and 6.3.3 is descriptive', () => {
    const load = loadFramework(mmdmaV1);
    expect(load.status === 'invalid' ? load.problems : []).toEqual([]);
    if (load.status !== 'ready') return;
    expect(load.framework.pillars).toHaveLength(10);
    const descriptive = load.framework.pillars.flatMap((pillar) => pillar.subTopics).filter((subTopic) => subTopic.indicators.length === 0);
    expect(descriptive.map((subTopic) => subTopic.code)).toContain('6.3.3');
  });
});
