import type { Framework, Pillar, SubTopic } from '../../../core/framework/frameworkSchema';
import { countPillar } from '../../shared/frameworkCounts';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { LevelLegend } from './LevelLegend';
import { SubTopicDetail } from './SubTopicDetail';
import { SubTopicList } from './SubTopicList';
import { useTranslation } from '../../useTranslation';

interface PillarViewProps {
  readonly framework: Framework;
  readonly pillar: Pillar;
  readonly subTopic: SubTopic;
  readonly onSelectSubTopic: (subTopicId: string) => void;
}

export function PillarView({ framework, pillar, subTopic, onSelectSubTopic }: PillarViewProps) {
  const { t } = useTranslation();
  const counts = countPillar(pillar);
  return (
    <article class="pillar-view" aria-labelledby="pillar-heading">
      <header class="pillar-header">
        <h2 id="pillar-heading">
          {interpolateNodes(t, 'explorer:pillar.heading', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}
        </h2>
        <p class="counts">
          <span>{t('explorer:counts.subTopics', { count: counts.subTopics })}</span>
          <span>{t('explorer:counts.indicators', { count: counts.indicators })}</span>
        </p>
        {pillar.overview && (
          <p class="pillar-overview">
            <FrameworkText value={pillar.overview} />
          </p>
        )}
      </header>
      <SubTopicList pillar={pillar} selectedId={subTopic.id} onSelect={onSelectSubTopic} />
      <LevelLegend framework={framework} />
      <SubTopicDetail framework={framework} subTopic={subTopic} />
    </article>
  );
}
