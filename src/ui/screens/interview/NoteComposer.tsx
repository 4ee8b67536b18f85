/**
 * The note composer: where the note-taker types, all through the interview.
 *
 * It sits at the bottom of the note stream, sticky to the bottom of the screen, like a chat: the
 * newest note is always just above it, so eyes move one line, not the whole list, and the
 * composer stays in reach when scrolling back through earlier notes.
 *
 * Speed and safety:
 * - The text lives in the textarea itself (uncontrolled); a keystroke changes no state of ours
 *   except, when the field goes from empty to not empty or back, one flag. Nothing outside this
 *   component re-renders while typing.
 * - Each input schedules an autosave for the draft: the first write creates the observation, the
 *   next ones update it, so a crash loses at most AUTOSAVE_DEBOUNCE_MS of typing. The writes of one
 *   draft share one autosave key, so they run one at a time, in order, and a create is never
 *   doubled.
 * - Enter submits: the last text is written at once, the note joins the list as "saving" until
 *   storage has it (or says why it could not, and keeps it on screen), and a new draft starts.
 */
import { batch, signal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { ObservationKind, ObservationTag } from '../../../core/assessment/observationSchema';
import { ok, type Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import { SaveIndicator } from '../../shell/SaveIndicator';
import { useTranslation } from '../../useTranslation';
import { AttachButtons, type AttachButtonsHandle } from './AttachButtons';
import { AttachmentView } from './AttachmentView';
import { AudioRecorder, type AudioRecorderHandle } from './AudioRecorder';
import { audioAllowed } from './consentRules';
import { ariaShortcut, composerKey, nextLevelOf, SHORTCUT_CODES, startsTag, type ComposerAction, type TrackChoice } from './composerShortcuts';
import { useInterview } from './InterviewContext';
import type { SubmittedNote } from './interviewModel';
import type { TagCandidate } from './matchTags';
import { ChoiceSelect } from './ChoiceSelect';
import { SegmentedChoice } from './SegmentedChoice';
import { TagChips, tagKey, type TagRef } from './TagChips';
import { TagPicker, type TagPickerExit } from './TagPicker';
import { useKindOptions, useLevelOptions, useTrackOptions, tracksOfChoice, choiceOfTracks, levelOfRank } from './noteOptions';
import { NoteSourceField } from './NoteSourceField';
import { tagsOnTracks, withoutTag, withTag } from './noteTags';

interface ComposerFields {
  kind: ObservationKind;
  tags: TagRef[];
  tracks: TrackChoice;
  level: string | null;
  source: string;
  showSource: boolean;
  keepTags: boolean;
}

/** One note in the making. Mutable on purpose: writes read it when they run, not when scheduled. */
interface Draft {
  readonly key: string;
  readonly createdAt: string;
  observationId: string | null;
  attachmentIds: readonly string[];
  uploads: number;
  /** The list entry once submitted; its status follows the draft's writes. */
  entry: SubmittedNote | null;
}

interface Snapshot {
  readonly text: string;
  readonly kind: ObservationKind;
  readonly tags: readonly ObservationTag[];
  readonly suggestedLevel: string | null;
  readonly source: string;
}

/** Where the tag field was opened from, so focus goes back there after a pick. */
type TagOrigin = { readonly from: 'hash' | 'shortcut'; readonly caret: number } | null;

export function NoteComposer({ onToggleHelp }: { readonly onToggleHelp: () => void }) {
  const { t } = useTranslation();
  const { model, writes, autosave, notify, announce } = useInterview();
  const session = model.session;
  const index = model.index.value;
  const interview = model.interview.value;
  const me = session.me.value;
  const [, setRenderCount] = useState(0);
  const rerender = () => setRenderCount((count) => count + 1);

  const textRef = useRef<HTMLTextAreaElement>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const attachRef = useRef<AttachButtonsHandle>(null);
  const recorderRef = useRef<AudioRecorderHandle>(null);
  const tagOrigin = useRef<TagOrigin>(null);
  const focusSourceNext = useRef(false);
  const emptyRef = useRef(true);
  const draftCounter = useRef(0);

  // Tracks start as in my last note of this interview ("the last used"), else all tracks.
  const initialTracks = useMemo(() => {
    const mine = model.notes.peek().filter((note) => note.authorId === me?.id && note.tags.length > 0);
    const last = mine[mine.length - 1];
    return last && index ? choiceOfTracks(last.tags[0]?.trackIds ?? [], index.trackIds) : 'all';
  }, []);
  const fields = useRef<ComposerFields>({ kind: 'note', tags: [], tracks: initialTracks, level: null, source: '', showSource: false, keepTags: false });

  const newDraft = (): Draft => {
    draftCounter.current += 1;
    return {
      key: `interview:${model.interviewId}:draft:${Date.now().toString(36)}-${draftCounter.current}`,
      createdAt: new Date().toISOString(),
      observationId: null,
      attachmentIds: [],
      uploads: 0,
      entry: null,
    };
  };
  const draftRef = useRef<Draft | null>(null);
  if (draftRef.current === null) draftRef.current = newDraft();
  const draft = draftRef.current;

  const snapshot = (): Snapshot => {
    const current = fields.current;
    const trackIds = index ? tracksOfChoice(current.tracks, index.trackIds) : [];
    return {
      text: textRef.current?.value ?? '',
      kind: current.kind,
      tags: tagsOnTracks(current.tags, trackIds),
      suggestedLevel: current.level,
      source: current.source.trim(),
    };
  };

  /** The draft's one write: create on first call, update after. Runs inside autosave, in order. */
  const persist = async (target: Draft, snap: Snapshot, force = false): Promise<Result<unknown, StorageFailure>> => {
    const author = session.me.peek();
    let result: Result<unknown, StorageFailure>;
    if (target.observationId === null) {
      // Typed and erased before the first write: nothing to create.
      if (!force && snap.text.trim() === '' && target.attachmentIds.length === 0) return ok(undefined);
      if (!author) return ok(undefined);
      const created = await session.writer.create('observation', {
          assessmentId: session.assessmentId,
          interviewId: model.interviewId,
          authorId: author.id,
          kind: snap.kind,
          text: snap.text,
          ...(snap.source !== '' ? { source: snap.source } : {}),
          tags: snap.tags.map((tag) => ({ ...tag, trackIds: [...tag.trackIds] })),
          suggestedLevel: snap.suggestedLevel,
          attachmentIds: [],
          createdAt: target.createdAt,
          deleted: false,
        });
      if (created.ok) {
        target.observationId = created.value.id;
        if (draftRef.current === target) model.draftId.value = created.value.id;
        if (target.entry) target.entry.observationId.value = created.value.id;
      }
      result = created;
    } else if (!force && target.entry === null && snap.text.trim() === '' && target.attachmentIds.length === 0 && target.uploads === 0) {
      // Everything typed was erased: the half-made note goes, so a crash now leaves no empty note;
      // typing again creates a new one.
      const id = target.observationId;
      result = await session.writer.remove('observation', id);
      if (result.ok && target.observationId === id) {
        target.observationId = null;
        if (draftRef.current === target) model.draftId.value = null;
      }
    } else {
      result = await session.writer.update('observation', target.observationId, {
          text: snap.text,
          kind: snap.kind,
          source: snap.source === '' ? null : snap.source,
          tags: snap.tags.map((tag) => ({ ...tag, trackIds: [...tag.trackIds] })),
          suggestedLevel: snap.suggestedLevel,
        });
    }
    if (target.entry) target.entry.status.value = result.ok ? 'saved' : 'failed';
    return result;
  };

  const scheduleDraft = () => {
    const target = draftRef.current;
    if (!target) return;
    const snap = snapshot();
    autosave.schedule(target.key, () => persist(target, snap));
  };

  const setFields = (patch: Partial<ComposerFields>, save = true) => {
    fields.current = { ...fields.current, ...patch };
    rerender();
    if (save) scheduleDraft();
  };

  const focusText = (caret?: number) => {
    const area = textRef.current;
    if (!area) return;
    area.focus();
    if (caret !== undefined) area.setSelectionRange(caret, caret);
  };

  const addTag = (tag: TagRef) => {
    const tags = withTag(fields.current.tags, tag);
    if (tags) setFields({ tags });
  };

  const removeTag = (tag: TagRef) => {
    setFields({ tags: withoutTag(fields.current.tags, tag) });
  };

  const openTags = (from: 'hash' | 'shortcut') => {
    const area = textRef.current;
    tagOrigin.current = { from, caret: area?.selectionStart ?? area?.value.length ?? 0 };
    tagInputRef.current?.focus();
  };

  const onTagPicked = (candidate: TagCandidate) => {
    addTag({ subTopicId: candidate.subTopicId, indicatorId: candidate.indicatorId });
    const origin = tagOrigin.current;
    tagOrigin.current = null;
    announce(t('interview:tags.added', { code: candidate.code }));
    if (origin) focusText(origin.caret);
  };

  const onTagExit = (reason: TagPickerExit, query: string): boolean => {
    const origin = tagOrigin.current;
    if (!origin) {
      if (reason === 'escape') {
        focusText();
        return true;
      }
      return false;
    }
    tagOrigin.current = null;
    const area = textRef.current;
    if (area && origin.from === 'hash' && reason === 'escape') {
      // "#" then Escape: the "#" (and whatever followed it) was text after all.
      const literal = `#${query}`;
      area.setRangeText(literal, origin.caret, origin.caret, 'end');
      onTextChanged();
      focusText(origin.caret + literal.length);
      return true;
    }
    focusText(origin.caret);
    return true;
  };

  const onTextChanged = () => {
    const empty = (textRef.current?.value ?? '') === '';
    if (empty !== emptyRef.current) {
      emptyRef.current = empty;
      rerender();
    }
    scheduleDraft();
  };

  const removeDraftIfEmpty = (target: Draft) => {
    if (target.observationId === null || target.attachmentIds.length > 0 || target.uploads > 0) return;
    const id = target.observationId;
    // After any write still queued for it, so the delete is the last word.
    autosave.schedule(target.key, () => session.writer.remove('observation', id));
    void autosave.flush(target.key);
  };

  const submit = () => {
    const target = draftRef.current;
    if (!target || !me) return;
    const snap = snapshot();
    const text = snap.text.trim();
    if (text === '' && target.attachmentIds.length === 0 && target.uploads === 0) {
      removeDraftIfEmpty(target);
      if (target.observationId !== null) resetDraft();
      announce(t('interview:composer.empty'));
      return;
    }
    const entry: SubmittedNote = { key: target.key, text, kind: snap.kind, observationId: signal(target.observationId), status: signal('saving') };
    target.entry = entry;
    const final = { ...snap, text };
    autosave.schedule(target.key, () => persist(target, final));
    batch(() => {
      model.submitted.value = [...model.submitted.value, entry];
      resetDraft();
    });
    void autosave.flush(target.key);
    announce(t('interview:composer.saved'));
  };

  const resetDraft = () => {
    const current = fields.current;
    draftRef.current = newDraft();
    model.draftId.value = null;
    if (textRef.current) textRef.current.value = '';
    emptyRef.current = true;
    // Tracks carry over (the last used); tags only when pinned; kind, level and source are per note.
    fields.current = { ...current, kind: 'note', level: null, source: '', showSource: false, tags: current.keepTags ? current.tags : [] };
    rerender();
  };

  /** The draft's record id, creating it (even without text) so a file can be linked to it. */
  const ensureObservation = async (target: Draft): Promise<string | null> => {
    if (target.observationId !== null) return target.observationId;
    const snap = snapshot();
    autosave.schedule(target.key, () => persist(target, snap, true));
    await autosave.flush(target.key);
    return target.observationId;
  };

  const attachBlobs = async (items: readonly { readonly blob: Blob; readonly name: string }[]) => {
    const target = draftRef.current;
    if (!target || !me) return;
    target.uploads += items.length;
    rerender();
    try {
      const observationId = await ensureObservation(target);
      if (observationId === null) return;
      for (const item of items) {
        const result = await writes.attach(observationId, target.attachmentIds, item.blob, item.name);
        if (result.ok) {
          target.attachmentIds = [...target.attachmentIds, result.value.id];
          announce(t('interview:attachments.added', { name: item.name }));
        }
      }
    } finally {
      target.uploads -= items.length;
      rerender();
    }
  };

  const removeAttachment = async (attachment: Attachment) => {
    const target = draftRef.current;
    if (!target || target.observationId === null) return;
    const result = await session.writer.remove('attachment', attachment.id);
    if (!result.ok) return;
    target.attachmentIds = target.attachmentIds.filter((id) => id !== attachment.id);
    void session.writer.update('observation', target.observationId, { attachmentIds: [...target.attachmentIds] });
    rerender();
  };

  const editLast = () => {
    const list = model.notes.peek();
    for (let i = list.length - 1; i >= 0; i--) {
      const note = list[i];
      if (note && note.authorId === me?.id && note.id !== model.draftId.peek()) {
        model.editingId.value = note.id;
        return;
      }
    }
  };

  const levelIds = index?.levelIds ?? [];
  const apply = (action: ComposerAction) => {
    switch (action.type) {
      case 'kind':
        setFields({ kind: action.kind, showSource: fields.current.showSource || action.kind === 'evidence' });
        announce(t('interview:composer.kindSet', { kind: kindName(action.kind) }));
        if (!composerHasFocus()) focusText();
        return;
      case 'level': {
        const level = levelOfRank(action.rank, levelIds);
        setFields({ level });
        const name = level === null ? t('interview:level.none') : levelName(level);
        announce(t('interview:composer.levelSet', { level: name }));
        return;
      }
      case 'nextLevel': {
        const level = nextLevelOf(fields.current.level, levelIds);
        setFields({ level });
        announce(t('interview:composer.levelSet', { level: level === null ? t('interview:level.none') : levelName(level) }));
        return;
      }
      case 'tracks':
        setFields({ tracks: action.tracks });
        announce(t('interview:composer.tracksSet', { tracks: trackChoiceName(action.tracks) }));
        return;
      case 'tag':
        openTags('shortcut');
        return;
      case 'source':
        focusSourceNext.current = true;
        setFields({ showSource: true }, false);
        return;
      case 'photo':
        attachRef.current?.photo();
        return;
      case 'file':
        attachRef.current?.file();
        return;
      case 'record':
        recorderRef.current?.toggle();
        return;
      case 'keepTags':
        setFields({ keepTags: !fields.current.keepTags }, false);
        announce(fields.current.keepTags ? t('interview:composer.keepTagsOn') : t('interview:composer.keepTagsOff'));
        return;
      case 'help':
        onToggleHelp();
        return;
    }
  };

  const rootRef = useRef<HTMLElement>(null);
  const composerHasFocus = () => rootRef.current?.contains(document.activeElement) ?? false;

  // The handle other parts of the screen use (guiding questions, the screen's shortcut handler).
  model.composer.current = {
    addTag: (subTopicId, indicatorId) => addTag({ subTopicId, indicatorId }),
    focus: () => focusText(),
    apply,
  };
  useEffect(
    () => () => {
      model.composer.current = null;
      // Leaving the screen: write what is pending now; an erased draft is deleted.
      const target = draftRef.current;
      if (!target) return;
      if ((textRef.current?.value ?? '').trim() === '') removeDraftIfEmpty(target);
      else void autosave.flush(target.key);
    },
    [],
  );

  // The composer is what this screen is for: the cursor starts in it, and it is on screen (a new
  // interview's open details panel would otherwise leave it below the fold, typed into unseen).
  // While it has focus it stays in view: a screen still settling above it (the details panel, the
  // guiding questions, translations arriving) would otherwise push it back below the fold.
  useEffect(() => {
    const area = textRef.current;
    const root = rootRef.current;
    if (!area || !root) return undefined;
    area.focus({ preventScroll: true });
    keepInView(root);
    const screen = root.closest('.interview-layout');
    if (!screen || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (composerHasFocus()) keepInView(root);
    });
    observer.observe(screen);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (focusSourceNext.current && fields.current.showSource) {
      focusSourceNext.current = false;
      sourceRef.current?.focus();
    }
  });

  const kindOptions = useKindOptions();
  const trackOptions = useTrackOptions(index);
  const levelOptions = useLevelOptions(index);
  const kindName = (kind: ObservationKind) => kindOptions.find((option) => option.value === kind)?.text ?? kind;
  const levelName = (levelId: string) => levelOptions.find((option) => option.value === levelId)?.text ?? levelId;
  const trackChoiceName = (choice: TrackChoice) => trackOptions.find((option) => option.value === choice)?.text ?? choice;

  const current = fields.current;
  const consent = interview?.consent;
  const canRecord = consent !== undefined && audioAllowed(consent);
  const draftAttachments = draft.observationId !== null ? (model.attachmentsByNote.value.get(draft.observationId) ?? []) : [];
  const taggedIds = useMemo(() => new Set(current.tags.map(tagKey)), [current.tags]);
  const idBase = `composer-${model.interviewId}`;

  if (!index || !interview) return null;

  return (
    <section ref={rootRef} class={`note-composer kind-${current.kind}`} aria-labelledby={`${idBase}-heading`}>
      <h4 id={`${idBase}-heading`} class="visually-hidden">
        {t('interview:composer.heading')}
      </h4>
      <div class="composer-tag-row">
        <SegmentedChoice
          name={`${idBase}-kind`}
          legend={t('interview:kind.legend')}
          options={kindOptions}
          value={current.kind}
          onChange={(kind) => setFields({ kind, showSource: current.showSource || kind === 'evidence' })}
        />
        <TagChips index={index} tags={current.tags} onRemove={removeTag} />
        <TagPicker
          id={`${idBase}-tags`}
          label={t('interview:tags.label')}
          inputRef={tagInputRef}
          taggedIds={taggedIds}
          onPick={onTagPicked}
          onExit={onTagExit}
          shortcut={ariaShortcut(SHORTCUT_CODES.tag)}
        />
        <label class="checkbox keep-tags">
          <input type="checkbox" checked={current.keepTags} onChange={(event) => setFields({ keepTags: event.currentTarget.checked }, false)} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.keepTags)} />
          <span>{t('interview:composer.keepTags')}</span>
        </label>
      </div>
      <label for={`${idBase}-text`} class="visually-hidden">
        {t('interview:composer.textLabel')}
      </label>
      <textarea
        ref={textRef}
        id={`${idBase}-text`}
        class="composer-text"
        rows={2}
        placeholder={t('interview:composer.placeholder')}
        aria-describedby={`${idBase}-hint`}
        onInput={onTextChanged}
        onFocus={() => rootRef.current && keepInView(rootRef.current)}
        onBeforeInput={(event: InputEvent) => {
          // "#" at the start of a word opens the tag field (also from on-screen keyboards, which
          // send no usable keydown). Checked before insertion, so the "#" never enters the note.
          const area = event.currentTarget as HTMLTextAreaElement;
          if (event.inputType === 'insertText' && event.data === '#' && area.selectionStart === area.selectionEnd && startsTag(area.value, area.selectionStart)) {
            event.preventDefault();
            openTags('hash');
          }
        }}
        onKeyDown={(event) => {
          const action = composerKey(event, (event.currentTarget.value ?? '') === '');
          if (action === 'save') {
            event.preventDefault();
            submit();
          } else if (action === 'edit-last') {
            event.preventDefault();
            editLast();
          }
        }}
      />
      <div class="composer-controls">
        <ChoiceSelect
          id={`${idBase}-tracks`}
          label={t('interview:tracks.legend')}
          value={current.tracks}
          options={trackOptions}
          onChange={(tracks) => setFields({ tracks })}
        />
        <ChoiceSelect
          id={`${idBase}-level`}
          label={t('interview:level.label')}
          value={current.level ?? ''}
          options={[{ value: '', text: t('interview:level.none'), shortcut: ariaShortcut('Digit0') }, ...levelOptions]}
          onChange={(value) => setFields({ level: value === '' ? null : value })}
        />
        {!current.showSource && (
          <button type="button" class="iv-button iv-button-quiet" aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.source)} onClick={() => apply({ type: 'source' })}>
            {t('interview:source.add')}
          </button>
        )}
        <AttachButtons ref={attachRef} idBase={idBase} onFiles={(files) => void attachBlobs(files.map((file) => ({ blob: file, name: file.name })))} />
        <AudioRecorder
          ref={recorderRef}
          allowed={canRecord}
          disabledReason={{ short: t('interview:audio.needsConsentShort'), full: t('interview:audio.needsConsent') }}
          onRecorded={(blob, name) => void attachBlobs([{ blob, name }])}
          onError={(message) => notify('error', message)}
        />
        <button type="button" class="iv-button iv-button-primary composer-save" onClick={submit} aria-disabled={emptyRef.current && draft.attachmentIds.length === 0 ? 'true' : undefined}>
          {t('interview:composer.save')}
        </button>
      </div>
      {current.showSource && (
        <NoteSourceField
          id={`${idBase}-source`}
          inputRef={sourceRef}
          value={current.source}
          onValue={(source) => setFields({ source })}
          shortcut={ariaShortcut(SHORTCUT_CODES.source)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.isComposing) {
              event.preventDefault();
              focusText();
            }
          }}
        />
      )}
      {(draftAttachments.length > 0 || draft.uploads > 0) && (
        <ul class="attachments composer-attachments" aria-label={t('interview:attachments.ofDraft')}>
          {draftAttachments.map((attachment) => (
            <AttachmentView key={attachment.id} attachment={attachment} onRemove={(item) => void removeAttachment(item)} />
          ))}
          {draft.uploads > 0 && (
            <li class="attachment attachment-pending" role="status">
              {t('interview:attachments.saving', { count: draft.uploads })}
            </li>
          )}
        </ul>
      )}
      <div class="composer-foot">
        <SaveIndicator announce={false} class="composer-save-state" />
        <p id={`${idBase}-hint`} class="composer-hint">
          {t('interview:composer.hint')}{' '}
          <button type="button" class="link-button" onClick={onToggleHelp} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.help)}>
            {t('interview:shortcuts.show')}
          </button>
        </p>
      </div>
    </section>
  );
}

/** Room left between the note box and the window's edge when it is scrolled into view. */
const IN_VIEW_MARGIN_PX = 8;

/**
 * Brings the note box (the whole composer: text, options, Save, save state) fully into view,
 * moving the page as little as possible. The composer is sticky to the bottom of the notes
 * section, but while that section starts below the fold (a new interview, its details open)
 * sticking cannot lift it. Computed by hand rather than with scrollIntoView, which would honour
 * the document's scroll-padding (set to the composer's own height, for scrolling notes above it).
 */
function keepInView(element: HTMLElement): void {
  const box = element.getBoundingClientRect();
  const height = window.innerHeight;
  if (box.bottom > height) window.scrollBy({ top: Math.min(box.bottom - height + IN_VIEW_MARGIN_PX, box.top - IN_VIEW_MARGIN_PX), behavior: 'instant' });
  else if (box.top < 0) window.scrollBy({ top: box.top - IN_VIEW_MARGIN_PX, behavior: 'instant' });
}
