/**
 * One assessment in the list: its title (the link that opens it), country, dates, phase and
 * framework, quick links to its setup and schedule, and archive / take out of the archive.
 */
import type { Assessment } from '../../../core/assessment/assessmentSchema';
import { formatRoute } from '../../routing/route';
import { isoDateOf } from '../../shell/dates';
import { findFramework } from '../../shell/installedFrameworks';
import { useDateRange } from '../../shell/ShellHeader';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { statusAfterUnarchive } from './statusAfterUnarchive';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import { StatusLabel } from './StatusLabel';

export function AssessmentCard({ assessment }: { readonly assessment: Assessment }) {
  const shell = useShell();
  const { t, text } = useTranslation();
  const dates = useDateRange(assessment.startDate, assessment.endDate);
  const framework = findFramework(shell.frameworks.value, assessment.frameworkId, assessment.frameworkVersion);
  const archived = assessment.status === 'archived';
  const titleId = `assessment-title-${assessment.id}`;

  const archive = async () => {
    const result = await shell.writer.update('assessment', assessment.id, { status: 'archived' });
    if (result.ok) shell.notify('success', t('assessments:card.archivedNotice', { title: assessment.title }));
  };
  const unarchive = async () => {
    const status = statusAfterUnarchive(assessment, isoDateOf(new Date()));
    const result = await shell.writer.update('assessment', assessment.id, { status });
    if (result.ok) shell.notify('success', t('assessments:card.unarchivedNotice', { title: assessment.title }));
  };

  return (
    <li class={`assessment-card${archived ? ' is-archived' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} class="assessment-card-title">
        <a href={formatRoute({ screen: 'dashboard', assessmentId: assessment.id })}>{assessment.title}</a>
      </h3>
      <p class="assessment-card-meta">
        <span>{assessment.country}</span>
        <span>{dates ?? t('assessments:card.noDates')}</span>
        <StatusLabel status={assessment.status} />
        {assessment.example === true && <span class="assessment-card-example">{t('assessments:example.badge')}</span>}
      </p>
      <p class="assessment-card-framework muted">
        {framework
          ? t('assessments:card.framework', { name: text(framework.framework.name), version: assessment.frameworkVersion })
          : t('assessments:card.frameworkMissing', { id: assessment.frameworkId, version: assessment.frameworkVersion })}
      </p>
      <div class="assessment-card-actions">
        <a class="button" href={formatRoute({ screen: 'setup', assessmentId: assessment.id })} aria-label={t('assessments:card.setupLabel', { title: assessment.title })}>
          {t('assessments:card.setup')}
        </a>
        <a class="button" href={formatRoute({ screen: 'interviews', assessmentId: assessment.id })} aria-label={t('assessments:card.interviewsLabel', { title: assessment.title })}>
          {t('assessments:card.interviews')}
        </a>
        {assessment.example === true && (
          <ConfirmButton
            label={t('assessments:example.delete')}
            accessibleLabel={t('assessments:example.deleteLabel', { title: assessment.title })}
            question={t('assessments:example.deleteQuestion')}
            confirmLabel={t('assessments:example.deleteConfirm')}
            onConfirm={async () => {
              await shell.writer.remove('assessment', assessment.id);
            }}
          />
        )}
        {archived ? (
          <button type="button" class="button" aria-label={t('assessments:card.unarchiveLabel', { title: assessment.title })} onClick={() => void unarchive()}>
            {t('assessments:card.unarchive')}
          </button>
        ) : (
          <button type="button" class="button" aria-label={t('assessments:card.archiveLabel', { title: assessment.title })} onClick={() => void archive()}>
            {t('assessments:card.archive')}
          </button>
        )}
      </div>
    </li>
  );
}
