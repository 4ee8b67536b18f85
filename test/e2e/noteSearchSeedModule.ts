/**
 * Runs INSIDE the page (built by noteSearch tests and the note-search bench into the served app, as
 * interviewSeedModule.ts is): an assessment of two institutions, two interviews, an interviewee, and
 * `notes` notes in English, Russian and Armenian spread over both interviews, through the real
 * storage API. Not part of the app.
 */
import { createStore, openDatabase } from '../../src/storage';
import { meStorageKey } from '../../src/ui/session/meStorage';

export interface NoteSearchSeed {
  readonly assessmentId: string;
  readonly interviewIds: readonly [string, string];
  readonly institutionIds: readonly [string, string];
  readonly intervieweeId: string;
  /** The quote said by the interviewee. */
  readonly quoteId: string;
}

/** Cycled through the notes; the tests count on their words. */
export const PHRASES = [
  'The registry exchanges data with the border system through the platform.',
  'Отчёт о миграции готовится ежемесячно и передаётся в министерство.',
  'Տվյալները փոխանակվում են և պահվում կենտրոնական համակարգում։',
  'Paper requests remain for older files in the regional offices.',
  'Электронные услуги доступны гражданам через единый портал.',
] as const;

const SUB_TOPICS = ['data-management.access-to-data', 'digital-identity.identity-management', 'public-services.availability-maturity'];

function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function seed(notes: number): Promise<NoteSearchSeed> {
  const db = openDatabase();
  const store = createStore(db);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const create = async <T extends Parameters<typeof store.createRecord>[0]>(table: T, input: Parameters<typeof store.createRecord<T>>[1]) => unwrap(await store.createRecord(table, input), table).record;
    const assessment = await create('assessment', { title: 'Note search (e2e)', country: 'Armenia', startDate: today, endDate: null, frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork', notes: '', deleted: false });
    const assessmentId = assessment.id;
    const lead = await create('assessor', { assessmentId, name: 'Anna Petrosyan', role: 'lead', deleted: false });
    const institutions = [
      await create('institution', { assessmentId, name: 'Migration Service', acronym: 'MS', kind: 'agency', relevantPillarIds: ['data-management'], deleted: false }),
      await create('institution', { assessmentId, name: 'Civil Registry', acronym: 'CR', kind: 'agency', relevantPillarIds: ['digital-identity'], deleted: false }),
    ] as const;
    const interviews = [] as Array<{ id: string }>;
    for (const institution of institutions) {
      interviews.push(
        await create('interview', { assessmentId, institutionId: institution.id, date: today, startTime: '10:00', location: 'Yerevan', interviewerIds: [lead.id], status: 'planned', consent: { given: false, scope: 'none' }, notes: '', deleted: false }),
      );
    }
    const [first, second] = interviews as [{ id: string }, { id: string }];
    const person = await create('interviewee', { assessmentId, interviewId: first.id, name: 'Aram Hakobyan', role: 'Head of IT', institutionId: institutions[0].id, deleted: false });
    const base = Date.now() - notes * 1000;
    for (let i = 0; i < notes; i++) {
      await create('observation', {
        assessmentId,
        interviewId: i % 2 === 0 ? first.id : second.id,
        authorId: lead.id,
        kind: i % 10 === 0 ? 'quote' : i % 10 === 1 ? 'evidence' : 'note',
        text: `${PHRASES[i % PHRASES.length]} (${i + 1})`,
        tags: [{ subTopicId: SUB_TOPICS[i % SUB_TOPICS.length] ?? 'data-management.access-to-data', trackIds: ['central', 'migration'] }],
        suggestedLevel: null,
        attachmentIds: [],
        createdAt: new Date(base + i * 1000).toISOString(),
        deleted: false,
      });
    }
    const quote = await create('observation', {
      assessmentId,
      interviewId: first.id,
      authorId: lead.id,
      kind: 'quote',
      intervieweeId: person.id,
      text: 'We reconcile border crossings by hand every night.',
      tags: [],
      suggestedLevel: null,
      attachmentIds: [],
      createdAt: new Date().toISOString(),
      deleted: false,
    });
    localStorage.setItem(meStorageKey(assessmentId), lead.id);
    return { assessmentId, interviewIds: [first.id, second.id], institutionIds: [institutions[0].id, institutions[1].id], intervieweeId: person.id, quoteId: quote.id };
  } finally {
    db.close();
  }
}
