/**
 * The interview screen: details and consent, the note stream with its composer, and the guiding
 * questions for this stakeholder. Used live for 60–90 minutes with no network, so: every edit is
 * autosaved, typing re-renders only the composer, and nothing typed is ever only in memory for
 * longer than the autosave debounce.
 *
 * Layout: on a wide screen (the screen's own width, not the window's: the shell's navigation takes
 * its share) the guiding questions are a column beside the notes; on a tablet they are a drawer
 * opened from the notes' toolbar, so the notes keep the full width.
 */
import { useComputed } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EMPTY_NOTE_QUERY, formatNoteQuery } from '../../../core/search/noteQuery';
import { formatRoute } from '../../routing/route';
import type { AssessmentSession } from '../../session/assessmentSession';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { parseShortcut, trackShortcutKeys } from './composerShortcuts';
import { formatIsoDate } from './formatIsoDate';
import { GuidingQuestions } from './GuidingQuestions';
import { InterviewContext, type InterviewContextValue } from './InterviewContext';
import { InterviewDetails } from './InterviewDetails';
import { createInterviewModel, type InterviewModel } from './interviewModel';
import { createInterviewWrites } from './interviewWrites';
import { NoteComposer } from './NoteComposer';
import { NoteList } from './NoteList';
import { ShortcutHelp } from './ShortcutHelp';
import { UndoBar } from './UndoBar';
import { useFocusNote } from './useFocusNote';
import { WhoAmI } from './WhoAmI';
import './interview.css';

/** Below this width of the screen itself, the guiding questions move into a drawer. */
const WIDE_MIN_PX = 960;
const ANNOUNCE_CLEAR_MS = 50;
/** Room between a note scrolled into view and the sticky composer. */
const SCROLL_GAP_PX = 16;

export function InterviewScreen({ assessmentId, interviewId, noteId }: { assessmentId: string; interviewId: string; noteId?: string | undefined }) {
  const { t } = useTranslation();
  const shell = useShell();
  const session = shell.session.value;
  if (!session || session.assessmentId !== assessmentId) {
    return (
      <div class="interview-screen">
        <h2>{t('interview:title')}</h2>
        <p role="status">{t('interview:loading')}</p>
      </div>
    );
  }
  // Keyed: another interview or assessment gets a fresh model, composer and drafts.
  return <InterviewWithSession key={`${assessmentId}/${interviewId}`} session={session} interviewId={interviewId} noteId={noteId} />;
}

function InterviewWithSession({ session, interviewId, noteId }: { readonly session: AssessmentSession; readonly interviewId: string; readonly noteId: string | undefined }) {
  const { t } = useTranslation();
  const shell = useShell();
  const model = useMemo(() => createInterviewModel(session, interviewId), [session, interviewId]);
  useEffect(() => () => model.dispose(), [model]);
  const announcer = useRef<HTMLParagraphElement>(null);

  const context = useMemo<InterviewContextValue>(() => {
    let undoCounter = 0;
    return {
      model,
      writes: createInterviewWrites(session),
      autosave: shell.autosave,
      notify: shell.notify,
      offerUndo: (message, undo) => {
        undoCounter += 1;
        model.undo.value = { id: undoCounter, message, undo };
      },
      announce: (message) => {
        const region = announcer.current;
        if (!region) return;
        // Emptied first, so the same message twice ("Note saved") is announced twice.
        region.textContent = '';
        setTimeout(() => {
          region.textContent = message;
        }, ANNOUNCE_CLEAR_MS);
      },
    };
  }, [model, session, shell]);

  const loaded = useComputed(() => session.data.value !== null).value;
  const index = model.index.value;
  const interview = model.interview.value;

  let body;
  if (!loaded) body = <p role="status">{t('interview:loading')}</p>;
  else if (!index) body = <p class="field-error">{t('interview:frameworkMissing')}</p>;
  else if (!interview) {
    body = (
      <div class="interview-missing">
        <p>{t('interview:notFound')}</p>
        <a href={formatRoute({ screen: 'interviews', assessmentId: session.assessmentId })}>{t('interview:backToList')}</a>
      </div>
    );
  } else body = <InterviewBody model={model} noteId={noteId} />;

  return (
    <InterviewContext.Provider value={context}>
      <div class="interview-screen">
        {(!loaded || !index || !interview) && <h2>{t('interview:title')}</h2>}
        {body}
        <p ref={announcer} class="visually-hidden" role="status" aria-live="polite" />
      </div>
    </InterviewContext.Provider>
  );
}

