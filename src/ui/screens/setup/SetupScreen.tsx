/**
 * `#/a/:id/setup`: everything an assessment needs before the first interview: its details, the
 * team (and who uses this device), and the stakeholder institutions with the pillars each matters
 * for. Every field saves itself; removals ask first and are soft deletes (they merge, and can be
 * undone by a merge from a device that still has the record).
 */
import { formatRoute } from '../../routing/route';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { AssessmentDetails } from './AssessmentDetails';
import { InstitutionsSection } from './InstitutionsSection';
import { TeamSection } from './TeamSection';
import './setup.css';

export function SetupScreen({ assessmentId }: { readonly assessmentId: string }) {
  const shell = useShell();
  const { t } = useTranslation();
  const session = shell.session.value;
  const data = session?.data.value ?? null;
  if (session === null || data === null || session.assessmentId !== assessmentId) {
    return (
      <p class="screen-state" role="status">
        {t('setup:loading')}
      </p>
    );
  }
  const assessment = data.assessment;

  return (
    <div class="setup-screen">
      <div class="screen-heading">
        <h2>{t('setup:heading')}</h2>
        <p class="screen-intro">{t('setup:intro')}</p>
        <p>
          <a class="button" href={formatRoute({ screen: 'interviews', assessmentId })}>
            {t('setup:toSchedule')}
          </a>
        </p>
      </div>
      <AssessmentDetails assessment={assessment} />
      <TeamSection assessors={data.assessors} />
      <InstitutionsSection institutions={data.institutions} interviews={data.interviews} />
      <section class="panel danger-zone" aria-labelledby="setup-delete-heading">
        <h3 id="setup-delete-heading">{t('setup:delete.heading')}</h3>
        <p>{t('setup:delete.explanation')}</p>
        <ConfirmButton
          label={t('setup:delete.button')}
          question={t('setup:delete.question', { title: assessment.title })}
          confirmLabel={t('setup:delete.confirm')}
          onConfirm={async () => {
            const result = await session.writer.remove('assessment', assessment.id);
            if (!result.ok) return;
            shell.notify('success', t('setup:delete.done', { title: assessment.title }));
            shell.navigate({ screen: 'assessments' });
          }}
        />
      </section>
    </div>
  );
}
