import { useLayoutEffect } from 'preact/hooks';
import { AppHeader } from './AppHeader';
import { useAppState } from './AppStateContext';
import { FrameworkError } from './FrameworkError';
import { FrameworkExplorer } from './FrameworkExplorer';
import { useTranslation } from './useTranslation';

export function App() {
  const state = useAppState();
  const { t, language } = useTranslation();
  const load = state.frameworkLoad.value;
  const screenTitle = t('explorer:title');

  useLayoutEffect(() => {
    // Screen readers pick their voice from <html lang>; hyphenation and quotes follow it too.
    document.documentElement.lang = language;
    document.title = t('app.documentTitle', { screen: screenTitle, app: t('app.name') });
  }, [language, screenTitle, t]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <AppHeader title={screenTitle} framework={load.status === 'ready' ? load.framework : undefined} />
      {load.status === 'ready' ? <FrameworkExplorer framework={load.framework} /> : <FrameworkError problems={load.problems} />}
    </>
  );
}
