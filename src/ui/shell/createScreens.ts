/**
 * The lazily loaded screens (every screen but the assessments list is its own chunk, fetched when
 * first shown) and which one a route shows. Made once per app, in main.tsx, so the screen the app
 * opens on starts downloading with everything else at start-up rather than once App first renders.
 */
import type { ComponentType } from 'preact';
import type { Route } from '../routing/route';
import { lazyScreen } from './lazyScreen';

/** The props each screen module's component takes (the contract with the screens' authors). */
interface AssessmentScreenProps {
  readonly assessmentId: string;
}
interface InterviewScreenProps extends AssessmentScreenProps {
  readonly interviewId: string;
  readonly noteId?: string | undefined;
}
interface RatingScreenProps extends AssessmentScreenProps {
  readonly subTopicId?: string | undefined;
}
interface NotesScreenProps extends AssessmentScreenProps {
  readonly search: string;
}
interface FindingsScreenProps extends AssessmentScreenProps {
  readonly pillarId?: string | undefined;
}

/**
 * The lazily loaded screens; made once per app so their loaded modules are cached per app. Each
 * waits for its code and for every string of the current language (one chunk, fetched at start-up).
 */
export function createScreens(translationsReady: () => Promise<void>) {
  const lazy = <P extends object>(loader: () => Promise<ComponentType<P>>) =>
    lazyScreen<P>(() => Promise.all([loader(), translationsReady()]).then(([component]) => component));
  return {
    Framework: lazy<object>(() => import('../screens/framework/FrameworkRoute').then((module) => module.FrameworkRoute)),
    Settings: lazy<object>(() => import('../screens/settings/SettingsScreen').then((module) => module.SettingsScreen)),
    ImportBundle: lazy<object>(() => import('../screens/exchange/ImportBundleScreen').then((module) => module.ImportBundleScreen)),
    Setup: lazy<AssessmentScreenProps>(() => import('../screens/setup/SetupScreen').then((module) => module.SetupScreen)),
    Interviews: lazy<AssessmentScreenProps>(() => import('../screens/setup/InterviewsScreen').then((module) => module.InterviewsScreen)),
    Notes: lazy<NotesScreenProps>(() => import('../screens/notes/NotesScreen').then((module) => module.NotesScreen)),
    Interview: lazy<InterviewScreenProps>(() => import('../screens/interview/InterviewScreen').then((module) => module.InterviewScreen)),
    Rating: lazy<RatingScreenProps>(() => import('../screens/rating/RatingScreen').then((module) => module.RatingScreen)),
    Findings: lazy<FindingsScreenProps>(() => import('../screens/findings/FindingsScreen').then((module) => module.FindingsScreen)),
    Dashboard: lazy<AssessmentScreenProps>(() => import('../screens/dashboard/DashboardScreen').then((module) => module.DashboardScreen)),
    Report: lazy<AssessmentScreenProps>(() => import('../screens/report/ReportScreen').then((module) => module.ReportScreen)),
    Exchange: lazy<AssessmentScreenProps>(() => import('../screens/exchange/ExchangeScreen').then((module) => module.ExchangeScreen)),
  };
}
export type Screens = ReturnType<typeof createScreens>;

/** The lazy screen a route shows, if it is one (the assessments list is part of the first download). */
export function lazyScreenOf(screens: Screens, route: Route): { readonly preload: () => Promise<void> } | undefined {
  switch (route.screen) {
    case 'assessments':
      return undefined;
    case 'settings':
      return screens.Settings;
    case 'framework':
      return screens.Framework;
    case 'import':
      return screens.ImportBundle;
    case 'setup':
      return screens.Setup;
    case 'interviews':
      return screens.Interviews;
    case 'interview':
      return screens.Interview;
    case 'notes':
      return screens.Notes;
    case 'rating':
      return screens.Rating;
    case 'dashboard':
      return screens.Dashboard;
    case 'findings':
      return screens.Findings;
    case 'report':
      return screens.Report;
    case 'exchange':
      return screens.Exchange;
  }
}

