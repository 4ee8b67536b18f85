/**
 * `#/framework`: the framework explorer (the app's first screen before the shell), loaded lazily.
 * The explorer and its error page bring their own `<main id="main">`.
 */
import { useAppState } from '../../AppStateContext';
import { FrameworkError } from './FrameworkError';
import { FrameworkExplorer } from './FrameworkExplorer';
import { useTranslation } from '../../useTranslation';

export function FrameworkRoute() {
  const load = useAppState().frameworkLoad.value;
  const { t } = useTranslation();
  if (load === undefined) {
    return (
      <main id="main" class="shell-main" tabIndex={-1}>
        <p class="screen-state screen-loading" role="status">
          {t('shell:screen.loading')}
        </p>
      </main>
    );
  }
  return load.status === 'ready' ? <FrameworkExplorer framework={load.framework} /> : <FrameworkError problems={load.problems} />;
}
