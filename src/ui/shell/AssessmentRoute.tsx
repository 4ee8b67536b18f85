/**
 * An assessment's screens behind the states a screen should not have to handle itself: the first
 * read (loading), an assessment that is not on this device (a stale link, deleted in another tab), a
 * failed read, and, for the screens that need the framework, a framework that is not installed.
 */
import type { Screens } from './createScreens';
import { formatRoute, type Route } from '../routing/route';
import { useTranslation } from '../useTranslation';
import { useShell } from './ShellContext';

type AssessmentScreenRoute = Extract<Route, { readonly assessmentId: string }>;

export function AssessmentRoute({ route, screens }: { readonly route: AssessmentScreenRoute; readonly screens: Screens }) {
  const shell = useShell();
  const { t } = useTranslation();
  const session = shell.session.value;
  const status = shell.sessionStatus.value;
  const data = session?.data.value ?? null;

  if (status === 'missing') {
    return (
      <div class="screen-state">
        <h2>{t('shell:assessment.missing')}</h2>
        <p>{t('shell:assessment.missingDetail')}</p>
        <p>
          <a class="button" href={formatRoute({ screen: 'assessments' })}>
            {t('shell:assessment.backToList')}
          </a>
        </p>
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div class="screen-state" role="alert">
        <h2>{t('shell:assessment.failed')}</h2>
        <p>{t('shell:assessment.failedDetail')}</p>
      </div>
    );
  }
  // Before the whole assessment is read, only the interview the session was opened on can be shown.
  const readEnough = session !== null && (session.complete.value || (route.screen === 'interview' && route.interviewId === session.firstInterviewId));
  if (session === null || data === null || session.assessmentId !== route.assessmentId || !readEnough) {
    return (
      <p class="screen-state screen-loading" role="status">
        {t('shell:assessment.loading')}
      </p>
    );
  }

  const needsFramework = route.screen === 'interview' || route.screen === 'notes' || route.screen === 'rating' || route.screen === 'dashboard' || route.screen === 'findings' || route.screen === 'report';
  if (needsFramework && session.index.value === undefined) {
    if (!shell.frameworksLoaded.value) {
      return (
        <p class="screen-state screen-loading" role="status">
          {t('shell:assessment.loading')}
        </p>
      );
    }
    return (
      <div class="screen-state">
        <h2>{t('shell:assessment.frameworkMissing')}</h2>
        <p>{t('shell:assessment.frameworkMissingDetail', { id: data.assessment.frameworkId, version: data.assessment.frameworkVersion })}</p>
        <p>
          <a class="button" href={formatRoute({ screen: 'settings' })}>
            {t('shell:assessment.toSettings')}
          </a>
        </p>
      </div>
    );
  }

  const key = route.assessmentId;
  return (
    <>
      {data.invalidRows > 0 && (
        <p class="banner banner-warning">{t('shell:assessment.invalidRows', { count: data.invalidRows })}</p>
      )}
      {route.screen === 'setup' ? (
        <screens.Setup key={key} assessmentId={key} />
      ) : route.screen === 'interviews' ? (
        <screens.Interviews key={key} assessmentId={key} />
      ) : route.screen === 'interview' ? (
        <screens.Interview key={`${key}/${route.interviewId}`} assessmentId={key} interviewId={route.interviewId} noteId={route.noteId} />
      ) : route.screen === 'notes' ? (
        <screens.Notes key={key} assessmentId={key} search={route.search} />
      ) : route.screen === 'rating' ? (
        <screens.Rating key={key} assessmentId={key} subTopicId={route.subTopicId} />
      ) : route.screen === 'findings' ? (
        <screens.Findings key={key} assessmentId={key} pillarId={route.pillarId} />
      ) : route.screen === 'report' ? (
        <screens.Report key={key} assessmentId={key} />
      ) : route.screen === 'exchange' ? (
        <screens.Exchange key={key} assessmentId={key} />
      ) : (
        <screens.Dashboard key={key} assessmentId={key} />
      )}
    </>
  );
}
