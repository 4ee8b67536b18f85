/**
 * The team-sync status beside the save indicator, inside an open assessment. Its code (the hub
 * client and its panel) is fetched once the first screen has settled, so it costs that screen nothing; until it
 * arrives (a few ms from the cache) an invisible placeholder keeps its place, and a failed fetch shows only that —
 * sync is a convenience, the save indicator is the promise.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { HubSyncPanelProps } from '../sync/HubSyncPanel';
import { HubSyncPlaceholder } from './HubSyncPlaceholder';
import { useShell } from './ShellContext';

export function LazyHubSync({ assessmentId }: { readonly assessmentId: string | undefined }) {
  const shell = useShell();
  const [Panel, setPanel] = useState<ComponentType<HubSyncPanelProps> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Not the first screen's: fetched once that screen shows what it shows first.
    shell.firstScreenSettled.then(() => import('../sync/HubSyncPanel')).then(
      (module) => {
        if (live) setPanel(() => module.HubSyncPanel);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return Panel === undefined ? <HubSyncPlaceholder /> : <Panel store={shell.exchange.store} assessmentId={assessmentId} />;
}
