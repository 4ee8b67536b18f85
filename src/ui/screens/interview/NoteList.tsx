/**
 * The notes of the interview, oldest first, newest just above the composer. Keyed by observation
 * id; every row is memoised and gets the same record object while its record is unchanged
 * (interviewModel + shared/structuralSharing), so a re-render of the list compares props and renders only the
 * rows that changed. The list does not re-render at all while a note is typed (the draft is not in
 * `listedNotes`) or when one is submitted (pending notes are their own component).
 *
 * ARIA list semantics on divs: the chunks are role="none", so assistive technology sees one list
 * of notes, which HTML's <ol>/<li> could not express with the chunk wrappers in between.
 *
 * Notes submitted but not yet stored follow the stored ones, marked "saving" (once the write has
 * taken longer than the blink of an eye), or "not saved" with a retry: what was typed stays on
 * screen whatever the disk says. A note of mine the stored list takes over is brought into view.
 */
import { memo } from 'preact/compat';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { Observation } from '../../../core/assessment/observationSchema';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';
import type { SubmittedNote } from './interviewModel';
import { kindLabel } from './noteOptions';
import { NoteRow } from './NoteRow';
import { createListStabilizer } from '../../shared/structuralSharing';

const NO_ATTACHMENTS: readonly Attachment[] = [];

/**
 * Notes are rendered in chunks of CHUNK_SIZE, each `content-visibility: auto`: the browser then
 * lays out about 40 boxes plus the chunks on screen instead of 2,000 rows whenever anything on the
 * page moves (a note appended, the composer growing), and a chunk whose notes did not change is
 * not even re-rendered.
 */
export const CHUNK_SIZE = 50;

export function NoteList() {
  const { t, format } = useTranslation();
  const { model } = useInterview();
  const notes = model.listedNotes.value;
  const editingId = model.editingId.value;
  const names = model.assessorNames.value;
  const attachments = model.attachmentsByNote.value;
  const me = model.session.me.value?.id;
  // One function per language (rows are memoised on it): "08:29", a 24-hour clock in hy and ru.
  const formatTime = useMemo(() => (value: Date) => format.time(value), [format]);
  const chunkOf = useMemo(() => createChunker(), []);
  const chunks = chunkOf(notes);

  // Opening an interview under way shows its latest notes, just above the composer.
  const endRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (model.listedNotes.peek().length > 0) endRef.current?.scrollIntoView({ block: 'end' });
  }, []);
  // The note I just saved, listed without a "saving" row before it, is scrolled to as that row was.
  const listedSubmission = model.listedSubmission.value;
  const listRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (listedSubmission === null) return;
    listRef.current?.querySelector(`[data-note-id="${CSS.escape(listedSubmission)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [listedSubmission]);

  return (
    <>
      <NotesEmpty />
      <div ref={listRef} class="note-list" role="list" aria-label={t('interview:notes.listLabel')}>
        {chunks.map((chunk, position) => (
          <NoteChunk
            key={position}
            notes={chunk}
            attachments={attachments}
            names={names}
            me={me}
            editingId={editingId !== null && chunk.some((note) => note.id === editingId) ? editingId : null}
            formatTime={formatTime}
          />
        ))}
        <PendingNotes />
      </div>
      <div ref={endRef} class="note-list-end" aria-hidden="true" />
    </>
  );
}

/** Splits the list into chunks, each the same array as before while its notes are the same. */
function createChunker(): (notes: readonly Observation[]) => readonly (readonly Observation[])[] {
  const stabilizers: Array<(next: readonly Observation[]) => readonly Observation[]> = [];
  return (notes) => {
    const chunks: (readonly Observation[])[] = [];
    for (let start = 0, position = 0; start < notes.length; start += CHUNK_SIZE, position++) {
      let stabilize = stabilizers[position];
      if (!stabilize) {
        stabilize = createListStabilizer<Observation>();
        stabilizers[position] = stabilize;
      }
      chunks.push(stabilize(notes.slice(start, start + CHUNK_SIZE)));
    }
    stabilizers.length = chunks.length;
    return chunks;
  };
}

interface NoteChunkProps {
  readonly notes: readonly Observation[];
  readonly attachments: ReadonlyMap<string, readonly Attachment[]>;
  readonly names: ReadonlyMap<string, string>;
  readonly me: string | undefined;
  /** The note being edited if it is in this chunk, else null (so other chunks keep their props). */
  readonly editingId: string | null;
  readonly formatTime: (value: Date) => string;
}

const NoteChunk = memo(function NoteChunk({ notes, attachments, names, me, editingId, formatTime }: NoteChunkProps) {
  const { t } = useTranslation();
  return (
    <div class="note-chunk" role="none">
      {notes.map((note) => (
        <NoteRow
          key={note.id}
          note={note}
          attachments={attachments.get(note.id) ?? NO_ATTACHMENTS}
          authorName={names.get(note.authorId) ?? t('interview:notes.unknownAuthor')}
          mine={note.authorId === me}
          editing={note.id === editingId}
          formatTime={formatTime}
        />
      ))}
    </div>
  );
});

function NotesEmpty() {
  const { t } = useTranslation();
  const { model } = useInterview();
  if (model.listedNotes.value.length > 0 || model.submitted.value.length > 0) return null;
  return <p class="notes-empty">{t('interview:notes.empty')}</p>;
}

/** Submitted notes until the stored list has them; a new one is scrolled into view. */
function PendingNotes() {
  const { model } = useInterview();
  const submitted = model.submitted.value;
  const noteIds = model.noteIds.value;
  const pending = submitted.filter((entry) => {
    const id = entry.observationId.value;
    return entry.shown.value && (entry.status.value !== 'saved' || id === null || !noteIds.has(id));
  });
  const lastRef = useRef<HTMLDivElement>(null);
  const lastKey = pending[pending.length - 1]?.key;
  useLayoutEffect(() => {
    if (lastKey !== undefined) lastRef.current?.scrollIntoView({ block: 'nearest' });
  }, [lastKey]);
  return (
    <>
      {pending.map((entry) => (
        <SubmittedRow key={entry.key} entry={entry} rowRef={entry.key === lastKey ? lastRef : undefined} />
      ))}
    </>
  );
}

const SubmittedRow = memo(function SubmittedRow({ entry, rowRef }: { readonly entry: SubmittedNote; readonly rowRef: { current: HTMLDivElement | null } | undefined }) {
  const { t } = useTranslation();
  const { autosave } = useInterview();
  const failed = entry.status.value === 'failed';
  return (
    <div ref={rowRef} role="listitem" class={`note-row kind-${entry.kind} is-pending${failed ? ' is-failed' : ''}`}>
      <div class="note-head">
        <p class="note-meta">
          <span class={`note-kind note-kind-${entry.kind}`}>{kindLabel(t, entry.kind)}</span>
          <span class={failed ? 'note-status field-error' : 'note-status muted'}>{failed ? t('interview:notes.notSaved') : t('interview:notes.saving')}</span>
        </p>
        {failed && (
          <div class="note-actions">
            <button type="button" class="iv-button iv-button-small" onClick={() => void autosave.flush(entry.key)}>
              {t('interview:notes.retry')}
            </button>
          </div>
        )}
      </div>
      <p class="note-text">{entry.text}</p>
    </div>
  );
});
