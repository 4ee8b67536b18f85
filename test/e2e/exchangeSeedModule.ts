/**
 * Runs INSIDE the page (built by exchange.e2e.test.ts into the served app's directory), so the test
 * can set up each browser profile through the real storage API — the same store, change log, clock
 * and blob store the app uses — and read a fingerprint of the whole database to prove a refused
 * import changed nothing. Not part of the app: nothing in src/ imports it.
 */
import { createStore, openDatabase } from '../../src/storage';
import { tableNames } from '../../src/core/assessment/recordSchemas';
import { meStorageKey } from '../../src/ui/session/meStorage';

export interface SeededAssessment {
  readonly assessmentId: string;
  readonly leadId: string;
  readonly interviewId: string;
  readonly noteId: string;
  readonly attachmentId: string;
  readonly sha256: string;
}

function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function withStore<T>(work: (store: ReturnType<typeof createStore>) => Promise<T>): Promise<T> {
  const db = openDatabase();
  try {
    return await work(createStore(db));
  } finally {
    db.close();
  }
}

/** An assessment with an interview, a tagged note with a suggested level, a photo (unless empty) and a rating. */
export function seedAssessment(options: { readonly title: string; readonly lead: string; readonly note: string; readonly photo: readonly number[] }): Promise<SeededAssessment> {
  return withStore(async (store) => {
    const assessment = unwrap(
      await store.createRecord('assessment', {
        title: options.title,
        country: 'Armenia',
        startDate: '2022-10-03',
        endDate: '2022-10-07',
        frameworkId: 'mmdma',
        frameworkVersion: '1.0.0',
        status: 'fieldwork',
      }),
      'assessment',
    ).record;
    const assessmentId = assessment.id;
    const lead = unwrap(await store.createRecord('assessor', { assessmentId, name: options.lead, role: 'lead' }), 'assessor').record;
    const institution = unwrap(
      await store.createRecord('institution', { assessmentId, name: 'National Security Service', acronym: 'NSS', relevantPillarIds: ['data-management'] }),
      'institution',
    ).record;
    const interview = unwrap(
      await store.createRecord('interview', {
        assessmentId,
        institutionId: institution.id,
        date: '2022-10-04',
        status: 'done',
        consent: { given: true, scope: 'notes' },
        interviewerIds: [lead.id],
      }),
      'interview',
    ).record;
    const note = unwrap(
      await store.createRecord('observation', {
        assessmentId,
        interviewId: interview.id,
        authorId: lead.id,
        kind: 'note',
        text: options.note,
        tags: [{ subTopicId: 'data-management.access-to-data', trackIds: ['central', 'migration'] }],
        suggestedLevel: 'developing',
        createdAt: '2022-10-04T09:30:00.000Z',
      }),
      'note',
    ).record;
    let attachmentId = '';
    let sha256 = '';
    if (options.photo.length > 0) {
      const photo = new Blob([new Uint8Array(options.photo)], { type: 'image/png' });
      const stored = unwrap(await store.putBlob(photo, 'image/png'), 'photo');
      const attachment = unwrap(
        await store.createRecord('attachment', {
          assessmentId,
          sha256: stored.sha256,
          mediaType: 'image/png',
          bytes: photo.size,
          fileName: 'photo.png',
          caption: 'Printed strategy, page 3',
          observationId: note.id,
        }),
        'attachment',
      ).record;
      unwrap(await store.updateFields('observation', note.id, { attachmentIds: [attachment.id] }), 'note attachment');
      attachmentId = attachment.id;
      sha256 = stored.sha256;
    }
    unwrap(
      await store.createRecord('rating', {
        assessmentId,
        assessorId: lead.id,
        indicatorId: 'data-management.access-to-data.digital-registers',
        trackId: 'central',
        level: 'established',
        rationale: 'All registers are connected to the exchange layer.',
      }),
      'rating',
    );
    localStorage.setItem(meStorageKey(assessmentId), lead.id);
    return { assessmentId, leadId: lead.id, interviewId: interview.id, noteId: note.id, attachmentId, sha256 };
  });
}

/** A note by an assessor of an existing assessment (the colleague's own work between two exchanges). */
export function addNote(options: { readonly assessmentId: string; readonly authorId: string; readonly text: string }): Promise<string> {
  return withStore(async (store) => {
    const note = unwrap(
      await store.createRecord('observation', {
        assessmentId: options.assessmentId,
        interviewId: null,
        authorId: options.authorId,
        kind: 'evidence',
        text: options.text,
        tags: [{ subTopicId: 'data-management.access-to-data', trackIds: ['central'] }],
        suggestedLevel: 'established',
        createdAt: new Date().toISOString(),
      }),
      'note',
    ).record;
    return note.id;
  });
}

export function updateAssessment(options: { readonly assessmentId: string; readonly notes: string }): Promise<void> {
  return withStore(async (store) => {
    unwrap(await store.updateFields('assessment', options.assessmentId, { notes: options.notes }), 'assessment notes');
  });
}

/** Every row of every store, as one JSON string: equal before and after means nothing changed. */
export async function fingerprint(): Promise<string> {
  const db = openDatabase();
  try {
    const parts: Record<string, unknown> = {};
    for (const table of [...tableNames, 'fieldVersions', 'changeLog', 'outbox', 'meta'] as const) parts[table] = await db.table(table).toArray();
    parts.blobs = (await db.blobs.toArray()).map((row) => ({ ...row, blob: undefined }));
    return JSON.stringify(parts);
  } finally {
    db.close();
  }
}
