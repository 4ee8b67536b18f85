/**
 * Builds the AssessmentSession of one open assessment from the storage layer's live query: `data`
 * follows every committed write (this tab or another), `index` is the assessment's framework (by id
 * AND version) among those installed, `estimate` is recomputed only when its inputs change, and
 * `me` is this device's assessor, remembered per assessment in local storage.
 *
 * The shell creates one when the route names an assessment and disposes it when the route leaves
 * it, so a watcher never outlives its screen.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { estimateAssessment } from '../../core/estimate/estimateAssessment';
import type { AssessmentEstimate } from '../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../core/framework/indexFramework';
import { watchAssessment, type AssessmentWatch, type MmdmaDatabase, type StorageFailure } from '../../storage';
import type { KeyValueStorage } from '../createAppState';
import { findFramework, type InstalledFramework } from '../shell/installedFrameworks';
import type { AssessmentData, AssessmentSession, RecordWriter } from './assessmentSession';
import { buildEstimateInput } from './buildEstimateInput';
import { meStorageKey, readMe, writeMe } from './meStorage';
import { toAssessmentData } from './toAssessmentData';

/**
 * - `loading`: the first read has not answered yet;
 * - `ready`: `data` holds the assessment;
 * - `missing`: there is no such assessment here (a stale link, or it was deleted, maybe in another tab);
 * - `failed`: the first read failed (the failure went to `onError`).
 */
export type SessionStatus = 'loading' | 'ready' | 'missing' | 'failed';

export interface ShellAssessmentSession extends AssessmentSession {
  readonly status: ReadonlySignal<SessionStatus>;
  readonly dispose: () => void;
}

export interface AssessmentSessionOptions {
  readonly db: MmdmaDatabase;
  readonly assessmentId: string;
  readonly frameworks: ReadonlySignal<readonly InstalledFramework[]>;
  readonly writer: RecordWriter;
  /** Where "me" is remembered (localStorage); omit to keep it for the session only. */
  readonly storage?: KeyValueStorage | undefined;
  /** Where to hear that another tab chose "me" (the `storage` event); omit outside the browser. */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
  readonly onError: (failure: StorageFailure) => void;
  /**
   * The interview the session is opened on, if it is opened on the interview screen: the first read
   * is then only what that screen shows, and the rest follows after its first paint.
   */
  readonly firstInterviewId?: string | undefined;
}

/** After the next frame has painted (a task queued from requestAnimationFrame); a task outside the browser. */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/**
 * The writer with each committed create or update shown at once: the record the write returns is
 * patched into the session's data (validated as a read row), instead of waiting for the read its
 * storage notice starts, which then only confirms it (an equal record changes nothing downstream).
 * A note is listed as soon as it is on disk, one read transaction sooner.
 */
function showingCommitted(writer: RecordWriter, apply: AssessmentWatch['applyCommitted']): RecordWriter {
  return {
    ...writer,
    async create(table, input) {
      const result = await writer.create(table, input);
      if (result.ok) apply(table, result.value);
      return result;
    },
    async update(table, id, patch) {
      const result = await writer.update(table, id, patch);
      if (result.ok) apply(table, result.value);
      return result;
    },
  };
}

export function createAssessmentSession(options: AssessmentSessionOptions): ShellAssessmentSession {
  const { db, assessmentId, frameworks, storage } = options;
  const data = signal<AssessmentData | null>(null);
  const status = signal<SessionStatus>('loading');
  const complete = signal(false);
  const meId = signal<string | undefined>(readMe(storage, assessmentId));

  const index = computed<FrameworkIndex | undefined>(() => {
    const assessment = data.value?.assessment;
    if (assessment === undefined) return undefined;
    return findFramework(frameworks.value, assessment.frameworkId, assessment.frameworkVersion)?.index;
  });

  // The estimate depends on four lists and the framework. Thanks to structural sharing those lists
  // keep their identity while unrelated records change (a title, an interviewee), so the estimator
  // runs only when ratings, evidence, consensus or interviews really changed.
  let lastInputs: readonly unknown[] = [];
  let lastEstimate: AssessmentEstimate | undefined;
  const estimate = computed<AssessmentEstimate | undefined>(() => {
    const current = data.value;
    const framework = index.value;
    // A partial read would give a partial estimate: none until the whole assessment is read.
    if (current === null || framework === undefined || !complete.value) return undefined;
    const inputs = [framework, current.ratings, current.observations, current.consensus, current.interviews];
    if (lastEstimate !== undefined && inputs.every((input, i) => input === lastInputs[i])) return lastEstimate;
    lastInputs = inputs;
    lastEstimate = estimateAssessment(buildEstimateInput(current, framework));
    return lastEstimate;
  });

  const me = computed(() => {
    const id = meId.value;
    return id === undefined ? undefined : data.value?.assessors.find((assessor) => assessor.id === id);
  });

  const watch = watchAssessment(
    db,
    assessmentId,
    (snapshot) => {
      const next = toAssessmentData(snapshot, data.peek());
      batch(() => {
        if (next === undefined) {
          data.value = null;
          status.value = 'missing';
        } else {
          data.value = next;
          status.value = 'ready';
        }
        complete.value = snapshot.complete;
      });
    },
    (failure) => {
      if (status.peek() === 'loading') status.value = 'failed';
      options.onError(failure);
    },
    { firstInterviewId: options.firstInterviewId, afterFirst: afterNextPaint },
  );

  const onStorage = (event: Event) => {
    // Duck-typed rather than `instanceof StorageEvent`, which does not exist outside the browser.
    if (!('key' in event) || event.key !== meStorageKey(assessmentId)) return;
    meId.value = 'newValue' in event && typeof event.newValue === 'string' ? event.newValue : undefined;
  };
  options.events?.addEventListener('storage', onStorage);

  return {
    assessmentId,
    data,
    complete,
    firstInterviewId: options.firstInterviewId,
    index,
    estimate,
    me,
    setMe: (assessorId) => {
      meId.value = assessorId;
      writeMe(storage, assessmentId, assessorId);
    },
    writer: showingCommitted(options.writer, watch.applyCommitted),
    status,
    dispose: () => {
      watch();
      options.events?.removeEventListener('storage', onStorage);
    },
  };
}
