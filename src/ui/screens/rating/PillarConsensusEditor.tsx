/**
 * The lead's level for a pillar: per track (the report's per-track judgement) and overall (Table
 * 3), each beside the estimator's figure and the gap. Self-contained (reads the session from the
 * shell) so the dashboard can place it too:
 *
 *   <PillarConsensusEditor assessmentId={id} pillarId="strategic-planning" headingLevel={3} />
 */
import { OVERALL_TRACK_ID } from '../../../core/assessment/consensusSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { ConsensusEditor } from './ConsensusEditor';
import { TrackConsensusEditors } from './TrackConsensusEditors';
import '../../shared/pickerScreen.css';
import './rating.css';

export interface PillarConsensusEditorProps {
  readonly assessmentId: string;
  readonly pillarId: string;
  /** The level of this component's own heading; the tracks' headings are one below. Default 3. */
  readonly headingLevel?: 2 | 3 | 4;
}

export function PillarConsensusEditor({ assessmentId, pillarId, headingLevel = 3 }: PillarConsensusEditorProps) {
  const { t } = useTranslation();
  const session = useShell().session.value;
  const index = session?.index.value;
  const estimate = session?.estimate.value;
  const pillar = index?.pillarById.get(pillarId);
  if (!session || !index || !pillar) return null;
  const pillarEstimate = estimate?.pillars.find((candidate) => candidate.pillarId === pillarId);
  // Tracks the pillar is judged on: those with at least one indicator on them.
  const trackIds = index.trackIds.filter((trackId) =>
    pillar.subTopics.some((subTopic) => subTopic.indicators.some((indicator) => index.tracksOfIndicator.get(indicator.id)?.includes(trackId))),
  );
  const Heading = `h${headingLevel}` as const;
  const inner = (headingLevel + 1) as 3 | 4 | 5;
  const headingId = `pillar-consensus-${pillarId}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <section class="pillar-consensus" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {interpolateNodes(t, 'rating:pillarConsensus.heading', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}
      </Heading>
      <div class="consensus-grid">
        <TrackConsensusEditors
          assessmentId={assessmentId}
          index={index}
          scope="pillar"
          targetId={pillar.id}
          trackIds={trackIds}
          headingLevel={inner}
          what={(track) => t('rating:what.pillarConsensus', { code: pillar.code, track })}
          estimateOf={(trackId) => pillarEstimate?.tracks.find((candidate) => candidate.trackId === trackId)}
        />
        <ConsensusEditor
          assessmentId={assessmentId}
          index={index}
          scope="pillar"
          targetId={pillar.id}
          trackId={OVERALL_TRACK_ID}
          heading={t('rating:pillarConsensus.overall')}
          what={t('rating:what.pillarConsensus', { code: pillar.code, track: t('rating:pillarConsensus.overall') })}
          headingLevel={inner}
          estimate={pillarEstimate?.overall}
        />
      </div>
    </section>
  );
}
