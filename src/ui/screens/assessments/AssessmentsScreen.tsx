/**
 * `#/`: the assessments on this device (open, archive), a form to start a new one, and the state of
 * the device's storage. With nothing stored yet, it says what to do first.
 */
import { formatRoute } from '../../routing/route';
import { useId } from 'preact/hooks';
import { StorageStatusPanel } from '../../shell/StorageStatusPanel';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { AssessmentCard } from './AssessmentCard';
import { NewAssessmentForm } from './NewAssessmentForm';
import { OpenExampleButton } from './OpenExampleButton';
import './assessments.css';

export function AssessmentsScreen() {
  const shell = useShell();
  const { t } = useTranslation();
  const headingId = useId();
  const all = shell.assessments.value;
  const active = all?.filter((assessment) => assessment.status !== 'archived') ?? [];
  const archived = all?.filter((assessment) => assessment.status === 'archived') ?? [];

  return (
    <div class="assessments-screen two-columns">
      <section class="assessments-list" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('assessments:list.heading')}</h2>
        {all === null ? (
          <p class="muted" role="status">
            {t('assessments:list.loading')}
          </p>
        ) : all.length === 0 ? (
          <div class="empty-state">
            <p class="empty-state-lead">{t('assessments:empty.title')}</p>
            <ol>
              <li>{t('assessments:empty.step1')}</li>
              <li>{t('assessments:empty.step2')}</li>
              <li>{t('assessments:empty.step3')}</li>
            </ol>
            <p class="muted">{t('assessments:empty.offline')}</p>
          </div>
        ) : (
          <>
            {active.length === 0 ? (
              <p class="muted">{t('assessments:list.allArchived')}</p>
            ) : (
              <ul class="assessment-cards">
                {active.map((assessment) => (
                  <AssessmentCard key={assessment.id} assessment={assessment} />
                ))}
              </ul>
            )}
            {archived.length > 0 && (
              <details class="archived-assessments">
                <summary>{t('assessments:list.archived', { count: archived.length })}</summary>
                <ul class="assessment-cards">
                  {archived.map((assessment) => (
                    <AssessmentCard key={assessment.id} assessment={assessment} />
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
        {/* With the list, not before it: under "Loading…" it was pushed down when the cards arrived. */}
        {all !== null && (
          <p class="assessments-import">
            {t('assessments:importBundle.lead')} <a href={formatRoute({ screen: 'import' })}>{t('assessments:importBundle.link')}</a>
          </p>
        )}
      </section>
      {/* Shown with the list, not before it: on a tablet the panels sit below the list, and a list
          arriving above them a moment later pushed them down the screen (layout shift 0.2). */}
      {all !== null && (
        <div class="assessments-aside panel-stack">
          <NewAssessmentForm />
          <OpenExampleButton />
          <StorageStatusPanel />
        </div>
      )}
    </div>
  );
}
