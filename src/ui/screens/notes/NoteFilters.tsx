/**
 * The search form: words, kinds, tag, institution, interview. Plain form controls (one Tab stop
 * each, arrow keys inside the selects), labelled, in the order they narrow the list.
 */
import type { ObservationKind } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { NoteQuery } from '../../../core/search/noteQuery';
import type { AssessmentData } from '../../session/assessmentSession';
import { useTranslation } from '../../useTranslation';
import { formatIsoDate } from '../interview/formatIsoDate';
import { kindLabel } from '../interview/noteOptions';
import { memo } from 'preact/compat';

const KINDS: readonly ObservationKind[] = ['note', 'quote', 'evidence'];

interface NoteFiltersProps {
  readonly data: AssessmentData;
  readonly index: FrameworkIndex | undefined;
  readonly query: NoteQuery;
  readonly onChange: (query: NoteQuery, how: 'typing' | 'filter') => void;
  readonly onClear: () => void;
}

export function NoteFilters({ data, index, query, onChange, onClear }: NoteFiltersProps) {
  const { t, format, language } = useTranslation();
  const set = (patch: Partial<NoteQuery>) => onChange({ ...query, ...patch }, 'filter');
  const institutions = data.institutions.filter((item) => !item.deleted);
  const institutionName = new Map(data.institutions.map((item) => [item.id, item.acronym || item.name] as const));
  const interviews = data.interviews.filter((item) => !item.deleted).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const toggleKind = (kind: ObservationKind, on: boolean) => set({ kinds: on ? KINDS.filter((item) => item === kind || query.kinds.includes(item)) : query.kinds.filter((item) => item !== kind) });

  return (
    <form class="note-filters" role="search" aria-label={t('notes:filtersLabel')} onSubmit={(event) => event.preventDefault()}>
      <div class="field note-filter-text">
        <label for="notes-q">{t('notes:text')}</label>
        <input id="notes-q" type="search" autoComplete="off" spellcheck={false} value={query.text} aria-describedby="notes-q-hint" onInput={(event) => onChange({ ...query, text: event.currentTarget.value }, 'typing')} />
        <p id="notes-q-hint" class="muted field-hint">
          {t('notes:textHint')}
        </p>
      </div>
      <fieldset class="note-filter-kinds">
        <legend>{t('notes:kinds')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} class="checkbox">
            <input type="checkbox" checked={query.kinds.includes(kind)} onChange={(event) => toggleKind(kind, event.currentTarget.checked)} />
            <span>{kindLabel(t, kind)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="notes-tag">{t('notes:tag')}</label>
        <select id="notes-tag" value={query.tagId ?? ''} onChange={(event) => set({ tagId: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
          <option value="">{t('notes:anyTag')}</option>
          <TagOptions index={index} language={language} />
        </select>
      </div>
      <div class="field">
        <label for="notes-institution">{t('notes:institution')}</label>
        <select id="notes-institution" value={query.institutionId ?? ''} onChange={(event) => set({ institutionId: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
          <option value="">{t('notes:anyInstitution')}</option>
          {institutions.map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="notes-interview">{t('notes:interview')}</label>
        <select id="notes-interview" value={query.interviewId ?? ''} onChange={(event) => set({ interviewId: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
          <option value="">{t('notes:anyInterview')}</option>
          {interviews.map((interview) => (
            <option key={interview.id} value={interview.id}>
              {`${institutionName.get(interview.institutionId) ?? ''}, ${formatIsoDate(interview.date, format.date)}`}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button" onClick={onClear}>
        {t('notes:clear')}
      </button>
    </form>
  );
}

/**
 * Every sub-topic and indicator of the framework, by pillar: some hundred options, the same while
 * the framework and language are, so a keystroke in the words field does not diff them again.
 */
const TagOptions = memo(function TagOptions({ index }: { readonly index: FrameworkIndex | undefined; readonly language: string }) {
  const { text } = useTranslation();
  return (
    <>
      {index?.framework.pillars.map((pillar) => (
        <optgroup key={pillar.id} label={`${pillar.code} ${text(pillar.name)}`}>
          {pillar.subTopics.flatMap((subTopic) => [
            <option key={subTopic.id} value={subTopic.id}>{`${subTopic.code} ${text(subTopic.name)}`}</option>,
            ...subTopic.indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>{`\u00a0\u00a0${indicator.code} ${text(indicator.label)}`}</option>
            )),
          ])}
        </optgroup>
      ))}
    </>
  );
});
