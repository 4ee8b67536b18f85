/**
 * The words of the conflicts section (conflictDescription.ts) in English, Armenian and Russian:
 * which record and field a recorded conflict is about, both values in words, who made each (this
 * device, the bundle's signer, another device) and when, and which of the two is in use now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../src/core/assessment/assessmentSchema';
import { assessorSchema } from '../../src/core/assessment/assessorSchema';
import { consensusId, consensusSchema } from '../../src/core/assessment/consensusSchema';
import { findingSchema } from '../../src/core/assessment/findingSchema';
import { institutionSchema } from '../../src/core/assessment/institutionSchema';
import { interviewSchema } from '../../src/core/assessment/interviewSchema';
import { observationSchema } from '../../src/core/assessment/observationSchema';
import { ratingSchema } from '../../src/core/assessment/ratingSchema';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import type { JsonValue } from '../../src/core/merge/change';
import { createFormatters } from '../../src/i18n/createFormatters';
import { createI18n } from '../../src/i18n/createI18n';
import type { Language } from '../../src/i18n/languages';
import type { ConflictRow } from '../../src/storage/conflictRow';
import type { AssessmentData } from '../../src/ui/session/assessmentSession';
import {
  describeRecord,
  excerptOf,
  formatValue,
  originOf,
  valueInUse,
  versionAuthor,
  versionByline,
  versionTime,
  CLAMP_CHARS,
  type ConflictContext,
} from '../../src/ui/screens/exchange/conflictDescription';
import { fieldLabel } from '../../src/ui/screens/exchange/fieldLabel';
import { conflictProblemText } from '../../src/ui/screens/exchange/problemMessage';
import type { StorageFailure } from '../../src/storage/storageFailure';

const LANGUAGES = ['en', 'hy', 'ru'] as const satisfies readonly Language[];
const A = '01900000-0000-7000-8000-00000000000a';
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const NODE_HERE = '00000000000000aa';
const NODE_BORIS = '00000000000000bb';
const NODE_THIRD = '00000000000000cc';
const hlc = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-0000-${node}`;
/** 25 November 2026, 14:05 UTC. */
const KEPT_MS = Date.UTC(2026, 10, 25, 14, 5);
const LOST_MS = Date.UTC(2026, 10, 25, 13, 50);

const index = indexFramework(frameworkSchema.parse(JSON.parse(readFileSync(new URL('../../frameworks/mmdma-v1.json', import.meta.url), 'utf8'))));
const anna = assessorSchema.parse({ id: uuid(1), assessmentId: A, name: 'Anna Petrosyan', role: 'lead' });
const boris = assessorSchema.parse({ id: uuid(2), assessmentId: A, name: 'Boris Ivanov', role: 'assessor' });
const nss = institutionSchema.parse({ id: uuid(3), assessmentId: A, name: 'National Security Service', acronym: 'NSS' });
const SUB_TOPIC = 'data-management.access-to-data';
const INDICATOR = 'data-management.access-to-data.digital-registers';
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> the border database is copied to a USB stick every Friday, and nobody checks who takes it home.';

