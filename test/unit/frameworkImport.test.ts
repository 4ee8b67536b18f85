/**
 * Any framework loads (issue 2 item 8): a variant in the shape of a later country report validates
 * and an assessment estimates on it; a broken file is refused with every problem named by path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/core/framework/validateFramework';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import type { FrameworkInput } from '../../src/core/framework/frameworkSchema';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';

const LEVELS = ['emerging', 'developing', 'established', 'advanced'] as const;
const ladder = (subject: string) =>
  Object.fromEntries(
    LEVELS.map((level, i) => [
      level,
      { text: { en: `${['No', 'Some', 'Most', 'All'][i]} border crossing points ${subject}` }, source: 'derived' as const },
    ]),
  );

/** MMDMA v1 reshaped the way the Eswatini 2024 report reshapes it. */
function eswatiniShapedVariant(): FrameworkInput {
  const variant = structuredClone(mmdmaV1) as FrameworkInput;
  variant.version = '1.1.0';
  variant.name = { en: 'MMDMA (Eswatini 2024 shape)', ru: 'ОЦМУМ (по образцу Эсватини 2024)' };
  const identity = variant.pillars.find((p) => p.id === 'digital-identity');
  if (!identity) throw new Error('digital identity pillar missing');
  identity.subTopics.push({
    id: 'digital-identity.borders',
    code: '6.6.3',
    name: { en: 'Identity management at borders', ru: 'Управление идентификацией на границах' },
    aliases: ['Border identity'],
    indicators: [
      {
        id: 'digital-identity.borders.document-verification',
        code: '6.6.3.1',
        label: { en: 'Electronic document verification at borders' },
        descriptors: { central: ladder('verify chip documents electronically'), migration: ladder('check travellers against the population register') },
      },
    ],
    questions: [{ en: 'How are identity documents verified at border crossing points?' }],
  });
  const services = variant.pillars.find((p) => p.id === 'public-services');
  const crossBorder = services?.subTopics.find((s) => s.id === 'public-services.cross-border-services');
  if (!crossBorder) throw new Error('cross-border sub-topic missing');
  crossBorder.aliases = [...(crossBorder.aliases ?? []), crossBorder.name.en];
  crossBorder.name = { en: 'Cross-border services and e-visa' };
  return variant;
}

describe('importing a framework', () => {
  it('loads a variant with an added and a renamed sub-topic and estimates an assessment on it', () => {
    const text = JSON.stringify(eswatiniShapedVariant());
    const result = validateFramework(text);
    if (!result.ok) throw new Error(result.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const { index } = result.value;
    expect(index.framework.version).toBe('1.1.0');
    expect(index.subTopicById.get('digital-identity.borders')?.name.en).toBe('Identity management at borders');
    expect(index.subTopicById.get('public-services.cross-border-services')?.name.en).toBe('Cross-border services and e-visa');

    const estimate = estimateAssessment({
      index,
      ratings: [
        { assessorId: 'lead', indicatorId: 'digital-identity.borders.document-verification', trackId: 'central', level: 'established' },
        { assessorId: 'lead', indicatorId: 'digital-identity.borders.document-verification', trackId: 'migration', level: 'advanced' },
        { assessorId: 'lead', indicatorId: 'digital-identity.identity-management.unique-identifier', trackId: 'central', level: 'developing' },
      ],
      observations: [
        {
          interviewId: 'border-police',
          tags: [{ subTopicId: 'public-services.cross-border-services', trackIds: ['migration'] }],
          suggestedLevel: 'developing',
        },
      ],
      consensus: [],
      institutionOfInterview: new Map([['border-police', 'police']]),
    });
    const identity = estimate.pillars.find((p) => p.pillarId === 'digital-identity');
    const borders = identity?.tracks.find((t) => t.trackId === 'migration')?.subTopics.find((s) => s.subTopicId === 'digital-identity.borders');
    expect(borders?.level).toBe('advanced');
    expect(borders?.basis).toBe('ratings');
    const crossBorder = estimate.pillars
      .find((p) => p.pillarId === 'public-services')
      ?.tracks.find((t) => t.trackId === 'migration')
      ?.subTopics.find((s) => s.subTopicId === 'public-services.cross-border-services');
    expect(crossBorder?.level).toBe('developing');
    expect(crossBorder?.provisional).toBe(true);
    expect(estimate.ignored).toEqual({ ratings: 0, observations: 0, consensus: 0 });
  });

  it('refuses a broken framework file and names every problem with its path', () => {
    const text = readFileSync(new URL('../fixtures/frameworks/invalid-framework.json', import.meta.url), 'utf8');
    const result = validateFramework(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.error.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'version: must be a semantic version such as "1.0.0"',
        'pillars[1].subTopics[0].id: duplicate id "strategic-planning.digitalisation-strategy" (first used at pillars[0].subTopics[0].id)',
        expect.stringMatching(/^pillars\[0\]\.subTopics\[1\]\.indicators\[0\]\.descriptors\.\w+: descriptor missing for level "advanced"$/),
        expect.stringMatching(/^pillars\[0\]\.subTopics\[2\]\.indicators\[0\]\.descriptors\.border-management: unknown track "border-management"; tracks are central, migration, or "shared"$/),
        expect.stringMatching(/^pillars\[1\]\.subTopics\[1\]\.questions\[0\]\.en: .*expected string/i),
      ]),
    );
    expect(lines.length).toBe(5);
  });
});
