/**
 * The import preview as the screen shows it, from what `previewImport` reports: the record counts
 * per table in a fixed, meaningful order, each conflicting field with both values in words and the
 * time each was made, and the record a conflict is about named as people know it (the note's text,
 * the assessor's name) when this device has it.
 */
import { tableNames, type TableName } from '../../../core/assessment/recordSchemas';
import { parseHlc } from '../../../core/clock/hlc';
import type { JsonValue } from '../../../core/merge/change';
import type { FieldConflict, ImportPreview, RecordCounts } from '../../../exchange/importBundle';
import type { AssessmentData } from '../../session/assessmentSession';

/**
 * Tables in the order assessors think of them: the assessment and its team, the fieldwork, the
 * judgement. The record schemas list them in that order already, so the screen follows them.
 */
export const TABLE_ORDER: readonly TableName[] = tableNames;

export interface TableRow {
  readonly table: TableName;
  readonly counts: RecordCounts;
}

/** One row per table the bundle touches, in TABLE_ORDER. */
export function tableRows(byTable: ImportPreview['byTable']): TableRow[] {
  return TABLE_ORDER.flatMap((table) => {
    const counts = byTable[table];
    return counts === undefined || counts.new + counts.changed + counts.conflicting + counts.unchanged === 0 ? [] : [{ table, counts }];
  });
}

/** Longest value shown in a conflict before it is cut with "…" (the whole value is in a tooltip). */
export const MAX_VALUE_CHARS = 160;

export type ValueText = { readonly kind: 'empty' } | { readonly kind: 'boolean'; readonly value: boolean } | { readonly kind: 'text'; readonly text: string; readonly cut: boolean };

/** A field's value in words: null and "" are "empty", text as typed, lists and objects as compact JSON. */
export function valueText(value: JsonValue, maxChars = MAX_VALUE_CHARS): ValueText {
  if (value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  const chars = [...text];
  return chars.length > maxChars ? { kind: 'text', text: `${chars.slice(0, maxChars - 1).join('')}…`, cut: true } : { kind: 'text', text, cut: false };
}

/** The wall-clock time (ms) of a change's HLC, when it parses. */
export function hlcTime(hlc: string): number | undefined {
  return parseHlc(hlc)?.wallMs;
}

export interface ConflictRow {
  readonly key: string;
  readonly conflict: FieldConflict;
  /** The record as people know it here; undefined when this device has no readable record. */
  readonly label: string | undefined;
  readonly localAt: number | undefined;
  readonly incomingAt: number | undefined;
}

export function conflictRows(conflicts: readonly FieldConflict[], data: AssessmentData | null): ConflictRow[] {
  return conflicts.map((conflict) => ({
    key: `${conflict.table}\u0000${conflict.id}\u0000${conflict.field}`,
    conflict,
    label: data === null ? undefined : recordLabel(conflict.table, conflict.id, data),
    localAt: hlcTime(conflict.local.hlc),
    incomingAt: hlcTime(conflict.incoming.hlc),
  }));
}

const LABEL_CHARS = 80;

/** A text on one line, cut to about 80 characters: enough to recognise a note or a finding. */
export function shortLabel(text: string): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : chars.join('');
}

/** A short name for a record of the open assessment: a note's first words, an assessor's name… */
export function recordLabel(table: TableName, id: string, data: AssessmentData): string | undefined {
  const find = <T extends { readonly id: string }>(records: readonly T[]) => byId(records, id);
  const nameOf = (assessorId: string) => byId(data.assessors, assessorId)?.name;
  switch (table) {
    case 'assessment':
      return data.assessment.id === id ? shortLabel(data.assessment.title) : undefined;
    case 'assessor':
      return mapDefined(find(data.assessors), (record) => shortLabel(record.name));
    case 'institution':
      return mapDefined(find(data.institutions), (record) => shortLabel(record.acronym ? `${record.name} (${record.acronym})` : record.name));
    case 'interview':
      return mapDefined(find(data.interviews), (record) => {
        const institution = byId(data.institutions, record.institutionId);
        return shortLabel(institution ? `${institution.acronym || institution.name}, ${record.date}` : record.date);
      });
    case 'interviewee':
      return mapDefined(find(data.interviewees), (record) => shortLabel(record.name));
    case 'observation':
      return mapDefined(find(data.observations), (record) => shortLabel(record.text));
    case 'attachment':
      return mapDefined(find(data.attachments), (record) => shortLabel(record.fileName || record.caption));
    case 'rating':
      return mapDefined(find(data.ratings), (record) => shortLabel(`${record.indicatorId} · ${record.trackId} · ${nameOf(record.assessorId) ?? ''}`.replace(/ · $/, '')));
    case 'consensus':
      return mapDefined(find(data.consensus), (record) => shortLabel(`${record.targetId} · ${record.trackId}`));
    case 'finding':
      return mapDefined(find(data.findings), (record) => shortLabel(record.text));
  }
}

function byId<T extends { readonly id: string }>(records: readonly T[], id: string): T | undefined {
  return records.find((record) => record.id === id);
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

export type PreviewVerdict =
  /** Every change and attachment is already here. */
  | 'nothing-new'
  /** The assessment is not on this device: importing adds it. */
  | 'new-assessment'
  /** Some records and/or attachments would be added or updated. */
  | 'updates';

export function previewVerdict(preview: ImportPreview): PreviewVerdict {
  if (preview.nothingNew) return 'nothing-new';
  return preview.assessment.existsHere ? 'updates' : 'new-assessment';
}