const data: AssessmentData = {
  assessment: assessmentSchema.parse({ id: A, title: 'Armenia 2022', country: 'Armenia', startDate: null, endDate: null, frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork', notes: 'B: the NSS asked for the draft first.' }),
  assessors: [anna, boris],
  institutions: [nss],
  interviews: [interviewSchema.parse({ id: uuid(4), assessmentId: A, institutionId: nss.id, date: '2022-10-04', status: 'done', consent: { given: true, scope: 'notes' } })],
  interviewees: [],
  observations: [
    observationSchema.parse({ id: uuid(5), assessmentId: A, interviewId: uuid(4), authorId: boris.id, kind: 'note', text: HOSTILE, suggestedLevel: null, createdAt: '2022-10-04T09:00:00.000Z' }),
  ],
  attachments: [],
  ratings: [ratingSchema.parse({ id: uuid(6), assessmentId: A, assessorId: anna.id, indicatorId: INDICATOR, trackId: 'central', level: 'developing' })],
  consensus: [
    consensusSchema.parse({ id: consensusId(A, 'sub-topic', SUB_TOPIC, 'migration'), assessmentId: A, scope: 'sub-topic', targetId: SUB_TOPIC, trackId: 'migration', level: 'established', setBy: anna.id }),
    consensusSchema.parse({ id: uuid(7), assessmentId: A, scope: 'pillar', targetId: 'data-management', trackId: 'overall', level: null, setBy: anna.id }),
  ],
  findings: [findingSchema.parse({ id: uuid(8), assessmentId: A, pillarId: 'data-management', trackId: 'central', kind: 'recommendation', text: 'Connect the border system to the population register.', rank: 1, authorId: anna.id })],
  invalidRows: 0,
};

function contextIn(language: Language, assessment: AssessmentData | null = data): ConflictContext {
  return { t: createI18n(language).getFixedT(language), language, format: createFormatters(language), data: assessment, index };
}

function conflict(overrides: Partial<ConflictRow> = {}): ConflictRow {
  return {
    lostHlc: hlc(LOST_MS, NODE_HERE),
    assessmentId: A,
    table: 'assessment',
    id: A,
    field: 'notes',
    kept: { hlc: hlc(KEPT_MS, NODE_BORIS), node: NODE_BORIS, value: 'B: the NSS asked for the draft first.' },
    lost: { hlc: hlc(LOST_MS, NODE_HERE), node: NODE_HERE, value: 'A: second visit planned for Thursday.' },
    lostSide: 'local',
    source: { kind: 'bundle', id: uuid(90), by: 'Boris Ivanov' },
    detectedAt: '2026-11-25T14:10:00.000Z',
    reviewedAt: null,
    ...overrides,
  };
}

describe('the record and field of a conflict', () => {
  it('names each kind of record as the team knows it', () => {
    const en = contextIn('en');
    expect(describeRecord(en, 'assessment', A)).toBe('Assessment “Armenia 2022”');
    expect(describeRecord(en, 'consensus', consensusId(A, 'sub-topic', SUB_TOPIC, 'migration'))).toBe('Consensus for 6.5.3 Access to data (Migration management)');
    expect(describeRecord(en, 'consensus', uuid(7))).toBe('Consensus for 6.5 Data management, secure data exchange (Overall)');
    expect(describeRecord(en, 'rating', uuid(6))).toBe('Rating of 6.5.3.1 Registers accessible digitally (Central government) by Anna Petrosyan');
    expect(describeRecord(en, 'finding', uuid(8))).toBe('Finding: “Connect the border system to the population register.”');
    expect(describeRecord(en, 'observation', uuid(5))).toBe(
      'Note by Boris Ivanov: “<script>alert(1)</script><img src=x onerror=alert(2)> the border database is co…”',
    );
    expect(describeRecord(en, 'assessor', boris.id)).toBe('Assessor Boris Ivanov');
    expect(describeRecord(en, 'institution', nss.id)).toBe('Institution National Security Service (NSS)');
    expect(describeRecord(en, 'interview', uuid(4))).toBe('Interview at NSS, October 4, 2022');
  });

  it('falls back to the table and the end of the id for a record not here (deleted, or no data yet)', () => {
    expect(describeRecord(contextIn('en'), 'finding', uuid(99))).toBe('Findings: record …000099');
    expect(describeRecord(contextIn('en', null), 'assessment', A)).toBe('Assessment: record …00000a');
  });

  it('names the record and field in Armenian and Russian', () => {
    const hy = contextIn('hy');
    const ru = contextIn('ru');
    expect(describeRecord(hy, 'consensus', consensusId(A, 'sub-topic', SUB_TOPIC, 'migration'))).toBe('Համաձայնեցված մակարդակ՝ 6.5.3 Տվյալների հասանելիություն (Միգրացիայի կառավարում)');
    expect(describeRecord(ru, 'rating', uuid(6))).toBe('Отметка показателя 6.5.3.1 Реестры, доступные в цифровом виде (Центральное правительство), эксперт: Anna Petrosyan');
    expect(describeRecord(ru, 'assessment', A)).toBe('Оценка «Armenia 2022»');
    expect(fieldLabel(hy.t, 'notes')).toBe('նշումներ');
    expect(fieldLabel(ru.t, 'evidenceIds')).toBe('свидетельства');
    expect(fieldLabel(contextIn('en').t, 'level')).toBe('level');
    // A field without a label is shown as stored.
    expect(fieldLabel(ru.t, 'relevantPillarIds')).toBe('relevantPillarIds');
  });
});

describe('the values of a conflict', () => {
  const shown = (language: Language, field: string, value: JsonValue, table: ConflictRow['table'] = 'observation') => {
    const display = formatValue(contextIn(language), table, field, value);
    return display.kind === 'empty' ? `[${display.text}]` : display.text;
  };

  it('says empty, deleted, levels and yes/no in words, in every language', () => {
    const expected = {
      en: ['[(empty)]', '[(empty)]', 'deleted', 'not deleted', 'Established', 'Cannot judge', 'Reporting', '1,234'],
      hy: ['[(դատարկ)]', '[(դատարկ)]', 'ջնջված', 'ջնջված չէ', 'Կայացած', null, null, null],
      ru: ['[(пусто)]', '[(пусто)]', 'удалено', 'не удалено', 'Сложившийся', null, null, null],
    } as const;
    for (const language of LANGUAGES) {
      const actual = [
        shown(language, 'text', null),
        shown(language, 'text', ''),
        shown(language, 'deleted', true),
        shown(language, 'deleted', false),
        shown(language, 'level', 'established', 'rating'),
        shown(language, 'level', null, 'consensus'),
        shown(language, 'status', 'reporting', 'assessment'),
        shown(language, 'rank', 1234, 'finding'),
      ];
      expected[language].forEach((value, at) => {
        if (value !== null) expect(actual[at], `${language} #${at}`).toBe(value);
        else expect(actual[at], `${language} #${at}`).not.toMatch(/^exchange:|^[a-z]+\.[a-z]/);
      });
    }
    expect(shown('ru', 'rank', 1234, 'finding')).toBe(new Intl.NumberFormat('ru').format(1234));
    // An unknown level id is shown as stored; lists and objects as compact JSON.
    expect(shown('en', 'suggestedLevel', 'not-a-level')).toBe('not-a-level');
    expect(shown('hy', 'evidenceIds', [uuid(5)], 'rating')).toBe(`["${uuid(5)}"]`);
    expect(shown('en', 'evidenceIds', [], 'rating')).toBe('[(empty)]');
    expect(shown('en', 'consent', { given: true, scope: 'notes' }, 'interview')).toBe('{"given":true,"scope":"notes"}');
  });

  it('keeps text as typed, markup included, and cuts only long text for "Show all"', () => {
    const note = formatValue(contextIn('en'), 'observation', 'text', 'Line one\n  indented line\n\nend <b>bold?</b>');
    expect(note).toEqual({ kind: 'text', text: 'Line one\n  indented line\n\nend <b>bold?</b>', excerpt: undefined });
    const long = 'Ա'.repeat(CLAMP_CHARS + 50);
    const cut = formatValue(contextIn('hy'), 'finding', 'text', long);
    expect(cut.kind === 'text' && cut.text).toBe(long);
    expect(cut.kind === 'text' && cut.excerpt).toBe(`${'Ա'.repeat(CLAMP_CHARS - 1)}…`);
    const lines = Array.from({ length: 9 }, (_, n) => `line ${n + 1}`).join('\n');
    expect(excerptOf(lines)).toBe('line 1\nline 2\nline 3\nline 4\nline 5\nline 6…');
    expect(excerptOf('short')).toBeUndefined();
  });
});

describe('who made each version, and when', () => {
  it('says "this device" for our node, the bundle’s signer for the bundle’s side, else another device', () => {
    const expected = {
      en: { thisDevice: 'this device', bundle: 'Boris Ivanov’s bundle', another: 'another device' },
      hy: { thisDevice: 'այս սարքը', bundle: 'փաթեթ՝ Boris Ivanov', another: 'մեկ այլ սարք' },
      ru: { thisDevice: 'это устройство', bundle: 'пакет: Boris Ivanov', another: 'другое устройство' },
    } as const;
    for (const language of LANGUAGES) {
      const { t } = contextIn(language);
      const words = expected[language];
      // This device's value lost to the bundle's.
      const local = conflict();
      expect(versionAuthor(t, local, 'lost', NODE_HERE), language).toBe(words.thisDevice);
      expect(versionAuthor(t, local, 'kept', NODE_HERE), language).toBe(words.bundle);
      // The bundle's value lost to the one here, which came from a third device earlier.
      const incoming = conflict({
        lostSide: 'incoming',
        kept: { hlc: hlc(KEPT_MS, NODE_THIRD), node: NODE_THIRD, value: 'x' },
        lost: { hlc: hlc(LOST_MS, NODE_BORIS), node: NODE_BORIS, value: 'y' },
      });
      expect(versionAuthor(t, incoming, 'lost', NODE_HERE), language).toBe(words.bundle);
      expect(versionAuthor(t, incoming, 'kept', NODE_HERE), language).toBe(words.another);
      // A bundle that does not say who made it.
      expect(versionAuthor(t, conflict({ source: { kind: 'bundle', id: uuid(90), by: null } }), 'kept', NODE_HERE), language).toBe(words.another);
      // Before this device's node id is read, nothing is claimed as "this device".
      expect(versionAuthor(t, local, 'lost', undefined), language).toBe(words.another);
    }
    expect(originOf(conflict(), 'kept')).toBe('incoming');
    expect(originOf(conflict({ lostSide: 'incoming' }), 'kept')).toBe('local');
  });

  it('dates a version by its HLC’s wall time, in the interface language', () => {
    for (const language of LANGUAGES) {
      const format = createFormatters(language);
      const when = versionTime(format, hlc(KEPT_MS, NODE_BORIS));
      const expected = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(KEPT_MS));
      expect(when, language).toEqual({ iso: '2026-11-25T14:05:00.000Z', text: expected });
      expect(versionTime(format, 'not an hlc')).toBeUndefined();
      const { t } = contextIn(language);
      expect(versionByline({ t, format }, conflict(), 'kept', NODE_HERE), language).toBe(`${versionAuthor(t, conflict(), 'kept', NODE_HERE)}, ${expected}`);
    }
    // Each language its own words for the month.
    const month = (language: Language) => createFormatters(language).dateTime(new Date(KEPT_MS));
    expect(month('en')).toMatch(/Nov/);
    expect(month('ru')).toMatch(/нояб/);
    expect(month('hy')).toMatch(/նոյ/);
  });
});

describe('which value is in use now', () => {
  it('tells the kept value, a restored set-aside one, a later edit, and a record not here apart', () => {
    expect(valueInUse(conflict(), data)).toBe('kept');
    expect(valueInUse(conflict({ kept: conflict().lost, lost: conflict().kept }), data)).toBe('lost');
    expect(valueInUse(conflict({ kept: { ...conflict().kept, value: 'something else' } }), data)).toBe('other');
    expect(valueInUse(conflict({ table: 'finding', id: uuid(99) }), data)).toBe('unknown');
    expect(valueInUse(conflict(), null)).toBe('unknown');
    // A list compares by content; an optional field left out reads as null.
    const rating = data.ratings[0]!;
    expect(valueInUse(conflict({ table: 'rating', id: rating.id, field: 'evidenceIds', kept: { ...conflict().kept, value: [] }, lost: { ...conflict().lost, value: [uuid(5)] } }), data)).toBe('kept');
    expect(valueInUse(conflict({ table: 'assessor', id: anna.id, field: 'email', kept: { ...conflict().kept, value: null }, lost: { ...conflict().lost, value: 'anna@example.org' } }), data)).toBe('kept');
  });
});

describe('a review that could not be saved', () => {
  it('says why in every language, each failure differently', () => {
    const failures: StorageFailure[] = [
      { kind: 'quota-exceeded', message: 'full' },
      { kind: 'storage-failed', message: 'closed' },
      { kind: 'invalid', problems: [{ path: 'notes', message: 'bad' }] },
      { kind: 'not-found', table: 'assessment', id: A },
      { kind: 'clock', failure: { kind: 'counter-overflow' }, message: 'clock' },
    ];
    for (const language of LANGUAGES) {
      const { t } = contextIn(language);
      const texts = failures.map((failure) => conflictProblemText(t, failure));
      for (const text of texts) expect(text, language).not.toMatch(/^exchange:|problem\./);
      expect(new Set(texts).size, language).toBe(failures.length);
    }
    expect(conflictProblemText(contextIn('en').t, failures[0]!)).toMatch(/storage is full/);
  });
});
