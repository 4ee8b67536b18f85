/**
 * Inline editing of one of my notes: text, kind, tags and tracks, suggested level, source and
 * attachments, each autosaved on its own key (text after the debounce, the rest at once). Enter or
 * Escape (or Done) closes the editor and writes what is pending; Shift+Enter is a new line. The
 * composer's Alt shortcuts for kind, level, tracks, tag and source act here while it has focus.
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { Observation, ObservationKind, ObservationTag } from '../../../core/assessment/observationSchema';
import type { RecordInputOf } from '../../../core/assessment/recordSchemas';
import { useTranslation } from '../../useTranslation';
import { AttachButtons, type AttachButtonsHandle } from './AttachButtons';
import { AttachmentView } from './AttachmentView';
import { ariaShortcut, composerKey, dispatchShortcut, parseShortcut, SHORTCUT_CODES, trackShortcutKeys, type TrackChoice } from './composerShortcuts';
import { useInterview } from './InterviewContext';
import { choiceOfTracks, tracksOfChoice, useKindOptions, useLevelOptions, useTrackOptions } from './noteOptions';
import { NoteSourceField } from './NoteSourceField';
import { tagsOnTracks, withoutTag, withTag } from './noteTags';
import { SegmentedChoice } from './SegmentedChoice';
import { SpeakerSelect } from './SpeakerSelect';
import { TagChips, tagKey, type TagRef } from './TagChips';
import { TagPicker } from './TagPicker';
import { useAutosavedField } from './useAutosavedField';
import type { RecordWriter } from '../../session/assessmentSession';

interface NoteEditorProps {
  readonly note: Observation;
  readonly attachments: readonly Attachment[];
}

export function NoteEditor({ note, attachments }: NoteEditorProps) {
  const { t } = useTranslation();
  const { model, writes, autosave, announce } = useInterview();
  const index = model.index.value;
  const writer = model.session.writer;
  const idBase = `edit-${note.id}`;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const attachRef = useRef<AttachButtonsHandle>(null);
  const { keyOf, save, text, source, kind, level, speaker, tags } = useNoteFields(note, writer);
  const trackIds = index?.trackIds ?? [];
  const tracks = choiceOfTracks(tags.value[0]?.trackIds ?? trackIds, trackIds);
  const withTracks = (list: readonly TagRef[], choice: TrackChoice): ObservationTag[] => tagsOnTracks(list, tracksOfChoice(choice, trackIds));
  const taggedIds = useMemo(() => new Set(tags.value.map(tagKey)), [tags.value]);

  const addTag = (tag: TagRef) => {
    const added = withTag(tags.value, tag);
    if (added) tags.onChange(withTracks(added, tracks));
  };

  const close = () => {
    void autosave.flush(keyOf('text'));
    void autosave.flush(keyOf('source'));
    model.editingId.value = null;
    // Back to the note box: whatever ended the edit (Enter, Escape, Done), the next thing typed is
    // the next note, never lost on a button.
    requestAnimationFrame(() => model.composer.current?.focus());
  };

  useLayoutEffect(() => {
    const area = textRef.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const kindOptions = useKindOptions();
  const trackOptions = useTrackOptions(index);
  const levelOptions = useLevelOptions(index);
  const trackKeys = useMemo(() => trackShortcutKeys(trackIds), [trackIds]);

  // The composer's shortcut dispatch, on this note's fields; recording, keeping tags and help are
  // the composer's and bubble to the screen.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    const action = parseShortcut(event, { levelCount: index?.levelIds.length ?? 0, trackKeys });
    if (!action) return;
    const handled = dispatchShortcut(
      action,
      {
        kind: kind.onChange,
        level: level.onChange,
        currentLevel: () => level.value,
        tracks: (choice) => tags.onChange(withTracks(tags.value, choice)),
        tag: () => tagInputRef.current?.focus(),
        source: () => sourceRef.current?.focus(),
        photo: () => attachRef.current?.photo(),
        file: () => attachRef.current?.file(),
      },
      index?.levelIds ?? [],
    );
    if (!handled) return;
    event.preventDefault();
    event.stopPropagation();
  };

  const attachFiles = async (files: readonly File[]) => {
    let ids = note.attachmentIds;
    for (const file of files) {
      const result = await writes.attach(note.id, ids, file, file.name);
      if (result.ok) {
        ids = [...ids, result.value.id];
        announce(t('interview:attachments.added', { name: file.name }));
      }
    }
  };

  const removeAttachment = async (attachment: Attachment) => {
    const result = await writer.remove('attachment', attachment.id);
    if (result.ok) void save({ attachmentIds: note.attachmentIds.filter((id) => id !== attachment.id) });
  };

  return (
    <div class="note-editor" role="group" aria-labelledby={`${idBase}-label`} onKeyDown={onKeyDown}>
      <p id={`${idBase}-label`} class="note-editor-label">
        {t('interview:notes.editing')}
      </p>
      <label for={`${idBase}-text`} class="visually-hidden">
        {t('interview:composer.textLabel')}
      </label>
      <textarea
        ref={textRef}
        id={`${idBase}-text`}
        class="composer-text"
        value={text.value}
        onInput={(event) => text.onChange(event.currentTarget.value)}
        onFocus={text.onFocus}
        onBlur={text.onBlur}
        onKeyDown={(event) => {
          // The composer's keys: Enter (not Shift+Enter, not confirming an IME composition) ends the edit.
          if (composerKey(event, false) === 'save') {
            event.preventDefault();
            close();
          }
        }}
      />
      <div class="composer-tag-row">
        <TagChips index={index} tags={tags.value} onRemove={(tag) => tags.onChange(withoutTag(tags.value, tag))} />
        <TagPicker
          id={`${idBase}-tags`}
          label={t('interview:tags.label')}
          inputRef={tagInputRef}
          taggedIds={taggedIds}
          onPick={(candidate) => addTag({ subTopicId: candidate.subTopicId, indicatorId: candidate.indicatorId })}
          shortcut={ariaShortcut(SHORTCUT_CODES.tag)}
        />
      </div>
      <div class="composer-controls">
        <SegmentedChoice name={`${idBase}-kind`} legend={t('interview:kind.legend')} options={kindOptions} value={kind.value} onChange={kind.onChange} />
        <SegmentedChoice name={`${idBase}-tracks`} legend={t('interview:tracks.legend')} options={trackOptions} value={tracks} onChange={(choice) => tags.onChange(withTracks(tags.value, choice))} />
        <div class="field field-inline">
          <label for={`${idBase}-level`}>{t('interview:level.label')}</label>
          <select id={`${idBase}-level`} value={level.value ?? ''} onChange={(event) => level.onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
            <option value="">{t('interview:level.none')}</option>
            {levelOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.text}
              </option>
            ))}
          </select>
        </div>
        <SpeakerSelect id={`${idBase}-speaker`} value={speaker.value} onChange={speaker.onChange} />
        <AttachButtons ref={attachRef} idBase={idBase} onFiles={(files) => void attachFiles(files)} />
        <button type="button" class="iv-button iv-button-primary" onClick={close}>
          {t('interview:notes.done')}
        </button>
      </div>
      <NoteSourceField id={`${idBase}-source`} inputRef={sourceRef} value={source.value} onValue={source.onChange} onFocus={source.onFocus} onBlur={source.onBlur} />
      {attachments.length > 0 && (
        <ul class="attachments" aria-label={t('interview:attachments.ofNote')}>
          {attachments.map((attachment) => (
            <AttachmentView key={attachment.id} attachment={attachment} onRemove={(item) => void removeAttachment(item)} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Each field of the note autosaved on its own key: text and source after the debounce, the rest at once. */
