/**
 * CSV of an assessment's ratings, consensus and evidence: one file, one row per record, a `record`
 * column saying which. RFC 4180 quoting; cells that a spreadsheet would run as a formula (=, +, -,
 * @, tab, CR) get a leading apostrophe, so data never becomes code in Excel or LibreOffice.
 * Confidential notes are left out, and a final comment row says how many.
 */
import type { AssessmentRecords } from '../core/analysis/assessmentRecords';
import type { FrameworkIndex } from '../core/framework/indexFramework';

const HEADER = ['record', 'pillar', 'sub_topic', 'indicator', 'track', 'level', 'assessor', 'institution', 'date', 'kind', 'text', 'source'];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderReportCsv(records: AssessmentRecords, index: FrameworkIndex): string {
  const rows: string[][] = [HEADER];
  const assessorName = new Map(records.assessors.map((a) => [a.id, a.name] as const));
  const institutionName = new Map(records.institutions.map((i) => [i.id, i.name] as const));
  const interviewOf = new Map(records.interviews.map((i) => [i.id, i] as const));
  const pillarOfSubTopic = (id: string) => index.pillarOfSubTopic.get(id);
  const codeOfSubTopic = (id: string) => index.subTopicById.get(id)?.code ?? id;
  for (const rating of records.ratings) {
    if (rating.deleted) continue;
    const subTopic = index.subTopicOfIndicator.get(rating.indicatorId);
    rows.push(['rating', subTopic ? (pillarOfSubTopic(subTopic.id)?.code ?? '') : '', subTopic?.code ?? '', index.indicatorById.get(rating.indicatorId)?.code ?? rating.indicatorId, rating.trackId, rating.level ?? '', assessorName.get(rating.assessorId) ?? rating.assessorId, '', '', '', rating.rationale, '']);
  }
  for (const entry of records.consensus) {
    if (entry.deleted) continue;
    const pillarCode = entry.scope === 'pillar' ? (index.pillarById.get(entry.targetId)?.code ?? entry.targetId) : (pillarOfSubTopic(entry.targetId)?.code ?? '');
    rows.push(['consensus', pillarCode, entry.scope === 'sub-topic' ? codeOfSubTopic(entry.targetId) : '', '', entry.trackId, entry.level ?? '', assessorName.get(entry.setBy) ?? entry.setBy, '', '', entry.scope, entry.rationale, '']);
  }
  let omitted = 0;
  for (const note of records.observations) {
    if (note.deleted) continue;
    if (note.confidential === true) {
      omitted++;
      continue;
    }
    const interview = note.interviewId === null ? undefined : interviewOf.get(note.interviewId);
    for (const tag of note.tags) {
      rows.push(['evidence', pillarOfSubTopic(tag.subTopicId)?.code ?? '', codeOfSubTopic(tag.subTopicId), tag.indicatorId ? (index.indicatorById.get(tag.indicatorId)?.code ?? tag.indicatorId) : '', tag.trackIds.join(' '), note.suggestedLevel ?? '', assessorName.get(note.authorId) ?? note.authorId, interview ? (institutionName.get(interview.institutionId) ?? '') : 'desk research', interview?.date ?? note.createdAt.slice(0, 10), note.kind, note.text, note.source ?? '']);
    }
  }
  rows.push(['comment', '', '', '', '', '', '', '', '', '', `confidential notes left out: ${omitted}`, '']);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
