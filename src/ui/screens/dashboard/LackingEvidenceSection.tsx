/**
 * Where to ask next: the scored sub-topics with no rating, no evidence and no consensus on some
 * track, grouped by pillar, each a link to its rating page, and how many there are in all.
 */
import { memo } from 'preact/compat';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import { trackNameOf } from './frameworkNames';
import type { LackingEvidence, LackingPillar } from '../../../core/analysis/lackingEvidence';
import { useStableList } from './useStableList';

interface LackingEvidenceSectionProps {
  readonly assessmentId: string;
  readonly lacking: LackingEvidence;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

const pillarKey = (pillar: LackingPillar) => pillar.pillarId;

export function LackingEvidenceSection({ assessmentId, lacking, index, fmt }: LackingEvidenceSectionProps) {
  const { t } = useTranslation();
  const pillars = useStableList(lacking.pillars, pillarKey);
  return (
    <section class="dash-section" aria-labelledby="dash-lacking-heading">
      <h3 id="dash-lacking-heading">{t('dashboard:lacking.heading')}</h3>
      {lacking.lacking === 0 ? (
        <p class="dash-all-covered">{t('dashboard:lacking.none')}</p>
      ) : (
        <>
          <p class="dash-lacking-count">
            {t('dashboard:lacking.count', { count: lacking.lacking, scored: fmt.count(lacking.scored) })}{' '}
            <span class="muted">{t('dashboard:lacking.pairs', { lacking: fmt.count(lacking.lackingPairs), total: fmt.count(lacking.scoredPairs) })}</span>
          </p>
          <ul class="dash-lacking-list">
            {pillars.map((pillar) => (
              <LackingPillarItem key={pillar.pillarId} assessmentId={assessmentId} pillar={pillar} index={index} fmt={fmt} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface LackingPillarItemProps {
  readonly assessmentId: string;
  readonly pillar: LackingPillar;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

const LackingPillarItem = memo(function LackingPillarItem({ assessmentId, pillar, index, fmt }: LackingPillarItemProps) {
  const { t, text } = useTranslation();
  const framework = index.pillarById.get(pillar.pillarId);
  const everyTrackCount = index.trackIds.length;
  return (
    <li class="dash-lacking-pillar">
      <span class="dash-lacking-pillar-name">
        <span class="dash-code">{pillar.code}</span> {framework ? <FrameworkText value={framework.name} /> : pillar.pillarId}
      </span>
      <ul>
        {pillar.subTopics.map((subTopic) => {
          const name = index.subTopicById.get(subTopic.subTopicId)?.name;
          const where =
            subTopic.onEveryTrack && subTopic.trackIds.length === everyTrackCount && everyTrackCount > 1
              ? t('dashboard:lacking.onEveryTrack')
              : t('dashboard:lacking.tracks', { tracks: fmt.list(subTopic.trackIds.map((trackId) => trackNameOf(index, trackId, text))) });
          return (
            <li key={subTopic.subTopicId}>
              <a class="dash-sub-topic-link" href={formatRoute({ screen: 'rating', assessmentId, subTopicId: subTopic.subTopicId })}>
                <span class="dash-code">{subTopic.code}</span> {name ? <FrameworkText value={name} /> : subTopic.subTopicId}
              </a>{' '}
              <span class="dash-lacking-tracks">{where}</span>
            </li>
          );
        })}
      </ul>
    </li>
  );
});