function useNoteFields(note: Observation, writer: RecordWriter) {
  const keyOf = (field: string) => `observation:${note.id}:${field}`;
  const save = (patch: Partial<RecordInputOf<'observation'>>) => writer.update('observation', note.id, patch);

  const text = useAutosavedField({ key: keyOf('text'), stored: note.text, save: (value: string) => save({ text: value }) });
  const source = useAutosavedField({ key: keyOf('source'), stored: note.source ?? '', save: (value: string) => save({ source: value.trim() === '' ? null : value.trim() }) });
  const kind = useAutosavedField({ key: keyOf('kind'), stored: note.kind, save: (value: ObservationKind) => save({ kind: value }), immediate: true });
  const level = useAutosavedField({
    key: keyOf('suggestedLevel'),
    stored: note.suggestedLevel,
    save: (value: string | null) => save({ suggestedLevel: value }),
    immediate: true,
  });
  const speaker = useAutosavedField({
    key: keyOf('intervieweeId'),
    stored: note.intervieweeId ?? null,
    save: (value: string | null) => save({ intervieweeId: value }),
    immediate: true,
  });
  const tags = useAutosavedField({
    key: keyOf('tags'),
    stored: note.tags,
    save: (value: readonly ObservationTag[]) => save({ tags: value.map((tag) => ({ ...tag, trackIds: [...tag.trackIds] })) }),
    immediate: true,
  });

  return { keyOf, save, text, source, kind, level, speaker, tags };
}
