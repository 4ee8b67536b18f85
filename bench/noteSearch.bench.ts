/**
 * Note search (issue 9, item 6) as pure functions, at 2,000 and 10,000 notes of mixed English,
 * Russian and Armenian text: the search the screen runs per keystroke (every filter checked, words
 * folded for case, ё/е and «և»), against a plain linear scan in the same run (`toLowerCase` +
 * `includes` on each note's text, no filters, no folding), and the cost of the first search, which
 * folds every note once. Keystroke-to-results in Chromium is measured in noteSearchScreen.bench.ts.
 * Prints; never asserts.
 */
import { it } from 'vitest';
import type { Interview } from '../src/core/assessment/interviewSchema';
import type { Observation } from '../src/core/assessment/observationSchema';
import { EMPTY_NOTE_QUERY, type NoteQuery } from '../src/core/search/noteQuery';
import { createNoteSearcher } from '../src/core/search/searchNotes';
import { measure, printRows, type BenchRow } from './support/measure';

const SIZES = [2_000, 10_000];
const PHRASES = [
  'The migration service exchanges residence permit data with the police through the platform',
  'Миграционная служба обменивается данными с полицией, отчёт готовится ежемесячно',
  'Միգրացիոն ծառայությունը տվյալներ է փոխանակում ոստիկանության հետ և պահում կենտրոնում',
  'Border crossings are still reconciled by hand every night; the new API is expected in spring',
  'Электронные услуги доступны гражданам через единый портал',
];
const uuid = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function corpus(size: number): { notes: Observation[]; interviews: Interview[] } {
  const interviews = Array.from({ length: 11 }, (_, i) => ({ id: uuid(900_000 + i), assessmentId: uuid(1), institutionId: uuid(800_000 + (i % 7)), date: '2022-10-04', interviewerIds: [], status: 'done', deleted: false }) as unknown as Interview);
  const notes = Array.from({ length: size }, (_, i): Observation => ({
    id: uuid(i + 10),
    assessmentId: uuid(1),
    interviewId: interviews[i % interviews.length]?.id ?? null,
    authorId: uuid(2),
    kind: (['note', 'quote', 'evidence'] as const)[i % 3] ?? 'note',
    text: `${PHRASES[i % PHRASES.length]} (${i})`,
    tags: [{ subTopicId: `pillar-${i % 6}.sub-${i % 4}`, trackIds: [] }],
    suggestedLevel: null,
    attachmentIds: [],
    createdAt: '2022-10-04T06:00:00.000Z',
    deleted: false,
  }));
  return { notes, interviews };
}

it('note search at 2,000 and 10,000 notes against a plain linear scan', () => {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const { notes, interviews } = corpus(size);
    const sources = { notes, interviews, interviewees: [] };
    const query: NoteQuery = { ...EMPTY_NOTE_QUERY, text: 'ОТЧЕТ ежемесячно' };
    const plain = (needle: string) => notes.filter((note) => note.text.toLowerCase().includes(needle));
    const baseline = measure(() => plain('отчёт'));
    const searcher = createNoteSearcher();
    const first = performance.now();
    searcher.search(sources, query);
    const firstMs = performance.now() - first;
    const typed = measure(() => searcher.search(sources, query));
    const filtered = measure(() => searcher.search(sources, { ...query, kinds: ['quote'], institutionId: uuid(800_003) }));
    rows.push(
      { figure: `search text (2 words, folded) over ${size} notes`, value: typed.medianMs, unit: 'ms', baselineName: 'plain toLowerCase+includes scan', baseline: baseline.medianMs, budget: 'fast on 2,000 notes: well under one 16 ms frame', withinBudget: size === 2_000 ? typed.medianMs < 16 : undefined },
      { figure: `search text + kind + institution over ${size} notes`, value: filtered.medianMs, unit: 'ms', baselineName: 'plain toLowerCase+includes scan', baseline: baseline.medianMs, budget: 'none (reference)', withinBudget: undefined },
      { figure: `first search over ${size} notes (folds every note once)`, value: firstMs, unit: 'ms', baselineName: 'plain toLowerCase+includes scan', baseline: baseline.medianMs, budget: 'none (once per screen)', withinBudget: undefined },
    );
  }
  printRows('Note search (pure core)', rows);
});
