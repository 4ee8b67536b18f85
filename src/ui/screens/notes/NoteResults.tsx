/**
 * The notes found, a page at a time (rendering thousands of rows per keystroke is what would make
 * typing slow, not the search), each with where it came from and a link to it in its interview.
 */
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { Observation } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { NoteQuery } from '../../../core/search/noteQuery';
import { formatRoute } from '../../routing/route';
import type { AssessmentData } from '../../session/assessmentSession';
import { useTranslation } from '../../useTranslation';
import { formatIsoDate } from '../interview/formatIsoDate';
import { kindLabel } from '../interview/noteOptions';

export const RESULTS_PAGE = 100;

interface NoteResultsProps {
  readonly data: AssessmentData;
  readonly index: FrameworkIndex | undefined;
  readonly found: readonly Observation[];
  readonly query: NoteQuery;
}

export function NoteResults({ data, index, found, query }: NoteResultsProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(RESULTS_PAGE);
  // A new query starts again from the first page.
  useEffect(() => setShown(RESULTS_PAGE), [query]);
  const interviewById = new Map(data.interviews.map((item) => [item.id, item] as const));
  const institutionName = new Map(data.institutions.map((item) => [item.id, item.name] as const));
  const speakerName = new Map(data.interviewees.map((item) => [item.id, item.name] as const));
  const authorName = new Map(data.assessors.map((item) => [item.id, item.name] as const));
  const page = found.slice(0, shown);

  return (
    <section class="note-results" aria-labelledby="notes-results-heading">
      <h3 id="notes-results-heading" class="visually-hidden">
        {t('notes:results')}
      </h3>
      <p class="notes-found" role="status">
        {found.length === 0 ? t('notes:none') : t('notes:found', { count: found.length })}
      </p>
      <ol class="note-results-list">
        {page.map((note) => {
          const interview = note.interviewId === null ? undefined : interviewById.get(note.interviewId);
          return (
            <ResultRow
              key={note.id}
              note={note}
              assessmentId={data.assessment.id}
              where={interview ? (institutionName.get(interview.institutionId) ?? '') : t('notes:deskResearch')}
              date={interview?.date ?? note.createdAt.slice(0, 10)}
              author={authorName.get(note.authorId) ?? ''}
              speaker={note.intervieweeId ? speakerName.get(note.intervieweeId) : undefined}
              tagCodes={note.tags.map((tag) => (tag.indicatorId ? index?.indicatorById.get(tag.indicatorId)?.code : index?.subTopicById.get(tag.subTopicId)?.code) ?? tag.subTopicId).join(', ')}
            />
          );
        })}
      </ol>
      {found.length > shown && (
        <button type="button" class="button" onClick={() => setShown((count) => count + RESULTS_PAGE)}>
          {t('notes:showMore', { count: Math.min(RESULTS_PAGE, found.length - shown) })}
        </button>
      )}
    </section>
  );
}

interface ResultRowProps {
  readonly note: Observation;
  readonly assessmentId: string;
  readonly where: string;
  readonly date: string;
  readonly author: string;
  readonly speaker: string | undefined;
  readonly tagCodes: string;
}

const ResultRow = memo(function ResultRow({ note, assessmentId, where, date, author, speaker, tagCodes }: ResultRowProps) {
  const { t, format } = useTranslation();
  return (
    <li class={`note-result kind-${note.kind}`}>
      <p class="note-meta">
        <span class={`note-kind note-kind-${note.kind}`}>{kindLabel(t, note.kind)}</span> <span>{where}</span> <span class="muted">{formatIsoDate(date, format.date)}</span>{' '}
        <span class="muted">{author}</span>
        {speaker !== undefined && <span class="note-speaker"> {t('notes:saidBy', { name: speaker })}</span>}
        {tagCodes !== '' && <span class="muted"> {tagCodes}</span>}
      </p>
      {note.kind === 'quote' ? <blockquote class="note-text">{note.text}</blockquote> : <p class="note-text">{note.text}</p>}
      {note.interviewId !== null && (
        <a href={formatRoute({ screen: 'interview', assessmentId, interviewId: note.interviewId, noteId: note.id })}>
          {t('notes:open')}
          <span class="visually-hidden">{`: ${note.text.slice(0, 60)}`}</span>
        </a>
      )}
    </li>
  );
});