function InterviewBody({ model, noteId }: { readonly model: InterviewModel; readonly noteId: string | undefined }) {
  const { t, format } = useTranslation();
  const interview = model.interview.value;
  const institution = model.institution.value;
  const index = model.index.value;
  const me = model.session.me.value;
  const rootRef = useRef<HTMLDivElement>(null);
  const composerSlot = useRef<HTMLDivElement>(null);
  const drawerRef = useRef<HTMLDialogElement>(null);
  const drawerOpener = useRef<HTMLButtonElement>(null);
  /** Set when the drawer closes because a sub-topic was chosen: focus goes to the note then. */
  const focusComposerOnClose = useRef(false);
  const [wide, setWide] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  /** On a wide screen the questions can be folded away, giving the notes the whole width. */
  const [guideHidden, setGuideHidden] = useState(false);
  const showGuideRef = useRef<HTMLButtonElement>(null);
  const hideGuideRef = useRef<HTMLButtonElement>(null);
  const [help, setHelp] = useState(false);
  const guidePainted = useAfterFirstPaint();
  // Open while nothing has been noted yet (setting up), folded once the conversation is under way.
  const [detailsOpen, setDetailsOpen] = useState(() => model.notes.peek().length === 0);

  // The layout follows the screen's own width (ResizeObserver), not the window's.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => setWide(root.getBoundingClientRect().width >= WIDE_MIN_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  // The sticky composer covers the bottom of the window: scrolling (a note brought into view, a
  // focused button) must stop above it. scroll-padding on the document does that for every kind
  // of scrolling, and, not being inherited, changing it re-styles nothing else.
  useLayoutEffect(() => {
    const slot = composerSlot.current;
    const scroller = document.documentElement;
    if (!slot || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      scroller.style.scrollPaddingBottom = `${Math.ceil(slot.getBoundingClientRect().height) + SCROLL_GAP_PX}px`;
    });
    observer.observe(slot);
    return () => {
      observer.disconnect();
      scroller.style.removeProperty('scroll-padding-bottom');
    };
  }, [me === undefined]);

  useEffect(() => {
    const dialog = drawerRef.current;
    if (!dialog) return;
    if (drawerOpen && !dialog.open) dialog.showModal();
    if (!drawerOpen && dialog.open) dialog.close();
  }, [drawerOpen, wide]);

  useFocusNote(model, noteId);
  const trackKeys = useMemo(() => trackShortcutKeys(index?.trackIds ?? []), [index]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const action = parseShortcut(event, { levelCount: index?.levelIds.length ?? 0, trackKeys });
    if (!action) return;
    event.preventDefault();
    if (action.type === 'help') {
      setHelp((open) => !open);
      return;
    }
    model.composer.current?.apply(action);
  };

  if (!interview || !index) return null;
  const guide = (headingId: string, onChosen?: () => void) => <GuidingQuestions headingId={headingId} onChosen={onChosen} />;
  const title = institution ? t('interview:heading', { institution: institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name }) : t('interview:title');

  return (
    <div ref={rootRef} class={wide && !guideHidden ? 'interview-layout is-wide' : 'interview-layout'} onKeyDown={onKeyDown}>
      <div class="interview-main">
        <header class="interview-header">
          <p class="interview-back">
            <a href={formatRoute({ screen: 'interviews', assessmentId: model.session.assessmentId })}>{t('interview:backToList')}</a>
          </p>
          <h2>{title}</h2>
          <p class="interview-when muted">{formatIsoDate(interview.date, format.date)}</p>
        </header>
        <InterviewDetails interview={interview} expanded={detailsOpen} onToggle={() => setDetailsOpen((open) => !open)} />
        <section class="notes" aria-labelledby="notes-heading">
          <div class="notes-bar">
            <h3 id="notes-heading">{t('interview:notes.heading')}</h3>
            <NotesCount model={model} />
            <a class="notes-search-link" href={formatRoute({ screen: 'notes', assessmentId: model.session.assessmentId, search: formatNoteQuery({ ...EMPTY_NOTE_QUERY, interviewId: model.interviewId }) })}>
              {t('notes:fromInterview')}
            </a>
            {!wide && (
              <button ref={drawerOpener} type="button" class="iv-button" aria-haspopup="dialog" onClick={() => setDrawerOpen(true)}>
                {t('interview:guide.open')}
              </button>
            )}
            {wide && guideHidden && (
              <button
                ref={showGuideRef}
                type="button"
                class="iv-button"
                aria-expanded="false"
                aria-controls="interview-guide"
                onClick={() => {
                  setGuideHidden(false);
                  requestAnimationFrame(() => hideGuideRef.current?.focus());
                }}
              >
                {t('interview:guide.show')}
              </button>
            )}
          </div>
          <NoteList />
          <div ref={composerSlot} class="composer-slot">
            <UndoBar />
            {help && <ShortcutHelp onClose={() => setHelp(false)} />}
            {me ? <NoteComposer onToggleHelp={() => setHelp((open) => !open)} /> : <WhoAmI />}
          </div>
        </section>
      </div>
      {wide ? (
        !guideHidden && (
          <aside id="interview-guide" class="interview-guide" aria-labelledby="guide-heading">
            <button
              ref={hideGuideRef}
              type="button"
              class="iv-button iv-button-quiet iv-button-small guide-hide"
              aria-expanded="true"
              aria-controls="interview-guide"
              onClick={() => {
                setGuideHidden(true);
                requestAnimationFrame(() => showGuideRef.current?.focus());
              }}
            >
              {t('interview:guide.hide')}
            </button>
            {guidePainted && guide('guide-heading')}
          </aside>
        )
      ) : (
        <dialog
          ref={drawerRef}
          class="guide-drawer"
          aria-labelledby="guide-drawer-heading"
          onClose={() => {
            setDrawerOpen(false);
            // The dialog has given focus back to its opener by now; after a choice, the note wants it.
            if (focusComposerOnClose.current) model.composer.current?.focus();
            focusComposerOnClose.current = false;
          }}
        >
          <div class="guide-drawer-bar">
            <button type="button" class="iv-button" onClick={() => setDrawerOpen(false)}>
              {t('interview:guide.close')}
            </button>
          </div>
          {drawerOpen &&
            guide('guide-drawer-heading', () => {
              focusComposerOnClose.current = true;
              setDrawerOpen(false);
            })}
        </dialog>
      )}
    </div>
  );
}

/**
 * False for the screen's first render, true once that has been painted (a task queued from the
 * next animation frame). On a cold start the side column of guiding questions (every sub-topic of
 * the institution's pillars, with its questions and counts) waits for it: the notes and the note
 * box come first. Its column keeps its width meanwhile, so nothing moves when it fills.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** Its own component so a new note re-renders the count, not the screen. */
function NotesCount({ model }: { readonly model: InterviewModel }) {
  const { t } = useTranslation();
  const draftId = model.draftId.value;
  const count = model.notes.value.length - (draftId !== null && model.noteIds.value.has(draftId) ? 1 : 0);
  return <p class="notes-count muted">{t('interview:notes.count', { count: Math.max(0, count) })}</p>;
}
