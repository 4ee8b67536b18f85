/**
 * One note of the list. Memoised: its props are the stored record (the same object while the
 * record is unchanged, see shared/structuralSharing.ts), its attachments (same array while unchanged), and a
 * few strings and flags, so a new note or an edit elsewhere skips this row entirely.
 *
 * Notes belong to their author: only my notes get Edit and Delete. Text is rendered as text
 * (Preact escapes it); a source is a link only when it is an http(s) URL.
 */
import { memo } from 'preact/compat';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { Observation } from '../../../core/assessment/observationSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { AttachmentView } from './AttachmentView';
import { ConfidentialBadge, ConfidentialToggle } from './ConfidentialToggle';
import { useInterview } from './InterviewContext';
import { kindLabel } from './noteOptions';
import { NoteEditor } from './NoteEditor';
import { sourceHref } from './sourceLink';
import { TagChips } from './TagChips';

interface NoteRowProps {
  readonly note: Observation;
  readonly attachments: readonly Attachment[];
  readonly authorName: string;
  readonly mine: boolean;
  readonly editing: boolean;
  /** Time of day in the interface language (one formatter for the whole list). */
  readonly formatTime: (value: Date) => string;
}

export const NoteRow = memo(function NoteRow({ note, attachments, authorName, mine, editing, formatTime }: NoteRowProps) {
  const { t, text } = useTranslation();
  const { model, offerUndo } = useInterview();
  const index = model.index.value;
  const level = note.suggestedLevel === null ? undefined : index?.framework.levels.find((candidate) => candidate.id === note.suggestedLevel);
  const created = new Date(note.createdAt);
  const trackIds = note.tags[0]?.trackIds ?? [];
  const allTracks = index !== undefined && trackIds.length === index.trackIds.length;
  const trackNames =
    index === undefined || trackIds.length === 0 || allTracks
      ? undefined
      : trackIds.map((trackId) => {
          const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
          return track ? text(track.name) : trackId;
        });

  if (editing && mine) {
    return (
      <div role="listitem" class={`note-row kind-${note.kind} is-editing`} data-note-id={note.id}>
        <NoteEditor note={note} attachments={attachments} />
      </div>
    );
  }

  const remove = async () => {
    const result = await model.session.writer.remove('observation', note.id);
    if (!result.ok) return;
    model.composer.current?.focus();
    offerUndo(t('interview:notes.deleted'), () => {
      void model.session.writer.update('observation', note.id, { deleted: false });
    });
  };

  const href = note.source ? sourceHref(note.source) : undefined;
  // Read only for a note with a speaker, so other rows do not follow the interviewees list.
  const speaker = note.intervieweeId ? model.interviewees.value.find((person) => person.id === note.intervieweeId) : undefined;
  return (
    <div role="listitem" class={`note-row kind-${note.kind}`} data-note-id={note.id}>
      <div class="note-head">
        <p class="note-meta">
          <span class={`note-kind note-kind-${note.kind}`}>{kindLabel(t, note.kind)}</span>
          <span class="note-author">{authorName}</span>
          <time dateTime={note.createdAt}>{Number.isNaN(created.getTime()) ? '' : formatTime(created)}</time>
          {speaker && <span class="note-speaker">{t('notes:saidBy', { name: speaker.name })}</span>}
          <ConfidentialBadge note={note} />
          {level && (
            <span class="note-level">
              {t('interview:notes.suggests')} <FrameworkText value={level.name} />
            </span>
          )}
        </p>
        {mine && (
          <div class="note-actions">
            <ConfidentialToggle note={note} writer={model.session.writer} />
            <button type="button" class="iv-button iv-button-quiet iv-button-small" onClick={() => (model.editingId.value = note.id)}>
              {t('interview:notes.edit')}
              <span class="visually-hidden"> {t('interview:notes.editWhich', { time: formatTime(created) })}</span>
            </button>
            <button type="button" class="iv-button iv-button-quiet iv-button-small" onClick={() => void remove()}>
              {t('interview:notes.delete')}
              <span class="visually-hidden"> {t('interview:notes.editWhich', { time: formatTime(created) })}</span>
            </button>
          </div>
        )}
      </div>
      {note.kind === 'quote' ? (
        <blockquote class="note-text">{note.text}</blockquote>
      ) : (
        <p class="note-text">{note.text === '' ? <span class="muted">{t('interview:notes.noText')}</span> : note.text}</p>
      )}
      {note.source && (
        <p class="note-source">
          {t('interview:source.shown')}{' '}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {note.source}
            </a>
          ) : (
            note.source
          )}
        </p>
      )}
      <TagChips index={index} tags={note.tags} trackNote={trackNames ? t('interview:tracks.only', { tracks: trackNames.join(', ') }) : undefined} />
      {attachments.length > 0 && (
        <ul class="attachments" aria-label={t('interview:attachments.ofNote')}>
          {attachments.map((attachment) => (
            <AttachmentView key={attachment.id} attachment={attachment} />
          ))}
        </ul>
      )}
    </div>
  );
});
