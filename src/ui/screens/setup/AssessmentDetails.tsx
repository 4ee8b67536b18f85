import { useId } from 'preact/hooks';
import { assessmentStatusSchema, type Assessment } from '../../../core/assessment/assessmentSchema';
import { endBeforeStart, localDateOf } from '../../shell/dates';
import { AutosaveField } from '../../shell/fields/AutosaveField';
import { findFramework } from '../../shell/installedFrameworks';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { statusName } from '../assessments/StatusLabel';

/** Title, country, dates, phase and notes of the assessment. */
export function AssessmentDetails({ assessment }: { readonly assessment: Assessment }) {
  const shell = useShell();
  const { t, text } = useTranslation();
  const statusId = useId();
  const writer = shell.writer;
  const id = assessment.id;
  const framework = findFramework(shell.frameworks.value, assessment.frameworkId, assessment.frameworkVersion);
  const required = (message: string) => (value: string) => (value.trim() === '' ? message : undefined);
  const date = (other: 'start' | 'end') => (value: string) => {
    if (value !== '' && localDateOf(value) === undefined) return t('setup:details.invalidDate');
    const [start, end] = other === 'end' ? [value, assessment.endDate] : [assessment.startDate, value];
    return endBeforeStart(start === '' ? null : start, end === '' ? null : end) ? t('setup:details.endBeforeStart') : undefined;
  };

  return (
    <section class="panel" aria-labelledby="setup-details-heading">
      <h3 id="setup-details-heading">{t('setup:details.heading')}</h3>
      <div class="details-grid">
        <AutosaveField
          label={t('setup:details.title')}
          value={assessment.title}
          saveKey={`assessment:${id}:title`}
          validate={required(t('setup:details.titleEmpty'))}
          save={(value) => writer.update('assessment', id, { title: value.trim() })}
          required
        />
        <AutosaveField
          label={t('setup:details.country')}
          value={assessment.country}
          saveKey={`assessment:${id}:country`}
          validate={required(t('setup:details.countryEmpty'))}
          save={(value) => writer.update('assessment', id, { country: value.trim() })}
          autoComplete="country-name"
          required
        />
        <AutosaveField
          type="date"
          label={t('setup:details.startDate')}
          value={assessment.startDate ?? ''}
          saveKey={`assessment:${id}:startDate`}
          validate={date('end')}
          save={(value) => writer.update('assessment', id, { startDate: value === '' ? null : value })}
        />
        <AutosaveField
          type="date"
          label={t('setup:details.endDate')}
          value={assessment.endDate ?? ''}
          saveKey={`assessment:${id}:endDate`}
          validate={date('start')}
          save={(value) => writer.update('assessment', id, { endDate: value === '' ? null : value })}
        />
        <div class="field">
          <label for={statusId}>{t('setup:details.status')}</label>
          <select
            id={statusId}
            value={assessment.status}
            onChange={(event) => {
              const parsed = assessmentStatusSchema.safeParse(event.currentTarget.value);
              if (parsed.success) void writer.update('assessment', id, { status: parsed.data });
            }}
          >
            {assessmentStatusSchema.options.map((status) => (
              <option key={status} value={status}>
                {statusName(t, status)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <span class="field-label">{t('setup:details.framework')}</span>
          <p class="field-static">
            {framework
              ? t('setup:details.frameworkValue', { name: text(framework.framework.name), version: assessment.frameworkVersion })
              : t('setup:details.frameworkMissing', { id: assessment.frameworkId, version: assessment.frameworkVersion })}
          </p>
        </div>
      </div>
      <AutosaveField
        multiline
        class="field-wide"
        label={t('setup:details.notes')}
        hint={t('setup:details.notesHint')}
        value={assessment.notes}
        saveKey={`assessment:${id}:notes`}
        save={(value) => writer.update('assessment', id, { notes: value })}
      />
    </section>
  );
}
