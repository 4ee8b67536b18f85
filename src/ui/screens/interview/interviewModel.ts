/**
 * The interview screen's state, built once per (session, interview): derived views of the session's
 * data (this interview, its notes, their attachments, coverage) and the screen's own UI state (the
 * note being typed, notes on their way to storage, the row being edited, the undo offer).
 *
 * Every derived view is a `computed` passed through a stabiliser, so a storage snapshot that
 * changed one note hands every other row the very same objects: memoised rows then skip their
 * render, and typing in the composer (which writes every AUTOSAVE_DEBOUNCE_MS) never re-renders
 * the 2,000 notes above it.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { Institution } from '../../../core/assessment/institutionSchema';
import type { Interview } from '../../../core/assessment/interviewSchema';
import type { Interviewee } from '../../../core/assessment/intervieweeSchema';
import type { Observation } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { AssessmentData, AssessmentSession } from '../../session/assessmentSession';
import { compareNotes } from './compareNotes';
import type { ComposerAction } from './composerShortcuts';
import { notesPerSubTopic, relevantPillars } from './guidingCoverage';
import { buildTagCandidates, type TagCandidate } from './matchTags';
import { createGroupStabilizer, createListStabilizer, createValueStabilizer } from '../../shared/structuralSharing';

/** What a submitted note carries until storage has it (and the list shows the stored record). */
export interface SubmittedNote {
  /** The autosave key of its writes. */
  readonly key: string;
  readonly text: string;
  readonly kind: Observation['kind'];
  /** Set when the record was created (read at render time; see `status`). */
  readonly observationId: Signal<string | null>;
  /** Of the latest write: the entry leaves once 'saved' and the stored list has the note. */
  readonly status: Signal<'saving' | 'saved' | 'failed'>;
  /**
   * Whether the list draws it: not while a write that is still within the blink of an eye
   * (draftNote's SAVING_SHOWN_AFTER_MS) is under way, so a note stored that quickly is listed
   * directly, without a "saving" row flashing for a frame first and the page laid out and painted
   * twice for one note; from then on, or as soon as its write failed, it is drawn.
   */
  readonly shown: Signal<boolean>;
}

export interface UndoOffer {
  readonly id: number;
  /** Already translated. */
  readonly message: string;
  readonly undo: () => void;
}

/** What other parts of the screen ask of the composer. */
export interface ComposerHandle {
  addTag(subTopicId: string, indicatorId?: string): void;
  focus(): void;
  apply(action: ComposerAction): void;
}

export interface InterviewModel {
  readonly session: AssessmentSession;
  readonly interviewId: string;
  readonly data: ReadonlySignal<AssessmentData | null>;
  readonly index: ReadonlySignal<FrameworkIndex | undefined>;
  readonly interview: ReadonlySignal<Interview | undefined>;
  readonly institutions: ReadonlySignal<readonly Institution[]>;
  readonly institution: ReadonlySignal<Institution | undefined>;
  readonly assessors: ReadonlySignal<readonly Assessor[]>;
  readonly assessorNames: ReadonlySignal<ReadonlyMap<string, string>>;
  readonly interviewees: ReadonlySignal<readonly Interviewee[]>;
  /** This interview's live notes, oldest first. */
  readonly notes: ReadonlySignal<readonly Observation[]>;
  /**
   * The notes the list shows: all but the one being typed in the composer. The same array while
   * only that draft changes, so its autosaves never re-render the list.
   */
  readonly listedNotes: ReadonlySignal<readonly Observation[]>;
  readonly noteIds: ReadonlySignal<ReadonlySet<string>>;
  readonly attachmentsByNote: ReadonlySignal<ReadonlyMap<string, readonly Attachment[]>>;
  readonly coverageInInterview: ReadonlySignal<ReadonlyMap<string, number>>;
  readonly coverageInAssessment: ReadonlySignal<ReadonlyMap<string, number>>;
  /** Sub-topics and indicators I tagged most recently in this interview, newest first. */
  readonly recentTagIds: ReadonlySignal<readonly string[]>;
  /** Everything a note can be tagged with, for the type-ahead. */
  readonly tagCandidates: ReadonlySignal<readonly TagCandidate[]>;
  /** Offered when the tag field is empty: the sub-topics of the institution's pillars. */
  readonly suggestedTagIds: ReadonlySignal<readonly string[]>;

  /** The stored record of the note in the composer, once created: the list leaves it out. */
  readonly draftId: Signal<string | null>;
  readonly submitted: Signal<readonly SubmittedNote[]>;
  /** The note last taken over by the stored list from `submitted` (mine, just saved): shown in view. */
  readonly listedSubmission: ReadonlySignal<string | null>;
  readonly editingId: Signal<string | null>;
  readonly undo: Signal<UndoOffer | null>;
  readonly composer: { current: ComposerHandle | null };
  /** Stops the model's effects (on unmount). */
  dispose(): void;
}

const NO_ATTACHMENTS: readonly Attachment[] = [];
const RECENT_TAGS = 5;

export function noAttachments(): readonly Attachment[] {
  return NO_ATTACHMENTS;
}

