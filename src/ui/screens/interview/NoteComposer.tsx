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
 * - Each input schedules an autosave for the draft; what is written when (create, update, remove
 *   when erased, submit, files) is the draft's model, draftNote.ts, tested on its own; the
 *   component's state and handlers are useComposer.ts. This file only draws.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ObservationKind } from '../../../core/assessment/observationSchema';
import { SaveIndicator } from '../../shell/SaveIndicator';
import { useTranslation } from '../../useTranslation';
import { AttachButtons, type AttachButtonsHandle } from './AttachButtons';
import { AudioRecorder, type AudioRecorderHandle } from './AudioRecorder';
import { ChoiceSelect } from './ChoiceSelect';
import { ariaShortcut, composerKey, SHORTCUT_CODES, startsTag, type ComposerAction, type TrackChoice } from './composerShortcuts';
import { DraftAttachments } from './DraftAttachments';
import { useInterview } from './InterviewContext';
import { keepInView } from './keepInView';
import { useKindOptions, useLevelOptions, useTrackOptions } from './noteOptions';
import { NoteSourceField } from './NoteSourceField';
import { audioAllowed } from './consentRules';
import { SegmentedChoice } from './SegmentedChoice';
import { SpeakerSelect } from './SpeakerSelect';
import { TagChips, tagKey } from './TagChips';
import { TagPicker } from './TagPicker';
import { useComposer, type Composer, type ComposerFields } from './useComposer';

export function NoteComposer({ onToggleHelp }: { readonly onToggleHelp: () => void }) {
  const { t } = useTranslation();
  const { model, notify, announce } = useInterview();
  const attachRef = useRef<AttachButtonsHandle>(null);
  const recorderRef = useRef<AudioRecorderHandle>(null);
  const names = useNames();
  const composer = useComposer({
    photo: () => attachRef.current?.photo(),
    file: () => attachRef.current?.file(),
    record: () => recorderRef.current?.toggle(),
    help: onToggleHelp,
    describe: (action, fields) => {
      const message = describeAction(action, fields, names, t);
      if (message !== null) announce(message);
    },
  });
  const { fields, refs, draft } = composer;
  const view = draft.view.value;
  const index = model.index.value;
  const interview = model.interview.value;
  useComposerFocus(composer);

  if (!index || !interview) return null;
  const idBase = `composer-${model.interviewId}`;
  const consent = interview.consent;
  return (
    <section ref={refs.rootRef} class={`note-composer kind-${fields.kind}`} aria-labelledby={`${idBase}-heading`}>
      <h4 id={`${idBase}-heading`} class="visually-hidden">
        {t('interview:composer.heading')}
      </h4>
      <ComposerTagRow composer={composer} idBase={idBase} />
      <label for={`${idBase}-text`} class="visually-hidden">
        {t('interview:composer.textLabel')}
      </label>
      <textarea
        ref={refs.textRef}
        id={`${idBase}-text`}
        class="composer-text"
        rows={2}
        placeholder={t('interview:composer.placeholder')}
        aria-describedby={`${idBase}-hint`}
        onInput={composer.onTextChanged}
        onFocus={() => refs.rootRef.current && keepInView(refs.rootRef.current)}
        onBeforeInput={(event: InputEvent) => {
          // "#" at the start of a word opens the tag field (also from on-screen keyboards, which
          // send no usable keydown). Checked before insertion, so the "#" never enters the note.
          const area = event.currentTarget as HTMLTextAreaElement;
          if (event.inputType === 'insertText' && event.data === '#' && area.selectionStart === area.selectionEnd && startsTag(area.value, area.selectionStart)) {
            event.preventDefault();
            composer.openTags('hash');
          }
        }}
        onKeyDown={(event) => {
          const action = composerKey(event, (event.currentTarget.value ?? '') === '');
          if (action === null) return;
          event.preventDefault();
          if (action === 'save') composer.submit();
          else composer.editLast();
        }}
      />
      <div class="composer-controls">
        <ComposerChoices composer={composer} idBase={idBase} />
        <AttachButtons ref={attachRef} idBase={idBase} onFiles={(files) => void composer.attach(files.map((file) => ({ blob: file, name: file.name })))} />
        <AudioRecorder
          ref={recorderRef}
          allowed={consent !== undefined && audioAllowed(consent)}
          disabledReason={{ short: t('interview:audio.needsConsentShort'), full: t('interview:audio.needsConsent') }}
          onRecorded={(blob, name) => void composer.attach([{ blob, name }])}
          onError={(message) => notify('error', message)}
        />
        <button type="button" class="iv-button iv-button-primary composer-save" onClick={composer.submit} aria-disabled={composer.empty && view.attachmentIds.length === 0 ? 'true' : undefined}>
          {t('interview:composer.save')}
        </button>
      </div>
      {fields.showSource && (
        <NoteSourceField
          id={`${idBase}-source`}
          inputRef={refs.sourceRef}
          value={fields.source}
          onValue={(source) => composer.setFields({ source })}
          shortcut={ariaShortcut(SHORTCUT_CODES.source)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.isComposing) {
              event.preventDefault();
              composer.focusText();
            }
          }}
        />
      )}
      <DraftAttachments view={view} onRemove={(attachment) => void composer.draft.removeAttachment(attachment.id)} />
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

