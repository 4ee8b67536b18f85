/**
 * One consensus editor per track for a sub-topic or a pillar, each headed by the track's name (its
 * id when this framework version has no such track), in the order given.
 */
import type { ConsensusScope } from '../../../core/assessment/consensusSchema';
import type { ConsensusAwareEstimate } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { ConsensusEditor } from './ConsensusEditor';

interface TrackConsensusEditorsProps {
  readonly assessmentId: string;
  readonly index: FrameworkIndex;
  readonly scope: ConsensusScope;
  readonly targetId: string;
  readonly trackIds: readonly string[];
  readonly headingLevel: 3 | 4 | 5;
  /** Spoken in messages, given the track's name: "the consensus for 6.1.1, central government". */
  readonly what: (trackName: string) => string;
  readonly estimateOf: (trackId: string) => ConsensusAwareEstimate | undefined;
}

export function TrackConsensusEditors({ assessmentId, index, scope, targetId, trackIds, headingLevel, what, estimateOf }: TrackConsensusEditorsProps) {
  const { text } = useTranslation();
  return (
    <>
      {trackIds.map((trackId) => {
        const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
        return (
          <ConsensusEditor
            key={trackId}
            assessmentId={assessmentId}
            index={index}
            scope={scope}
            targetId={targetId}
            trackId={trackId}
            heading={track ? <FrameworkText value={track.name} /> : trackId}
            what={what(track ? text(track.name) : trackId)}
            headingLevel={headingLevel}
            estimate={estimateOf(trackId)}
          />
        );
      })}
    </>
  );
}
