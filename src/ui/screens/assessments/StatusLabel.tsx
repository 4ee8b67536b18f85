import type { TFunction } from 'i18next';
import type { AssessmentStatus } from '../../../core/assessment/assessmentSchema';
import { useTranslation } from '../../useTranslation';

/** The phase of an assessment as a small badge. */
export function StatusLabel({ status }: { readonly status: AssessmentStatus }) {
  const { t } = useTranslation();
  return <span class={`status-badge status-${status}`}>{statusName(t, status)}</span>;
}

/** The phase's name in the interface language (also Setup's status choice). */
export function statusName(t: TFunction, status: AssessmentStatus): string {
  switch (status) {
    case 'planning':
      return t('assessments:status.planning');
    case 'fieldwork':
      return t('assessments:status.fieldwork');
    case 'rating':
      return t('assessments:status.rating');
    case 'reporting':
      return t('assessments:status.reporting');
    case 'archived':
      return t('assessments:status.archived');
  }
}
