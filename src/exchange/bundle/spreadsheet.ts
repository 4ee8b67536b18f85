/**
 * Ratings and evidence from a bundle as flat rows for spreadsheets (CSV) and scripts (JSON), built by
 * folding the bundle's changes into records with the core's merge rule. A partial bundle (exported
 * "since" a peer's vector) only holds what changed, so its rows may lack fields: `partial` says so.
 *
 * CSV follows RFC 4180 (CRLF, quotes doubled) with a UTF-8 byte-order mark so spreadsheet programs
 * read Armenian and Russian text correctly, and cells that start with = + - @ or a tab/CR get a
 * leading apostrophe: notes are typed by people and imported from others, and a spreadsheet would
 * otherwise run `=HYPERLINK(…)` in one as a formula (CSV injection).
 */
import { parseHlc } from '../../core/clock/hlc';
import type { Change, JsonValue } from '../../core/merge/change';
import { materialise, type MaterialisedRecord } from '../../core/merge/mergeChanges';
import type { BundleManifest } from './format';

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export const RATING_COLUMNS = [
  'ratingId', 'assessor', 'assessorId', 'indicatorId', 'trackId', 'level', 'rationale', 'evidenceCount', 'evidenceIds', 'lastChanged',
] as const;
export const EVIDENCE_COLUMNS = [
  'observationId', 'kind', 'author', 'authorId', 'interviewDate', 'institution', 'subTopics', 'tracks', 'suggestedLevel', 'text', 'source', 'attachments', 'createdAt', 'lastChanged',
] as const;

export interface SpreadsheetTables {
  readonly assessment: { readonly id: string; readonly title: string; readonly framework: string };
  /** True when the bundle holds only changes since a peer's vector: rows may be incomplete. */
  readonly partial: boolean;
  readonly ratings: readonly Row[];
  readonly evidence: readonly Row[];
}

export function spreadsheetRows(manifest: BundleManifest, changes: readonly Change[]): SpreadsheetTables {
  const records = materialise(changes);
  const lastChanged = new Map<string, string>();
  for (const change of changes) {
    const key = `${change.table}\u0000${change.id}`;
    const current = lastChanged.get(key);
    if (current === undefined || change.hlc > current) lastChanged.set(key, change.hlc);
  }
  const when = (table: string, id: string) => {
    const hlc = lastChanged.get(`${table}\u0000${id}`);
    const parts = hlc === undefined ? null : parseHlc(hlc);
    return parts === null ? null : new Date(parts.wallMs).toISOString();
  };
  const live = (table: 'rating' | 'observation' | 'assessor' | 'interview' | 'institution' | 'attachment') =>
    [...(records.get(table)?.values() ?? [])].filter((r) => r.deleted !== true);
  const byId = (list: readonly MaterialisedRecord[]) => new Map(list.map((r) => [String(r.id), r]));
  const assessors = byId(live('assessor'));
  const interviews = byId(live('interview'));
  const institutions = byId(live('institution'));
  const nameOf = (id: JsonValue | undefined) => text(assessors.get(String(id))?.name) ?? null;

  const ratings = live('rating')
    .map((r): Row => {
      const evidence = Array.isArray(r.evidenceIds) ? r.evidenceIds.map(String) : [];
      return {
        ratingId: String(r.id),
        assessor: nameOf(r.assessorId),
        assessorId: text(r.assessorId),
        indicatorId: text(r.indicatorId),
        trackId: text(r.trackId),
        level: r.level === null ? 'cannot judge' : text(r.level),
        rationale: text(r.rationale),
        evidenceCount: evidence.length,
        evidenceIds: evidence.join(' '),
        lastChanged: when('rating', String(r.id)),
      };
    })
    .sort(byKeys('indicatorId', 'trackId', 'assessor'));

  const evidence = live('observation')
    .map((o): Row => {
      const interview = o.interviewId === null || o.interviewId === undefined ? undefined : interviews.get(String(o.interviewId));
      const institution = interview === undefined ? undefined : institutions.get(String(interview.institutionId));
      const tags = Array.isArray(o.tags) ? o.tags.filter(isObject) : [];
      return {
        observationId: String(o.id),
        kind: text(o.kind),
        author: nameOf(o.authorId),
        authorId: text(o.authorId),
        interviewDate: interview === undefined ? (o.interviewId === null ? 'desk research' : null) : text(interview.date),
        institution: institution === undefined ? null : text(institution.name),
        subTopics: tags.map((t) => text(t.subTopicId) ?? '').join(' '),
        tracks: [...new Set(tags.flatMap((t) => (Array.isArray(t.trackIds) ? t.trackIds.map(String) : [])))].join(' '),
        suggestedLevel: text(o.suggestedLevel),
        text: text(o.text),
        source: text(o.source),
        attachments: Array.isArray(o.attachmentIds) ? o.attachmentIds.length : 0,
        createdAt: text(o.createdAt),
        lastChanged: when('observation', String(o.id)),
      };
    })
    .sort(byKeys('createdAt', 'observationId'));

  return {
    assessment: { id: manifest.assessment.id, title: manifest.assessment.title, framework: `${manifest.framework.id} ${manifest.framework.version}` },
    partial: manifest.since !== null,
    ratings,
    evidence,
  };
}

export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  let textValue = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(textValue)) textValue = `'${textValue}`;
  return /[",\r\n]/.test(textValue) ? `"${textValue.replace(/"/g, '""')}"` : textValue;
}

function text(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byKeys(...keys: string[]) {
  return (a: Row, b: Row) => {
    for (const key of keys) {
      const x = String(a[key] ?? '');
      const y = String(b[key] ?? '');
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
