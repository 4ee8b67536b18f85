/**
 * Runs INSIDE the page (built by interviewSeed.ts into the served app's /__interview-seed__/), so
 * tests and the note-append benchmark can set up an assessment through the real storage API — the
 * same store, change log and validation the app uses — without a test hook in the app itself.
 *
 * Not part of the app: nothing in src/ imports it, and it is only served by the test server.
 */
import { createStore, openDatabase } from '../../src/storage';
import { meStorageKey } from '../../src/ui/session/meStorage';

export interface SeedOptions {
  /** Notes by the first assessor in the interview. */
  readonly notes: number;
  /** Stores "me" (the first assessor) for the assessment in localStorage. */
  readonly rememberMe: boolean;
  readonly consent?: 'none' | 'notes' | 'notes-and-audio';
}

export interface SeedResult {
  readonly assessmentId: string;
  readonly interviewId: string;
  readonly institutionId: string;
  readonly assessorIds: readonly string[];
  readonly seedMs: number;
}

const SUB_TOPICS = [
  'data-management.access-to-data',
  'data-management.digital-data-management',
  'digital-identity.identity-management',
  'public-services.availability-maturity',
  'cybersecurity.policy-strategy',
];
const LEVELS = [null, 'emerging', 'developing', 'established', 'advanced'];

function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const db = openDatabase();
  const store = createStore(db);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const assessment = unwrap(
      await store.createRecord('assessment', {
        title: 'Armenia MMDMA (e2e)',
        country: 'Armenia',
        startDate: today,
        endDate: null,
        frameworkId: 'mmdma',
        frameworkVersion: '1.0.0',
        status: 'fieldwork',
        notes: '',
        deleted: false,
      }),
      'assessment',
    ).record;
    const assessmentId = assessment.id;
    const lead = unwrap(await store.createRecord('assessor', { assessmentId, name: 'Anna Petrosyan', role: 'lead', deleted: false }), 'assessor').record;
    const second = unwrap(await store.createRecord('assessor', { assessmentId, name: 'Boris Ivanov', role: 'assessor', deleted: false }), 'assessor').record;
    const institution = unwrap(
      await store.createRecord('institution', {
        assessmentId,
        name: 'Migration Service',
        acronym: 'MS',
        kind: 'agency',
        relevantPillarIds: ['data-management', 'digital-identity', 'public-services'],
        deleted: false,
      }),
      'institution',
    ).record;
    const consent = options.consent ?? 'none';
    const interview = unwrap(
      await store.createRecord('interview', {
        assessmentId,
        institutionId: institution.id,
        date: today,
        startTime: '10:00',
        location: 'Yerevan, ministry meeting room 3',
        interviewerIds: [lead.id, second.id],
        status: 'planned',
        consent: consent === 'none' ? { given: false, scope: 'none' } : { given: true, scope: consent, recordedAt: new Date().toISOString() },
        notes: '',
        deleted: false,
      }),
      'interview',
    ).record;
    const base = Date.now() - options.notes * 1000;
    for (let i = 0; i < options.notes; i++) {
      unwrap(
        await store.createRecord('observation', {
          assessmentId,
          interviewId: interview.id,
          authorId: i % 7 === 6 ? second.id : lead.id,
          kind: i % 10 === 0 ? 'quote' : i % 10 === 1 ? 'evidence' : 'note',
          text: `Seeded note ${i + 1}: the registry exchanges data with the border system through the interoperability platform; paper requests remain for older files.`,
          ...(i % 10 === 1 ? { source: 'https://www.arlis.am/' } : {}),
          tags: [{ subTopicId: SUB_TOPICS[i % SUB_TOPICS.length] ?? 'data-management.access-to-data', trackIds: ['central', 'migration'] }],
          suggestedLevel: LEVELS[i % LEVELS.length] ?? null,
          attachmentIds: [],
          createdAt: new Date(base + i * 1000).toISOString(),
          deleted: false,
        }),
        'observation',
      );
    }
    if (options.rememberMe) localStorage.setItem(meStorageKey(assessmentId), lead.id);
    return {
      assessmentId,
      interviewId: interview.id,
      institutionId: institution.id,
      assessorIds: [lead.id, second.id],
      seedMs: performance.now() - started,
    };
  } finally {
    db.close();
  }
}

/** The interview's notes as stored (read straight from IndexedDB, oldest first), for assertions. */
export async function countNotes(interviewId: string): Promise<{ live: number; deleted: number; texts: string[] }> {
  const db = openDatabase();
  try {
    const rows = (await db.observation.toArray()).filter((row) => row['interviewId'] === interviewId);
    const live = rows.filter((row) => row['deleted'] !== true);
    live.sort((a, b) => String(a['createdAt']).localeCompare(String(b['createdAt'])));
    return { live: live.length, deleted: rows.length - live.length, texts: live.map((row) => String(row['text'])) };
  } finally {
    db.close();
  }
}
