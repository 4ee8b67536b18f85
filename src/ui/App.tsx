/**
 * The app shell's layout: skip link, header (app bar, title with save indicator, the assessment's
 * screens), notices, and `<main>` with the route's screen. Only the assessments list is part of the
 * first download; every other screen is a separate chunk fetched when first shown (lazyScreen).
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { assessmentIdOf, formatRoute, type Route } from './routing/route';
import { AssessmentsScreen } from './screens/assessments/AssessmentsScreen';
import { Notices } from './shell/Notices';
import { AssessmentSubtitle, ShellHeader } from './shell/ShellHeader';
import { FrameworkSubtitle } from './shell/FrameworkSubtitle';
import { AssessmentRoute } from './shell/AssessmentRoute';
import { useShell } from './shell/ShellContext';
import { useAppState } from './AppStateContext';
import { UpdatePrompt } from './shell/UpdatePrompt';
import { useTranslation } from './useTranslation';
import type { TFunction } from 'i18next';
import type { Screens } from './shell/createScreens';

export function App({ screens }: { readonly screens: Screens }) {
  const shell = useShell();
  const appState = useAppState();
  const { t, language } = useTranslation();
  // Subscribes the whole tree to late-arriving strings (see AppState.translationsLoaded).
  void appState.translationsLoaded.value;
  const route = shell.route.value;
  const session = shell.session.value;
  const status = shell.sessionStatus.value;
  const data = session?.data.value ?? null;
  const assessment = data?.assessment;

  const title = headerTitle(t, route, assessment?.title, status);
  const screenName = screenLabel(t, route);
  const documentScreen = assessmentIdOf(route) !== undefined && assessment ? t('shell:documentTitle', { screen: screenName, assessment: assessment.title }) : screenName;

  useLayoutEffect(() => {
    // Screen readers pick their voice from <html lang>; hyphenation and quotes follow it too.
    // Set only on change: writing it restyles the whole page, and the app re-renders on every save.
    if (document.documentElement.lang !== language) document.documentElement.lang = language;
  }, [language]);
  const documentTitle = t('app.documentTitle', { screen: documentScreen, app: t('app.name') });
  useLayoutEffect(() => {
    if (document.title !== documentTitle) document.title = documentTitle;
  }, [documentTitle]);

  // After a route change, move focus to the new content (as a page load would), unless the screen
  // already put it somewhere inside, or the change came from a link inside the screen itself.
  const routeKey = formatRoute(route);
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) {
      main.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [routeKey]);

  const subtitle =
    route.screen === 'framework' ? (
      <FrameworkSubtitle />
    ) : assessment && session ? (
      <AssessmentSubtitle assessment={assessment} meName={session.me.value?.name} setupHref={formatRoute({ screen: 'setup', assessmentId: assessment.id })} />
    ) : undefined;

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // "#main" is not a route: focus the content instead of letting the hash change.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipLink')}
      </a>
      <ShellHeader title={title} subtitle={subtitle} />
      <Notices />
      <RouteView route={route} screens={screens} />
      <UpdatePrompt />
    </>
  );
}

function RouteView({ route, screens }: { readonly route: Route; readonly screens: Screens }) {
  // The explorer and its error page bring their own <main> (its pillar list is a sibling of it).
  if (route.screen === 'framework') return <screens.Framework />;
  return (
    <main id="main" class="shell-main" tabIndex={-1}>
      {route.screen === 'assessments' ? (
        <AssessmentsScreen />
      ) : route.screen === 'settings' ? (
        <screens.Settings />
      ) : route.screen === 'import' ? (
        <screens.ImportBundle />
      ) : (
        <AssessmentRoute route={route} screens={screens} />
      )}
    </main>
  );
}

/** An assessment's screens are titled by the assessment (or what became of it); the others by their name. */
function headerTitle(t: TFunction, route: Route, assessmentTitle: string | undefined, status: string): string {
  if (assessmentIdOf(route) === undefined) return screenLabel(t, route);
  if (assessmentTitle !== undefined) return assessmentTitle;
  return status === 'missing' ? t('shell:title.missing') : status === 'failed' ? t('shell:title.failed') : t('shell:title.loading');
}

function screenLabel(t: TFunction, route: Route): string {
  switch (route.screen) {
    case 'assessments':
      return t('shell:title.assessments');
    case 'settings':
      return t('shell:title.settings');
    case 'import':
      return t('shell:title.import');
    case 'framework':
      return t('explorer:title');
    case 'dashboard':
      return t('shell:nav.dashboard');
    case 'setup':
      return t('shell:nav.setup');
    case 'interviews':
      return t('shell:nav.interviews');
    case 'interview':
      return t('shell:title.interview');
    case 'rating':
      return t('shell:nav.rating');
    case 'findings':
      return t('shell:nav.findings');
    case 'exchange':
      return t('shell:nav.exchange');
    case 'report':
      return t('shell:nav.report');
    case 'notes':
      return t('shell:nav.notes');
  }
}
