/**
 * The words of the conflicts section (ConflictsPanel): which record a recorded conflict is about,
 * named as the team knows it (a sub-topic's code and name, a note's author and first words), which
 * field, both values in words, and who made each and when. Pure, so every language is tested
 * without a browser. Everything here ends up as text nodes: a note holding markup stays text.
 */
import type { TFunction } from 'i18next';
import { assessmentStatusSchema } from '../../../core/assessment/assessmentSchema';
import { OVERALL_TRACK_ID } from '../../../core/assessment/consensusSchema';
import type { TableName } from '../../../core/assessment/recordSchemas';
import { parseHlc } from '../../../core/clock/hlc';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { jsonValueSchema, type JsonValue } from '../../../core/merge/change';
import { canonicalJson } from '../../../core/merge/mergeChanges';
import type { Formatters } from '../../../i18n/createFormatters';
import { localize } from '../../../i18n/localize';
import type { ConflictRow } from '../../../storage/conflictRow';
import type { AssessmentData } from '../../session/assessmentSession';
import { statusName } from '../assessments/StatusLabel';
import { formatIsoDate } from '../interview/formatIsoDate';
import { shortLabel } from './previewSummary';
import { tableName } from './tableName';

/** What describing a conflict needs: the language, and the open assessment and its framework. */
export interface ConflictContext {
  readonly t: TFunction;
  readonly language: string;
  readonly format: Formatters;
  /** Live records of the open assessment; a deleted record is not among them. */
  readonly data: AssessmentData | null;
  readonly index: FrameworkIndex | undefined;
}

/** Characters of an id shown when the record itself cannot be named. */
const SHORT_ID_CHARS = 6;

/** The record a conflict is about, as people know it; the table and the end of the id when it is not here. */
export function describeRecord(context: ConflictContext, table: TableName, id: string): string {
  return recordWords(context, table, id) ?? context.t('exchange:conflicts.record.unknown', { table: tableName(context.t, table), id: id.slice(-SHORT_ID_CHARS) });
}

function recordWords({ t, language, format, data, index }: ConflictContext, table: TableName, id: string): string | undefined {
  if (data === null) return undefined;
  const find = <T extends { readonly id: string }>(records: readonly T[]) => records.find((record) => record.id === id);
  const person = (assessorId: string) => data.assessors.find((assessor) => assessor.id === assessorId)?.name ?? t('exchange:unknownPerson');
  const track = (trackId: string) => {
    if (trackId === OVERALL_TRACK_ID) return t('rating:pillarConsensus.overall');
    const found = index?.framework.tracks.find((candidate) => candidate.id === trackId);
    return found === undefined ? trackId : localize(found.name, language);
  };
  switch (table) {
    case 'assessment':
      return data.assessment.id === id ? t('exchange:conflicts.record.assessment', { title: shortLabel(data.assessment.title) }) : undefined;
    case 'assessor': {
      const record = find(data.assessors);
      return record && t('exchange:conflicts.record.assessor', { name: shortLabel(record.name) });
    }
    case 'institution': {
      const record = find(data.institutions);
      return record && t('exchange:conflicts.record.institution', { name: shortLabel(record.acronym ? `${record.name} (${record.acronym})` : record.name) });
    }
    case 'interview': {
      const record = find(data.interviews);
      if (record === undefined) return undefined;
      const institution = data.institutions.find((candidate) => candidate.id === record.institutionId);
      return t('exchange:conflicts.record.interview', {
        institution: institution === undefined ? t('exchange:unknownPerson') : shortLabel(institution.acronym || institution.name),
        date: formatIsoDate(record.date, format.date),
      });
    }
    case 'interviewee': {
      const record = find(data.interviewees);
      return record && t('exchange:conflicts.record.interviewee', { name: shortLabel(record.name) });
    }
    case 'observation': {
      const record = find(data.observations);
      return record && t('exchange:conflicts.record.observation', { author: person(record.authorId), text: shortLabel(record.text) });
    }
    case 'attachment': {
      const record = find(data.attachments);
      return record && t('exchange:conflicts.record.attachment', { name: shortLabel(record.fileName || record.caption) });
    }
    case 'rating': {
      const record = find(data.ratings);
      if (record === undefined) return undefined;
      const indicator = index?.indicatorById.get(record.indicatorId);
      return t('exchange:conflicts.record.rating', {
        indicator: indicator === undefined ? record.indicatorId : shortLabel(`${indicator.code} ${localize(indicator.label, language)}`),
        track: track(record.trackId),
        assessor: person(record.assessorId),
      });
    }
    case 'consensus': {
      const record = find(data.consensus);
      if (record === undefined) return undefined;
      const target = record.scope === 'pillar' ? index?.pillarById.get(record.targetId) : index?.subTopicById.get(record.targetId);
      return t('exchange:conflicts.record.consensus', {
        target: target === undefined ? record.targetId : shortLabel(`${target.code} ${localize(target.name, language)}`),
        track: track(record.trackId),
      });
    }
    case 'finding': {
      const record = find(data.findings);
      return record && t('exchange:conflicts.record.finding', { text: shortLabel(record.text) });
    }
  }
}

