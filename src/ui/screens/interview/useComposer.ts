/**
 * The composer's wiring: its fields, the text box (uncontrolled: a keystroke changes no state of
 * ours but the empty/not-empty flag, so nothing re-renders while typing), the draft's lifecycle
 * (draftNote.ts, which decides what storage gets) and the tag field's round trip. The component
 * (NoteComposer.tsx) only draws what this holds.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ObservationKind } from '../../../core/assessment/observationSchema';
import { useTranslation } from '../../useTranslation';
import { dispatchShortcut, type ComposerAction, type TrackChoice } from './composerShortcuts';
import { createDraftNote, type DraftContent } from './draftNote';
import { useInterview } from './InterviewContext';
import { choiceOfTracks, tracksOfChoice } from './noteOptions';
import { tagsOnTracks, withoutTag, withTag } from './noteTags';
import type { TagRef } from './TagChips';
import { useTagRoundTrip } from './useTagRoundTrip';

export interface ComposerFields {
  readonly kind: ObservationKind;
  readonly tags: readonly TagRef[];
  readonly tracks: TrackChoice;
  readonly level: string | null;
  readonly source: string;
  readonly showSource: boolean;
  readonly keepTags: boolean;
  /** Who said it; per note, like kind, level and source. */
  readonly intervieweeId: string | null;
}

/** What the composer's buttons and keys reach beyond its fields (files, recording, help). */
export interface ComposerOutlets {
  readonly photo: () => void;
  readonly file: () => void;
  readonly record: () => void;
  readonly help: () => void;
  /** Something was done that a screen reader should hear (already translated). */
  readonly describe: (action: ComposerAction, fields: ComposerFields) => void;
}

export function useComposer(outlets: ComposerOutlets) {
  const { t } = useTranslation();
  const { model, writes, autosave, announce } = useInterview();
  const session = model.session;
  const index = model.index.value;
  const [, setRenderCount] = useState(0);
  const rerender = () => setRenderCount((count) => count + 1);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const focusSourceNext = useRef(false);
  const emptyRef = useRef(true);

  const draft = useMemo(
    () =>
      createDraftNote({ writer: session.writer, autosave, attach: writes.attach, assessmentId: session.assessmentId, interviewId: model.interviewId, authorId: () => session.me.peek()?.id, draftId: model.draftId, submitted: model.submitted }),
    [],
  );
  // Tracks start as in my last note of this interview ("the last used"), else all tracks.
  const fields = useRef<ComposerFields>(
    useMemo(() => {
      const me = session.me.peek()?.id;
      const mine = model.notes.peek().filter((note) => note.authorId === me && note.tags.length > 0);
      const last = mine[mine.length - 1];
      const tracks = last && index ? choiceOfTracks(last.tags[0]?.trackIds ?? [], index.trackIds) : 'all';
      return { kind: 'note', tags: [], tracks, level: null, source: '', showSource: false, keepTags: false, intervieweeId: null };
    }, []),
  );

  const content = (): DraftContent => {
    const current = fields.current;
    return {
      text: textRef.current?.value ?? '',
      kind: current.kind,
      tags: tagsOnTracks(current.tags, index ? tracksOfChoice(current.tracks, index.trackIds) : []),
      suggestedLevel: current.level,
      source: current.source.trim(),
      intervieweeId: current.intervieweeId,
    };
  };
  const setFields = (patch: Partial<ComposerFields>, save = true) => {
    fields.current = { ...fields.current, ...patch };
    rerender();
    if (save) draft.changed(content());
  };
  const focusText = (caret?: number) => {
    const area = textRef.current;
    if (!area) return;
    area.focus();
    if (caret !== undefined) area.setSelectionRange(caret, caret);
  };
  const hasFocus = () => rootRef.current?.contains(document.activeElement) ?? false;
  const addTag = (tag: TagRef) => {
    const tags = withTag(fields.current.tags, tag);
    if (tags) setFields({ tags });
  };
  const removeTag = (tag: TagRef) => setFields({ tags: withoutTag(fields.current.tags, tag) });
  const onTextChanged = () => {
    const empty = (textRef.current?.value ?? '') === '';
    if (empty !== emptyRef.current) {
      emptyRef.current = empty;
      rerender();
    }
    draft.changed(content());
  };
  const tagField = useTagRoundTrip({ textRef, focusText, onTextChanged, onPicked: (tag) => addTag(tag) });
  const { openTags } = tagField;

  const submit = () => {
    if (!session.me.peek()) return;
    const entry = draft.submit(content());
    if (entry === 'empty') {
      announce(t('interview:composer.empty'));
      return;
    }
    if (textRef.current) textRef.current.value = '';
    emptyRef.current = true;
    // Tracks carry over (the last used); tags only when pinned; kind, level, source, speaker per note.
    const current = fields.current;
    fields.current = { ...current, kind: 'note', level: null, source: '', showSource: false, intervieweeId: null, tags: current.keepTags ? current.tags : [] };
    rerender();
    announce(t('interview:composer.saved'));
  };
  const editLast = () => {
    const me = session.me.peek()?.id;
    const list = model.notes.peek();
    for (let i = list.length - 1; i >= 0; i--) {
      const note = list[i];
      if (note && note.authorId === me && note.id !== model.draftId.peek()) {
        model.editingId.value = note.id;
        return;
      }
    }
  };
  const attach = async (items: readonly { readonly blob: Blob; readonly name: string }[]) => {
    if (!session.me.peek()) return;
    for (const name of await draft.attach(items, content())) announce(t('interview:attachments.added', { name }));
  };

  const apply = (action: ComposerAction) => {
    const handled = dispatchShortcut(
      action,
      {
        kind: (kind) => {
          setFields({ kind, showSource: fields.current.showSource || kind === 'evidence' });
          if (!hasFocus()) focusText();
        },
        level: (level) => setFields({ level }),
        currentLevel: () => fields.current.level,
        tracks: (tracks) => setFields({ tracks }),
        tag: () => openTags('shortcut'),
        source: () => {
          focusSourceNext.current = true;
          setFields({ showSource: true }, false);
        },
        photo: outlets.photo,
        file: outlets.file,
        record: outlets.record,
        keepTags: () => setFields({ keepTags: !fields.current.keepTags }, false),
        help: outlets.help,
      },
      index?.levelIds ?? [],
    );
    if (handled) outlets.describe(action, fields.current);
  };

  // The handle other parts of the screen use (guiding questions, the screen's shortcut handler).
  model.composer.current = { addTag: (subTopicId, indicatorId) => addTag({ subTopicId, indicatorId }), focus: () => focusText(), apply };
  useEffect(
    () => () => {
      model.composer.current = null;
      // Leaving the screen: write what is pending now; an erased draft is removed.
      void draft.leave(content());
    },
    [],
  );

  return {
    draft,
    fields: fields.current,
    empty: emptyRef.current,
    refs: { textRef, tagInputRef: tagField.inputRef, sourceRef, rootRef },
    focusSourceNext,
    hasFocus,
    setFields,
    focusText,
    removeTag,
    openTags,
    onTextChanged,
    onTagPicked: tagField.onPicked,
    onTagExit: tagField.onExit,
    submit,
    editLast,
    attach,
    apply,
  };
}

export type Composer = ReturnType<typeof useComposer>;
