/**
 * The assessment session against a real Dexie database (fake-indexeddb): live data grouped by table
 * with deleted records left out, the framework matched by id and version, the estimate, "me" kept
 * per assessment, and the "missing" state.
 */
import 'fake-indexeddb/auto';
import { effect, signal } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/core/framework/validateFramework';
import { createStore, openDatabase, type MmdmaDatabase, type StorageFailure } from '../../src/storage';
import type { KeyValueStorage } from '../../src/ui/createAppState';
import { createAssessmentSession, type ShellAssessmentSession } from '../../src/ui/session/createAssessmentSession';
import { meStorageKey } from '../../src/ui/session/meStorage';
import { createRecordWriter } from '../../src/ui/shell/createRecordWriter';
import type { InstalledFramework } from '../../src/ui/shell/installedFrameworks';
import { tinyFramework } from '../support/tinyFramework';

const validated = validateFramework(tinyFramework());
if (!validated.ok) throw new Error('tiny framework invalid');
const tiny: InstalledFramework = { framework: validated.value.framework, index: validated.value.index, origin: 'builtin' };

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setUp() {
  const db: MmdmaDatabase = openDatabase(`session-${Math.random().toString(36).slice(2)}`);
  const store = createStore(db);
  const failures: Array<{ failure: StorageFailure; message: string }> = [];
  const writer = createRecordWriter({
    store,
    translator: () => ((key: string) => key) as never,
    onFailure: (failure, message) => failures.push({ failure, message }),
  });
  const data = new Map<string, string>();
  const storage: KeyValueStorage = { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
  const frameworks = signal<readonly InstalledFramework[]>([tiny]);
  const open = (assessmentId: string, firstInterviewId?: string): ShellAssessmentSession => {
    const session = createAssessmentSession({ db, assessmentId, frameworks, writer, storage, firstInterviewId, onError: (failure) => failures.push({ failure, message: 'read' }) });
    cleanups.push(session.dispose);
    return session;
  };
  cleanups.push(() => db.close());
  return { db, writer, storage, data, frameworks, failures, open };
}

async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('createAssessmentSession', () => {
  it('follows the stored records live, without the deleted ones, with its framework and estimate', async () => {
    const { writer, open } = setUp();
    const created = await writer.create('assessment', {
      title: 'MMDMA Tinyland',
      country: 'Tinyland',
      startDate: null,
      endDate: null,
      frameworkId: 'tiny',
      frameworkVersion: '1.0.0',
      status: 'planning',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const assessmentId = created.value.id;
    const lead = await writer.create('assessor', { assessmentId, name: 'Anna', role: 'lead' });
    const gone = await writer.create('assessor', { assessmentId, name: 'Temp', role: 'observer' });
    if (!lead.ok || !gone.ok) throw new Error('assessor not created');
    await writer.remove('assessor', gone.value.id);

    const session = open(assessmentId);
    expect(session.status.value).toBe('loading');
    await eventually(() => session.status.value === 'ready');
    expect(session.data.value?.assessment.title).toBe('MMDMA Tinyland');
    expect(session.data.value?.assessors.map((a) => a.name)).toEqual(['Anna']);
    expect(session.data.value?.invalidRows).toBe(0);
    expect(session.index.value).toBe(tiny.index);
    expect(session.estimate.value?.pillars.map((p) => p.pillarId)).toEqual(['strategy', 'skills']);

    // A rating arrives: the estimate follows; an unrelated edit keeps the estimate object.
    await writer.create('rating', { assessmentId, assessorId: lead.value.id, indicatorId: 'strategy.plan.exists', trackId: 'central', level: 'advanced' });
    await eventually(() => (session.data.value?.ratings.length ?? 0) === 1);
    const estimate = session.estimate.value;
    const rated = estimate?.pillars[0]?.tracks.find((t) => t.trackId === 'central')?.subTopics[0]?.indicators[0];
    expect(rated?.level).toBe('advanced');
    const assessors = session.data.value?.assessors;
    await writer.update('assessment', assessmentId, { title: 'MMDMA Tinyland 2024' });
    await eventually(() => session.data.value?.assessment.title === 'MMDMA Tinyland 2024');
    expect(session.estimate.value).toBe(estimate);
    expect(session.data.value?.assessors).toBe(assessors);
  });

  it('opened on an interview: that interview first, no estimate until the whole assessment is read', async () => {
    const { writer, open } = setUp();
    const created = await writer.create('assessment', { title: 'A', country: 'B', startDate: null, endDate: null, frameworkId: 'tiny', frameworkVersion: '1.0.0', status: 'planning' });
    if (!created.ok) throw new Error('not created');
    const assessmentId = created.value.id;
    const lead = await writer.create('assessor', { assessmentId, name: 'Anna', role: 'lead' });
    const institution = await writer.create('institution', { assessmentId, name: 'Migration Service', acronym: 'MS', relevantPillarIds: [] });
    if (!lead.ok || !institution.ok) throw new Error('not created');
    const interview = (date: string) => writer.create('interview', { assessmentId, institutionId: institution.value.id, date, status: 'planned', consent: { given: true, scope: 'notes' } });
    const mine = await interview('2022-10-03');
    const other = await interview('2022-10-04');
    if (!mine.ok || !other.ok) throw new Error('not created');
    const note = (interviewId: string, text: string) =>
      writer.create('observation', { assessmentId, authorId: lead.value.id, interviewId, kind: 'note', text, tags: [], suggestedLevel: null, createdAt: '2022-10-03T09:00:00.000Z' });
    await note(mine.value.id, 'mine');
    for (let i = 0; i < 3; i++) await note(other.value.id, `other ${i}`);

    const session = open(assessmentId, mine.value.id);
    expect(session.firstInterviewId).toBe(mine.value.id);
    // Every state the screens can see, recorded as it is set (outside the browser the rest is read
    // in the next task): the interview first, never a partial estimate.
    const states: Array<{ notes: readonly string[]; complete: boolean; estimate: boolean }> = [];
    cleanups.push(
      effect(() => {
        const data = session.data.value;
        if (data !== null) states.push({ notes: data.observations.map((o) => o.text), complete: session.complete.value, estimate: session.estimate.value !== undefined });
      }),
    );
    await eventually(() => session.complete.value);
    const sawPartial = states.some((state) => !state.complete);
    expect(states[0]).toEqual({ notes: ['mine'], complete: false, estimate: false });
    for (const state of states) expect(state.estimate).toBe(state.complete);
    expect(sawPartial).toBe(true);
    expect(session.data.value?.observations).toHaveLength(4);
    expect(session.estimate.value).toBeDefined();
  });

  it('remembers "me" per assessment on this device', async () => {
    const { writer, open, data } = setUp();
    const created = await writer.create('assessment', { title: 'A', country: 'B', startDate: null, endDate: null, frameworkId: 'tiny', frameworkVersion: '1.0.0', status: 'planning' });
    if (!created.ok) throw new Error('not created');
    const assessmentId = created.value.id;
    const person = await writer.create('assessor', { assessmentId, name: 'Lilit', role: 'assessor' });
    if (!person.ok) throw new Error('not created');

    const first = open(assessmentId);
    await eventually(() => first.status.value === 'ready');
    expect(first.me.value).toBeUndefined();
    first.setMe(person.value.id);
    expect(first.me.value?.name).toBe('Lilit');
    expect(data.get(meStorageKey(assessmentId))).toBe(person.value.id);

    const again = open(assessmentId);
    await eventually(() => again.status.value === 'ready');
    expect(again.me.value?.name).toBe('Lilit');
  });

  it('says "missing" for an unknown or deleted assessment, and has no index for an uninstalled framework', async () => {
    const { writer, open, frameworks } = setUp();
    const unknown = open('01900000-0000-7000-8000-00000000dead');
    await eventually(() => unknown.status.value !== 'loading');
    expect(unknown.status.value).toBe('missing');
    expect(unknown.data.value).toBeNull();

    const created = await writer.create('assessment', { title: 'A', country: 'B', startDate: null, endDate: null, frameworkId: 'tiny', frameworkVersion: '2.0.0', status: 'planning' });
    if (!created.ok) throw new Error('not created');
    const session = open(created.value.id);
    await eventually(() => session.status.value === 'ready');
    expect(session.index.value).toBeUndefined();
    expect(session.estimate.value).toBeUndefined();
    // Installing the right version makes it appear without reopening.
    const v2 = validateFramework({ ...tinyFramework(), version: '2.0.0' });
    if (!v2.ok) throw new Error('v2 invalid');
    frameworks.value = [tiny, { framework: v2.value.framework, index: v2.value.index, origin: 'imported' }];
    expect(session.index.value).toBe(v2.value.index);

    await writer.remove('assessment', created.value.id);
    await eventually(() => session.status.value === 'missing');
  });

  it('reports a failed write through the writer with the store\'s typed failure', async () => {
    const { writer, failures } = setUp();
    const result = await writer.update('assessment', '01900000-0000-7000-8000-00000000beef', { title: 'x' });
    expect(result.ok).toBe(false);
    expect(failures.map((f) => f.failure.kind)).toEqual(['not-found']);
    expect(failures[0]?.message).toBe('shell:failure.notFound');
  });
});