/** A value longer than this many characters, or lines, is shown cut, with "Show all". */
export const CLAMP_CHARS = 280;
export const CLAMP_LINES = 6;

export type ValueDisplay =
  /** null, "" or an empty list: said in words, in italics. */
  | { readonly kind: 'empty'; readonly text: string }
  /** The value as text; `excerpt` is its start when the whole is long. */
  | { readonly kind: 'text'; readonly text: string; readonly excerpt: string | undefined };

/** A field's value in words: levels by name, deletes as "deleted", text as typed, the rest as compact JSON. */
export function formatValue(context: Pick<ConflictContext, 't' | 'language' | 'format' | 'index'>, table: TableName, field: string, value: JsonValue): ValueDisplay {
  const { t, language, format, index } = context;
  const text = (shown: string): ValueDisplay => ({ kind: 'text', text: shown, excerpt: excerptOf(shown) });
  if (field === 'deleted' && typeof value === 'boolean') return text(value ? t('exchange:conflicts.value.deleted') : t('exchange:conflicts.value.notDeleted'));
  if (field === 'level' && value === null && (table === 'rating' || table === 'consensus')) return text(t('rating:level.cannotJudge'));
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return { kind: 'empty', text: t('exchange:conflicts.value.empty') };
  if ((field === 'level' || field === 'suggestedLevel') && typeof value === 'string') {
    const level = index?.framework.levels.find((candidate) => candidate.id === value);
    return text(level === undefined ? value : localize(level.name, language));
  }
  if (table === 'assessment' && field === 'status') {
    const status = assessmentStatusSchema.safeParse(value);
    if (status.success) return text(statusName(t, status.data));
  }
  if (typeof value === 'boolean') return text(value ? t('exchange:conflicts.value.yes') : t('exchange:conflicts.value.no'));
  if (typeof value === 'number') return text(format.number(value));
  return text(typeof value === 'string' ? value : JSON.stringify(value));
}

/** The start of a long text: its first lines, cut to CLAMP_CHARS, with "…"; undefined when it fits. */
export function excerptOf(text: string): string | undefined {
  const lines = text.split('\n');
  const chars = [...text];
  if (chars.length <= CLAMP_CHARS && lines.length <= CLAMP_LINES) return undefined;
  const head = [...lines.slice(0, CLAMP_LINES).join('\n')];
  return `${head.slice(0, CLAMP_CHARS - 1).join('').trimEnd()}…`;
}

export type VersionSide = 'kept' | 'lost';

