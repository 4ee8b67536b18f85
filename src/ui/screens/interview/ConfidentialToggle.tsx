/**
 * Marks one note confidential (for example everything said by a security service): the report and
 * its exports never quote it, and say how many notes they left out. The note still counts for the
 * estimate and coverage. A pressed toggle button, so the state is read out and one key flips it.
 */
import type { Observation } from '../../../core/assessment/observationSchema';
import type { RecordWriter } from '../../session/assessmentSession';
import { useTranslation } from '../../useTranslation';

export function ConfidentialBadge({ note }: { readonly note: Observation }) {
  const { t } = useTranslation();
  return note.confidential === true ? <span class="note-confidential">{t('interview:confidential.badge')}</span> : null;
}

export function ConfidentialToggle({ note, writer }: { readonly note: Observation; readonly writer: RecordWriter }) {
  const { t } = useTranslation();
  const on = note.confidential === true;
  return (
    <button
      type="button"
      class="iv-button iv-button-quiet iv-button-small"
      aria-pressed={on ? 'true' : 'false'}
      title={t('interview:confidential.hint')}
      onClick={() => void writer.update('observation', note.id, { confidential: !on })}
    >
      {t('interview:confidential.toggle')}
    </button>
  );
}