export function createInterviewModel(session: AssessmentSession, interviewId: string): InterviewModel {
  const data = session.data;
  const stableInterview = createValueStabilizer<Interview | undefined>();
  const stableInstitutions = createListStabilizer<Institution>();
  const stableAssessors = createListStabilizer<Assessor>();
  const stableInterviewees = createListStabilizer<Interviewee>();
  const stableNotes = createListStabilizer<Observation>();
  const stableAttachments = createGroupStabilizer<Attachment>();
  const stableNames = createValueStabilizer<ReadonlyMap<string, string>>();
  const stableInInterview = createValueStabilizer<ReadonlyMap<string, number>>();
  const stableInAssessment = createValueStabilizer<ReadonlyMap<string, number>>();
  const stableRecent = createValueStabilizer<readonly string[]>();

  const interview = computed(() => stableInterview(data.value?.interviews.find((candidate) => candidate.id === interviewId && !candidate.deleted)));
  const institutions = computed(() => stableInstitutions((data.value?.institutions ?? []).filter((candidate) => !candidate.deleted)));
  const institution = computed(() => {
    const id = interview.value?.institutionId;
    return id === undefined ? undefined : institutions.value.find((candidate) => candidate.id === id);
  });
  const assessors = computed(() => stableAssessors((data.value?.assessors ?? []).filter((candidate) => !candidate.deleted)));
  // Names of every assessor, deleted ones included: their notes stay and still need an author.
  const assessorNames = computed(() => stableNames(new Map((data.value?.assessors ?? []).map((assessor) => [assessor.id, assessor.name] as const))));
  const interviewees = computed(() =>
    stableInterviewees((data.value?.interviewees ?? []).filter((candidate) => candidate.interviewId === interviewId && !candidate.deleted)),
  );
  const notes = computed(() =>
    stableNotes(
      (data.value?.observations ?? [])
        .filter((observation) => observation.interviewId === interviewId && !observation.deleted)
        .sort(compareNotes),
    ),
  );
  const noteIds = computed(() => new Set(notes.value.map((note) => note.id)));
  const attachmentsByNote = computed(() => {
    const groups = new Map<string, Attachment[]>();
    const ids = noteIds.value;
    for (const attachment of data.value?.attachments ?? []) {
      if (attachment.deleted || attachment.observationId === null || !ids.has(attachment.observationId)) continue;
      const group = groups.get(attachment.observationId);
      if (group) group.push(attachment);
      else groups.set(attachment.observationId, [attachment]);
    }
    return stableAttachments(groups);
  });
  const coverageInInterview = computed(() => stableInInterview(notesPerSubTopic(notes.value, session.index.value?.subTopicOfIndicator)));
  const coverageInAssessment = computed(() =>
    stableInAssessment(notesPerSubTopic(data.value?.observations ?? [], session.index.value?.subTopicOfIndicator)),
  );
  const recentTagIds = computed(() => {
    const me = session.me.value?.id;
    const recent: string[] = [];
    const list = notes.value;
    for (let i = list.length - 1; i >= 0 && recent.length < RECENT_TAGS; i--) {
      const note = list[i];
      if (!note || note.authorId !== me) continue;
      for (const tag of note.tags) {
        const id = tag.indicatorId ?? tag.subTopicId;
        if (!recent.includes(id)) recent.push(id);
      }
    }
    return stableRecent(recent.slice(0, RECENT_TAGS));
  });

  const tagCandidates = computed(() => {
    const index = session.index.value;
    return index === undefined ? [] : buildTagCandidates(index);
  });
  const stableSuggested = createValueStabilizer<readonly string[]>();
  const suggestedTagIds = computed(() => {
    const index = session.index.value;
    if (index === undefined) return stableSuggested([]);
    const { pillars } = relevantPillars(index, institution.value?.relevantPillarIds);
    return stableSuggested(pillars.flatMap((pillar) => pillar.subTopics.map((subTopic) => subTopic.id)));
  });

  const draftId = signal<string | null>(null);
  const stableListed = createListStabilizer<Observation>();
  const listedNotes = computed(() => {
    const id = draftId.value;
    return stableListed(id === null ? notes.value : notes.value.filter((note) => note.id !== id));
  });
  const submitted = signal<readonly SubmittedNote[]>([]);
  const listedSubmission = signal<string | null>(null);
  const editingId = signal<string | null>(null);
  const undo = signal<UndoOffer | null>(null);

  // A submitted note leaves the "on its way" list as soon as the stored list has it.
  const stopPruning = effect(() => {
    const ids = noteIds.value;
    const pending = submitted.value;
    if (pending.length === 0) return;
    let listed: string | null = null;
    const remaining = pending.filter((entry) => {
      const id = entry.observationId.value;
      const waiting = entry.status.value !== 'saved' || id === null || !ids.has(id);
      if (!waiting) listed = id;
      return waiting;
    });
    if (remaining.length !== pending.length) {
      submitted.value = remaining;
      listedSubmission.value = listed;
    }
  });

  return {
    session,
    interviewId,
    data,
    index: session.index,
    interview,
    institutions,
    institution,
    assessors,
    assessorNames,
    interviewees,
    notes,
    listedNotes,
    noteIds,
    attachmentsByNote,
    coverageInInterview,
    coverageInAssessment,
    recentTagIds,
    tagCandidates,
    suggestedTagIds,
    draftId,
    submitted,
    listedSubmission,
    editingId,
    undo,
    composer: { current: null },
    dispose: stopPruning,
  };
}
