/**
 * A small framework built in code for unit tests: two pillars, two tracks, four levels, one
 * shared-scale indicator and one track-specific indicator, so every estimator path is reachable
 * without the 80-indicator MMDMA file.
 */
import type { FrameworkInput } from '../../src/core/framework/frameworkSchema';

const LEVELS = ['emerging', 'developing', 'established', 'advanced'] as const;

export function scale(prefix: string, source: 'report' | 'derived' = 'derived') {
  return Object.fromEntries(LEVELS.map((level) => [level, { text: { en: `${prefix} (${level})` }, source }]));
}

export function tinyFramework(): FrameworkInput {
  return {
    format: 'mmdma-framework',
    formatVersion: 1,
    id: 'tiny',
    version: '1.0.0',
    name: { en: 'Tiny framework' },
    languages: ['en'],
    levels: LEVELS.map((id) => ({ id, name: { en: id }, definition: { en: `Definition of ${id}` } })),
    targetLevel: 'established',
    tracks: [
      { id: 'central', name: { en: 'Central government' } },
      { id: 'migration', name: { en: 'Migration management' } },
    ],
    pillars: [
      {
        id: 'strategy',
        code: '1',
        name: { en: 'Strategy' },
        subTopics: [
          {
            id: 'strategy.plan',
            code: '1.1',
            name: { en: 'Plan' },
            indicators: [
              { id: 'strategy.plan.exists', code: '1.1.1', label: { en: 'Plan exists' }, descriptors: { central: scale('plan c'), migration: scale('plan m') } },
              { id: 'strategy.plan.funded', code: '1.1.2', label: { en: 'Plan funded' }, descriptors: { central: scale('funded c') } },
            ],
            questions: [{ en: 'Is there a plan?' }],
          },
          { id: 'strategy.projects', code: '1.2', name: { en: 'Projects' }, indicators: [] },
        ],
      },
      {
        id: 'skills',
        code: '2',
        name: { en: 'Skills' },
        subTopics: [
          {
            id: 'skills.officials',
            code: '2.1',
            name: { en: 'Officials' },
            indicators: [{ id: 'skills.officials.training', code: '2.1.1', label: { en: 'Training' }, descriptors: { shared: scale('training') } }],
          },
        ],
      },
    ],
  };
}