/** Where a version came from: this device's records, or the bundle imported. */
export function originOf(conflict: Pick<ConflictRow, 'lostSide'>, side: VersionSide): 'local' | 'incoming' {
  if (side === 'lost') return conflict.lostSide;
  return conflict.lostSide === 'local' ? 'incoming' : 'local';
}

/**
 * Who made a version: "this device" when its node is ours; for the bundle's side, the name the
 * bundle was signed with. A bundle can carry a third device's edits, so the name is that of the
 * bundle ("Boris's bundle"), not a claim about who typed it.
 */
export function versionAuthor(t: TFunction, conflict: Pick<ConflictRow, 'kept' | 'lost' | 'lostSide' | 'source'>, side: VersionSide, ownNode: string | undefined): string {
  const version = conflict[side];
  if (ownNode !== undefined && version.node === ownNode) return t('exchange:conflicts.who.thisDevice');
  const by = conflict.source.by?.trim();
  if (originOf(conflict, side) === 'incoming' && by !== undefined && by !== '') return t('exchange:conflicts.who.bundle', { name: by });
  return t('exchange:conflicts.who.anotherDevice');
}

/** When a version was made (the wall time of its HLC), in the interface language. */
export function versionTime(format: Formatters, hlc: string): { readonly iso: string; readonly text: string } | undefined {
  const parts = parseHlc(hlc);
  if (parts === null) return undefined;
  const date = new Date(parts.wallMs);
  return Number.isNaN(date.getTime()) ? undefined : { iso: date.toISOString(), text: format.dateTime(date) };
}

/** "Boris Ivanov’s bundle, 25 Nov 2026, 14:05": who and when, in one line. */
export function versionByline(context: Pick<ConflictContext, 't' | 'format'>, conflict: ConflictRow, side: VersionSide, ownNode: string | undefined): string {
  const { t, format } = context;
  const when = versionTime(format, conflict[side].hlc);
  return t('exchange:conflicts.byline', { who: versionAuthor(t, conflict, side, ownNode), when: when?.text ?? t('exchange:conflicts.unknownTime') });
}

export type InUse =
  /** The record holds the kept value, as after any merge. */
  | 'kept'
  /** The set-aside value was restored (here, or on a device whose edit arrived since). */
  | 'lost'
  /** The field was edited again since: neither value is in use. */
  | 'other'
  /** The record is not among the live ones here (deleted, or not readable). */
  | 'unknown';

/** Which of the two values the record holds now. */
export function valueInUse(conflict: Pick<ConflictRow, 'table' | 'id' | 'field' | 'kept' | 'lost'>, data: AssessmentData | null): InUse {
  const record = data === null ? undefined : liveRecord(data, conflict.table, conflict.id);
  if (record === undefined) return 'unknown';
  // A field the record leaves out (an optional one) reads as null, as a change that clears it would.
  const current = jsonValueSchema.safeParse(Object.hasOwn(record, conflict.field) ? record[conflict.field] ?? null : null);
  if (!current.success) return 'unknown';
  const now = canonicalJson(current.data);
  if (now === canonicalJson(conflict.kept.value)) return 'kept';
  if (now === canonicalJson(conflict.lost.value)) return 'lost';
  return 'other';
}

function liveRecord(data: AssessmentData, table: TableName, id: string): Readonly<Record<string, unknown>> | undefined {
  const find = (records: ReadonlyArray<{ readonly id: string }>) => records.find((record) => record.id === id);
  switch (table) {
    case 'assessment':
      return data.assessment.id === id ? data.assessment : undefined;
    case 'assessor':
      return find(data.assessors);
    case 'institution':
      return find(data.institutions);
    case 'interview':
      return find(data.interviews);
    case 'interviewee':
      return find(data.interviewees);
    case 'observation':
      return find(data.observations);
    case 'attachment':
      return find(data.attachments);
    case 'rating':
      return find(data.ratings);
    case 'consensus':
      return find(data.consensus);
    case 'finding':
      return find(data.findings);
  }
}
