/**
 * Where the pillar stands, as context for writing its findings: per track and overall, the
 * estimate (what ratings and evidence say) and the team's consensus, with the gap between them.
 */
import type { ComponentChild } from 'preact';
import { OVERALL_TRACK_ID } from '../../../core/assessment/consensusSchema';
import type { ConsensusAwareEstimate, PillarEstimate } from '../../../core/estimate/estimateTypes';
import type { Pillar } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import { EstimateText } from '../rating/EstimateText';
import { LevelLabel } from '../rating/LevelLabel';

interface PillarContextProps {
  readonly assessmentId: string;
  readonly index: FrameworkIndex;
  readonly pillar: Pillar;
  readonly estimate: PillarEstimate | undefined;
}

export function PillarContext({ assessmentId, index, pillar, estimate }: PillarContextProps) {
  const { t } = useTranslation();
  const rows: Array<{ key: string; label: ComponentChild; figure: ConsensusAwareEstimate | undefined }> = [
    ...(estimate?.tracks ?? []).map((track) => {
      const definition = index.framework.tracks.find((candidate) => candidate.id === track.trackId);
      return { key: track.trackId, label: definition ? <FrameworkText value={definition.name} /> : track.trackId, figure: track };
    }),
    { key: OVERALL_TRACK_ID, label: t('findings:context.overall'), figure: estimate?.overall },
  ];
  const firstScored = pillar.subTopics.find((subTopic) => subTopic.indicators.length > 0) ?? pillar.subTopics[0];
  return (
    <section class="pillar-context" aria-labelledby="pillar-context-heading">
      <h3 id="pillar-context-heading">{t('findings:context.heading')}</h3>
      <table class="context-table">
        <thead>
          <tr>
            <th scope="col">{t('findings:context.track')}</th>
            <th scope="col">{t('findings:context.estimate')}</th>
            <th scope="col">{t('findings:context.consensus')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                {row.figure ? (
                  <EstimateText
                    index={index}
                    score={row.figure.estimated.score}
                    level={row.figure.estimated.level}
                    tendency={row.figure.estimated.tendency}
                    basis={row.figure.consensus ? undefined : row.figure.basis}
                    provisional={row.figure.provisional}
                  />
                ) : (
                  t('rating:estimate.none')
                )}
              </td>
              <td>
                {row.figure?.consensus ? (
                  <>
                    <strong>
                      <LevelLabel index={index} level={row.figure.consensus.level} />
                    </strong>
                    {row.figure.consensus.gap !== null && Math.abs(row.figure.consensus.gap) >= 0.05 && (
                      <span class="muted">
                        {' '}
                        {row.figure.consensus.gap > 0
                          ? t('findings:context.above', { count: Math.round(row.figure.consensus.gap * 10) / 10 })
                          : t('findings:context.below', { count: Math.round(-row.figure.consensus.gap * 10) / 10 })}
                      </span>
                    )}
                  </>
                ) : (
                  <span class="muted">{t('findings:context.noConsensus')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {firstScored && (
        <p>
          <a href={formatRoute({ screen: 'rating', assessmentId, subTopicId: firstScored.id })}>{t('findings:context.toRating')}</a>
        </p>
      )}
    </section>
  );
}
