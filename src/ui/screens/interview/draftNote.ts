/**
 * The life of the note being typed, apart from how it is drawn (no DOM, no i18n): plain functions
 * over a mutable draft, and signals for what the screen shows. The composer passes what is in its
 * fields at each step; this decides what storage gets.
 *
 * - The first write with text creates the observation, later ones update it, so a crash loses at
 *   most the autosave debounce of typing. The writes of one draft share one autosave key, so they
 *   run one at a time, in order, and a create is never doubled.
 * - Everything typed erased (no files either): the half-made note is removed, so a crash then
 *   leaves no empty note; typing again creates a new one.
 * - Submit: the last content is written at once, the note joins `submitted` as "saving" until
 *   storage has it (or says why not: it stays listed as failed, with its text, and autosave keeps
 *   the write to retry), and a new draft starts. The "saving" row is drawn only once the write
 *   has taken longer than SAVING_SHOWN_AFTER_MS (or failed): a note stored sooner goes straight
 *   to the list.
 * - A file needs a record to point at: attaching creates the observation even without text.
 * - `status` is the current draft's last write, shown beside the note box (the header's save
 *   state has scrolled away in a long interview); a failure keeps the text where it is.
 */
import { batch, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ObservationKind, ObservationTag } from '../../../core/assessment/observationSchema';
import { ok, type Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import type { RecordWriter } from '../../session/assessmentSession';
import type { Autosave } from '../../shell/autosave';
import type { SubmittedNote } from './interviewModel';
import type { InterviewWrites } from './interviewWrites';

/** What the composer's fields hold at one moment. */
export interface DraftContent {
  readonly text: string;
  readonly kind: ObservationKind;
  readonly tags: readonly ObservationTag[];
  readonly suggestedLevel: string | null;
  readonly source: string;
  /** Who said it (an interviewee of this interview), or null. */
  readonly intervieweeId: string | null;
}

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * A submitted note's "saving" row is drawn once its write has taken this long. Under a tenth of a
 * second reads as instant: a row that says "saving" and is replaced a frame later by the stored
 * note is a flash, and it costs a layout and paint while the write is waiting for the main thread.
 */
export const SAVING_SHOWN_AFTER_MS = 100;

/** What the screen draws of the current draft. */
export interface DraftView {
  readonly key: string;
  readonly observationId: string | null;
  readonly attachmentIds: readonly string[];
  /** Files on their way to storage. */
  readonly uploads: number;
  readonly status: DraftStatus;
}

export interface DraftDeps {
  readonly writer: Pick<RecordWriter, 'create' | 'update' | 'remove'>;
  readonly autosave: Pick<Autosave, 'schedule' | 'flush'>;
  readonly attach: InterviewWrites['attach'];
  readonly assessmentId: string;
  readonly interviewId: string;
  /** The assessor writing, read when a write runs; none yet: nothing is created. */
  readonly authorId: () => string | undefined;
  /** The stored record of the current draft, which the list leaves out (the model's `draftId`). */
  readonly draftId: Signal<string | null>;
  /** Notes submitted and not yet listed from storage (the model's `submitted`). */
  readonly submitted: Signal<readonly SubmittedNote[]>;
  readonly now?: () => Date;
  /** Runs `run` after `ms` (setTimeout in the app; tests may pass their own). */
  readonly setTimer?: (run: () => void, ms: number) => void;
}

export interface DraftNote {
  readonly view: ReadonlySignal<DraftView>;
  /** The fields changed: schedule the draft's write. */
  changed(content: DraftContent): void;
  /** Enter: the note goes to the list and a new draft starts; 'empty' when there was nothing to save. */
  submit(content: DraftContent): SubmittedNote | 'empty';
  /** Leaving the screen: write what is pending now; an erased draft is removed. */
  leave(content: DraftContent): Promise<void>;
  /** Stores files and links them to the draft (creating it first); the names of those stored. */
  attach(items: readonly { readonly blob: Blob; readonly name: string }[], content: DraftContent): Promise<string[]>;
  removeAttachment(attachmentId: string): Promise<Result<unknown, StorageFailure>>;
}

/** Mutable on purpose: a write reads it when it runs, not when it was scheduled. */
interface Draft {
  readonly key: string;
  readonly createdAt: string;
  observationId: string | null;
  attachmentIds: readonly string[];
  uploads: number;
  status: DraftStatus;
  /** The list entry once submitted; its status follows the draft's writes. */
  entry: SubmittedNote | null;
}

const isBlank = (content: DraftContent) => content.text.trim() === '';
const tagsOf = (content: DraftContent) => content.tags.map((tag) => ({ ...tag, trackIds: [...tag.trackIds] }));

export function createDraftNote(deps: DraftDeps): DraftNote {
  const now = deps.now ?? (() => new Date());
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => void setTimeout(run, ms));
  let counter = 0;
  const fresh = (): Draft => {
    counter += 1;
    const at = now();
    return { key: `interview:${deps.interviewId}:draft:${at.getTime().toString(36)}-${counter}`, createdAt: at.toISOString(), observationId: null, attachmentIds: [], uploads: 0, status: 'idle', entry: null };
  };
  let current = fresh();
  const viewOf = (draft: Draft): DraftView => ({ key: draft.key, observationId: draft.observationId, attachmentIds: draft.attachmentIds, uploads: draft.uploads, status: draft.status });
  const view = signal<DraftView>(viewOf(current));
  const publish = (draft: Draft) => {
    if (draft === current) view.value = viewOf(draft);
  };
  const settle = (draft: Draft, result: Result<unknown, StorageFailure>) => {
    draft.status = result.ok ? 'saved' : 'failed';
    const entry = draft.entry;
    if (entry) {
      batch(() => {
        entry.status.value = result.ok ? 'saved' : 'failed';
        // A failure is shown at once, whatever the time: the note is not on disk.
        if (!result.ok) entry.shown.value = true;
      });
    }
    publish(draft);
    return result;
  };

  /** The draft's one write: create on first call, update after. Runs inside autosave, in order. */
  const persist = async (draft: Draft, content: DraftContent, force = false): Promise<Result<unknown, StorageFailure>> => {
    const empty = !force && isBlank(content) && draft.attachmentIds.length === 0;
    if (draft.observationId === null) {
      const authorId = deps.authorId();
      // Typed and erased before the first write, or no one to write it: nothing to create.
      if (empty || authorId === undefined) return ok(undefined);
      draft.status = 'saving';
      publish(draft);
      const created = await deps.writer.create('observation', {
        assessmentId: deps.assessmentId,
        interviewId: deps.interviewId,
        authorId,
        kind: content.kind,
        text: content.text,
        ...(content.source !== '' ? { source: content.source } : {}),
        ...(content.intervieweeId !== null ? { intervieweeId: content.intervieweeId } : {}),
        tags: tagsOf(content),
        suggestedLevel: content.suggestedLevel,
        attachmentIds: [],
        createdAt: draft.createdAt,
        deleted: false,
      });
      if (created.ok) {
        draft.observationId = created.value.id;
        if (draft === current) deps.draftId.value = created.value.id;
        if (draft.entry) draft.entry.observationId.value = created.value.id;
      }
      return settle(draft, created);
    }
    if (empty && draft.entry === null && draft.uploads === 0) {
      const id = draft.observationId;
      const removed = await deps.writer.remove('observation', id);
      if (removed.ok && draft.observationId === id) {
        draft.observationId = null;
        if (draft === current) deps.draftId.value = null;
      }
      return settle(draft, removed);
    }
    draft.status = 'saving';
    publish(draft);
    const updated = await deps.writer.update('observation', draft.observationId, {
      text: content.text,
      kind: content.kind,
      source: content.source === '' ? null : content.source,
      intervieweeId: content.intervieweeId,
      tags: tagsOf(content),
      suggestedLevel: content.suggestedLevel,
    });
    return settle(draft, updated);
  };

  const schedule = (draft: Draft, content: DraftContent, force = false) => deps.autosave.schedule(draft.key, () => persist(draft, content, force));

  /** After any write still queued for it, so the removal is the last word. */
  const removeIfErased = (draft: Draft): Promise<void> => {
    if (draft.observationId === null || draft.attachmentIds.length > 0 || draft.uploads > 0) return Promise.resolve();
    const id = draft.observationId;
    deps.autosave.schedule(draft.key, () => deps.writer.remove('observation', id));
    return deps.autosave.flush(draft.key);
  };

  const startNext = () => {
    current = fresh();
    deps.draftId.value = null;
    view.value = viewOf(current);
  };

  return {
    view,
    changed(content) {
      schedule(current, content);
    },
    submit(content) {
      const draft = current;
      const text = content.text.trim();
      if (text === '' && draft.attachmentIds.length === 0 && draft.uploads === 0) {
        void removeIfErased(draft);
        if (draft.observationId !== null) startNext();
        return 'empty';
      }
      const entry: SubmittedNote = { key: draft.key, text, kind: content.kind, observationId: signal(draft.observationId), status: signal('saving'), shown: signal(false) };
      draft.entry = entry;
      setTimer(() => {
        entry.shown.value = true;
      }, SAVING_SHOWN_AFTER_MS);
      schedule(draft, { ...content, text });
      batch(() => {
        deps.submitted.value = [...deps.submitted.value, entry];
        startNext();
      });
      void deps.autosave.flush(draft.key);
      return entry;
    },
    leave(content) {
      return isBlank(content) ? removeIfErased(current) : deps.autosave.flush(current.key);
    },
    async attach(items, content) {
      const draft = current;
      draft.uploads += items.length;
      publish(draft);
      const stored: string[] = [];
      try {
        if (draft.observationId === null) {
          schedule(draft, content, true);
          await deps.autosave.flush(draft.key);
        }
        const observationId = draft.observationId;
        if (observationId === null) return stored;
        for (const item of items) {
          const result = await deps.attach(observationId, draft.attachmentIds, item.blob, item.name);
          if (result.ok) {
            draft.attachmentIds = [...draft.attachmentIds, result.value.id];
            stored.push(item.name);
          }
        }
        return stored;
      } finally {
        draft.uploads -= items.length;
        publish(draft);
      }
    },
    async removeAttachment(attachmentId) {
      const draft = current;
      if (draft.observationId === null) return ok(undefined);
      const removed = await deps.writer.remove('attachment', attachmentId);
      if (!removed.ok) return removed;
      draft.attachmentIds = draft.attachmentIds.filter((id) => id !== attachmentId);
      publish(draft);
      return deps.writer.update('observation', draft.observationId, { attachmentIds: [...draft.attachmentIds] });
    },
  };
}
