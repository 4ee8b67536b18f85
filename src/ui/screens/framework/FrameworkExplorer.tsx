import type { Framework } from '../../../core/framework/frameworkSchema';
import { useAppState } from '../../AppStateContext';
import { PillarNav } from './PillarNav';
import { PillarView } from './PillarView';

interface FrameworkExplorerProps {
  readonly framework: Framework;
}

/** The first screen: pillars on the left (above, on a tablet), the selected pillar beside them. */
export function FrameworkExplorer({ framework }: FrameworkExplorerProps) {
  const state = useAppState();
  const pillar = state.selectedPillar.value;
  const subTopic = state.selectedSubTopic.value;
  return (
    <div class="explorer">
      <PillarNav pillars={framework.pillars} selectedId={pillar?.id} onSelect={state.selectPillar} />
      <main id="main" class="explorer-main" tabIndex={-1}>
        {pillar && subTopic && <PillarView framework={framework} pillar={pillar} subTopic={subTopic} onSelectSubTopic={state.selectSubTopic} />}
      </main>
    </div>
  );
}
