import type { Framework, Pillar } from '../../core/framework/frameworkSchema';

export interface FrameworkCounts {
  readonly pillars: number;
  readonly subTopics: number;
  readonly indicators: number;
}

export function countPillar(pillar: Pillar): Omit<FrameworkCounts, 'pillars'> {
  return {
    subTopics: pillar.subTopics.length,
    indicators: pillar.subTopics.reduce((sum, subTopic) => sum + subTopic.indicators.length, 0),
  };
}

export function countFramework(framework: Framework): FrameworkCounts {
  let subTopics = 0;
  let indicators = 0;
  for (const pillar of framework.pillars) {
    const counts = countPillar(pillar);
    subTopics += counts.subTopics;
    indicators += counts.indicators;
  }
  return { pillars: framework.pillars.length, subTopics, indicators };
}