/** Kind, tags and the "keep tags" pin: what the note is about, above the text. */
function ComposerTagRow({ composer, idBase }: { readonly composer: Composer; readonly idBase: string }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const { fields } = composer;
  const kindOptions = useKindOptions();
  const taggedIds = useMemo(() => new Set(fields.tags.map(tagKey)), [fields.tags]);
  return (
    <div class="composer-tag-row">
      <SegmentedChoice
        name={`${idBase}-kind`}
        legend={t('interview:kind.legend')}
        options={kindOptions}
        value={fields.kind}
        onChange={(kind) => composer.setFields({ kind, showSource: fields.showSource || kind === 'evidence' })}
      />
      <TagChips index={model.index.value} tags={fields.tags} onRemove={composer.removeTag} />
      <TagPicker
        id={`${idBase}-tags`}
        label={t('interview:tags.label')}
        inputRef={composer.refs.tagInputRef}
        taggedIds={taggedIds}
        onPick={composer.onTagPicked}
        onExit={composer.onTagExit}
        shortcut={ariaShortcut(SHORTCUT_CODES.tag)}
      />
      <label class="checkbox keep-tags">
        <input type="checkbox" checked={fields.keepTags} onChange={(event) => composer.setFields({ keepTags: event.currentTarget.checked }, false)} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.keepTags)} />
        <span>{t('interview:composer.keepTags')}</span>
      </label>
    </div>
  );
}

/** Tracks, suggested level, who said it, and the source button. */
function ComposerChoices({ composer, idBase }: { readonly composer: Composer; readonly idBase: string }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const { fields } = composer;
  const index = model.index.value;
  const trackOptions = useTrackOptions(index);
  const levelOptions = useLevelOptions(index);
  return (
    <>
      <ChoiceSelect id={`${idBase}-tracks`} label={t('interview:tracks.legend')} value={fields.tracks} options={trackOptions} onChange={(tracks) => composer.setFields({ tracks })} />
      <ChoiceSelect
        id={`${idBase}-level`}
        label={t('interview:level.label')}
        value={fields.level ?? ''}
        options={[{ value: '', text: t('interview:level.none'), shortcut: ariaShortcut('Digit0') }, ...levelOptions]}
        onChange={(value) => composer.setFields({ level: value === '' ? null : value })}
      />
      <SpeakerSelect id={`${idBase}-speaker`} value={fields.intervieweeId} onChange={(intervieweeId) => composer.setFields({ intervieweeId })} />
      {!fields.showSource && (
        <button type="button" class="iv-button iv-button-quiet" aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.source)} onClick={() => composer.apply({ type: 'source' })}>
          {t('interview:source.add')}
        </button>
      )}
    </>
  );
}

/** Names of kinds, levels and track choices in the interface language, for announcements. */
function useNames() {
  const { model } = useInterview();
  const index = model.index.value;
  const kinds = useKindOptions();
  const tracks = useTrackOptions(index);
  const levels = useLevelOptions(index);
  const nameIn = <V extends string>(options: readonly { readonly value: V; readonly text: string }[], value: V) => options.find((option) => option.value === value)?.text ?? value;
  return {
    kind: (kind: ObservationKind) => nameIn(kinds, kind),
    level: (level: string) => nameIn(levels, level),
    tracks: (choice: TrackChoice) => nameIn(tracks, choice),
  };
}

function describeAction(action: ComposerAction, fields: ComposerFields, names: ReturnType<typeof useNames>, t: ReturnType<typeof useTranslation>['t']): string | null {
  switch (action.type) {
    case 'kind':
      return t('interview:composer.kindSet', { kind: names.kind(fields.kind) });
    case 'level':
    case 'nextLevel':
      return t('interview:composer.levelSet', { level: fields.level === null ? t('interview:level.none') : names.level(fields.level) });
    case 'tracks':
      return t('interview:composer.tracksSet', { tracks: names.tracks(fields.tracks) });
    case 'keepTags':
      return fields.keepTags ? t('interview:composer.keepTagsOn') : t('interview:composer.keepTagsOff');
    default:
      return null;
  }
}

/**
 * The composer is what this screen is for: the cursor starts in it, and it is on screen (a new
 * interview's open details panel would otherwise leave it below the fold, typed into unseen).
 * While it has focus it stays in view: a screen still settling above it (the details panel, the
 * guiding questions, translations arriving) would otherwise push it back below the fold.
 */
function useComposerFocus(composer: Composer): void {
  const { textRef, rootRef, sourceRef } = composer.refs;
  useEffect(() => {
    const area = textRef.current;
    const root = rootRef.current;
    if (!area || !root) return undefined;
    area.focus({ preventScroll: true });
    keepInView(root);
    const screen = root.closest('.interview-layout');
    if (!screen || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (composer.hasFocus()) keepInView(root);
    });
    observer.observe(screen);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (composer.focusSourceNext.current && composer.fields.showSource) {
      composer.focusSourceNext.current = false;
      sourceRef.current?.focus();
    }
  });
}
