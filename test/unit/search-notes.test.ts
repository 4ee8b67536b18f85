/**
 * Note search as pure functions: folding for Russian and Armenian, each filter alone and combined,
 * the URL round trip (and what a malformed URL does), and the per-note cache following edits.
 */
import { describe, expect, it } from 'vitest';
import type { Interview } from '../../src/core/assessment/interviewSchema';
import type { Interviewee } from '../../src/core/assessment/intervieweeSchema';
import type { Observation } from '../../src/core/assessment/observationSchema';
import { foldSearchText, searchTerms } from '../../src/core/search/foldSearchText';
import { EMPTY_NOTE_QUERY, formatNoteQuery, parseNoteQuery, type NoteQuery } from '../../src/core/search/noteQuery';
import { createNoteSearcher } from '../../src/core/search/searchNotes';

const uuid = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const ASSESSMENT = uuid(900);
const [MIGRATION, CIVIL] = [uuid(801), uuid(802)];
const interviews: Interview[] = [
  { id: uuid(701), assessmentId: ASSESSMENT, institutionId: MIGRATION, date: '2022-10-04', interviewerIds: [], status: 'done', deleted: false } as unknown as Interview,
  { id: uuid(702), assessmentId: ASSESSMENT, institutionId: CIVIL, date: '2022-10-05', interviewerIds: [], status: 'done', deleted: false } as unknown as Interview,
];
const interviewees: Interviewee[] = [{ id: uuid(601), assessmentId: ASSESSMENT, interviewId: uuid(701), name: 'Анна Петрова', role: '', institutionId: MIGRATION, deleted: false }];

let counter = 0;
function note(patch: Partial<Observation>): Observation {
  counter += 1;
  return {
    id: uuid(counter),
    assessmentId: ASSESSMENT,
    interviewId: uuid(701),
    authorId: uuid(500),
    kind: 'note',
    text: '',
    tags: [],
    suggestedLevel: null,
    attachmentIds: [],
    createdAt: `2022-10-04T06:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    deleted: false,
    ...patch,
  };
}

const notes = [
  note({ text: 'Отчёт о миграции готовится ежемесячно' }),
  note({ text: 'Տվյալները փոխանակվում են և պահվում կենտրոնում', kind: 'quote', tags: [{ subTopicId: 'data.exchange', indicatorId: 'data.exchange.a', trackIds: [] }] }),
  note({ text: 'Strategy adopted in 2021', kind: 'evidence', interviewId: uuid(702), source: 'Decree N 1234', tags: [{ subTopicId: 'policy.strategy', trackIds: [] }] }),
  note({ text: 'Said by the head', kind: 'quote', intervieweeId: uuid(601) }),
  note({ text: 'Отчёт удалён', deleted: true }),
];
const query = (patch: Partial<NoteQuery>): NoteQuery => ({ ...EMPTY_NOTE_QUERY, ...patch });
const texts = (found: readonly Observation[]) => found.map((item) => item.text);

describe('foldSearchText', () => {
  it('folds case in Latin, Cyrillic and Armenian, ё to е, and the Armenian ligature', () => {
    expect(foldSearchText('ОТЧЁТ')).toBe('отчет');
    expect(foldSearchText('Е\u0308ж')).toBe('еж');
    expect(foldSearchText('ՏՎՅԱԼՆԵՐ')).toBe('տվյալներ');
    expect(foldSearchText('և')).toBe('եվ');
    expect(foldSearchText('Եւ')).toBe('եվ');
    expect(searchTerms('  Отчёт   ГОТОВИТСЯ ')).toEqual(['отчет', 'готовится']);
  });
});

describe('createNoteSearcher', () => {
  const searcher = createNoteSearcher();
  const run = (patch: Partial<NoteQuery>) => texts(searcher.search({ notes, interviews, interviewees }, query(patch)));

  it('finds every live note for an empty query, in the order given', () => {
    expect(run({})).toHaveLength(4);
  });

  it('matches words whatever their case, ё or е, in any order, all of them', () => {
    expect(run({ text: 'отчет' })).toEqual(['Отчёт о миграции готовится ежемесячно']);
    expect(run({ text: 'ЕЖЕМЕСЯЧНО отчёт' })).toEqual(['Отчёт о миграции готовится ежемесячно']);
    expect(run({ text: 'отчет квартально' })).toEqual([]);
  });

  it('matches Armenian whatever the case and however "և" is written', () => {
    expect(run({ text: 'ՏՎՅԱԼՆԵՐԻ' })).toEqual([]);
    expect(run({ text: 'ՏՎՅԱԼՆԵՐ' })).toHaveLength(1);
    expect(run({ text: 'եվ պահվում' })).toHaveLength(1);
  });

  it('searches the source and the name of who said it', () => {
    expect(run({ text: 'decree 1234' })).toEqual(['Strategy adopted in 2021']);
    expect(run({ text: 'петрова' })).toEqual(['Said by the head']);
  });

  it('filters by kind, tag (sub-topic or indicator), institution and interview, and combines them', () => {
    expect(run({ kinds: ['quote'] })).toHaveLength(2);
    expect(run({ kinds: ['quote', 'evidence'] })).toHaveLength(3);
    expect(run({ tagId: 'data.exchange' })).toHaveLength(1);
    expect(run({ tagId: 'data.exchange.a' })).toHaveLength(1);
    expect(run({ institutionId: CIVIL })).toEqual(['Strategy adopted in 2021']);
    expect(run({ interviewId: uuid(701) })).toHaveLength(3);
    expect(run({ interviewId: uuid(701), kinds: ['quote'], text: 'head' })).toEqual(['Said by the head']);
    expect(run({ institutionId: uuid(803) })).toEqual([]);
  });

  it('sees an edited note (a new object) and a renamed speaker', () => {
    const edited = notes.map((item) => (item.text === 'Said by the head' ? { ...item, text: 'Said by the minister' } : item));
    expect(texts(searcher.search({ notes: edited, interviews, interviewees }, query({ text: 'minister' })))).toEqual(['Said by the minister']);
    const renamed = interviewees.map((person) => ({ ...person, name: 'Анна Сидорова' }));
    expect(texts(searcher.search({ notes, interviews, interviewees: renamed }, query({ text: 'сидорова' })))).toEqual(['Said by the head']);
  });
});

describe('note query in the URL', () => {
  it('round-trips every filter', () => {
    const full = query({ text: 'отчёт ա', kinds: ['quote', 'evidence'], tagId: 'data.exchange', institutionId: CIVIL, interviewId: uuid(701) });
    const search = formatNoteQuery(full);
    expect(parseNoteQuery(new URLSearchParams(search.slice(1)))).toEqual({ query: full, problems: [] });
    expect(formatNoteQuery(EMPTY_NOTE_QUERY)).toBe('');
  });

  it('drops what it does not understand, says so, and keeps the rest', () => {
    const { query: parsed, problems } = parseNoteQuery(new URLSearchParams('q=x&kind=quote,rumour&tag=Not%20OK&institution=42&interview='));
    expect(parsed).toEqual(query({ text: 'x', kinds: ['quote'] }));
    expect(problems).toEqual([
      { param: 'kind', value: 'rumour' },
      { param: 'tag', value: 'Not OK' },
      { param: 'institution', value: '42' },
    ]);
  });
});
