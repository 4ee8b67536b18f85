/**
 * The Armenia 2022 example assessment as records, from its data file and the framework: pure, so
 * the app (which stores it), the command-line tool, the tests and the benchmarks build the same
 * thing. Ids come from `newId`; ratings and consensus use their natural-key ids as stored ones do.
 *
 * What it holds (see the data file's `about`): the report's institutions and interviews with their
 * dates; for every indicator statement the report prints, a quote note with the statement verbatim
 * (the framework's descriptor taken from the report) suggesting the level the report found;
 * ratings by two invented assessors, B reading a few cells differently; the lead's consensus at
 * the experts' levels (Table 3 overall, Table 4 migration management); findings in our own words
 * with the report section they summarise; one confidential note.
 */
import type { Assessment } from '../core/assessment/assessmentSchema';
import type { Assessor } from '../core/assessment/assessorSchema';
import { consensusId, OVERALL_TRACK_ID, type Consensus } from '../core/assessment/consensusSchema';
import type { Finding } from '../core/assessment/findingSchema';
import type { Institution } from '../core/assessment/institutionSchema';
import type { Interviewee } from '../core/assessment/intervieweeSchema';
import type { Interview } from '../core/assessment/interviewSchema';
import type { Observation } from '../core/assessment/observationSchema';
import { ratingId, type Rating } from '../core/assessment/ratingSchema';
import type { AssessmentRecords } from '../core/analysis/assessmentRecords';
import { descriptorFor, type FrameworkIndex } from '../core/framework/indexFramework';
import type { ExampleData } from './exampleDataSchema';

export const EXAMPLE_REPORT_NAME = 'Migration Management Digital Maturity Assessment Report Armenia (IOM and e-Governance Academy, 2022)';

export function buildArmeniaExample(data: ExampleData, index: FrameworkIndex, newId: () => string): AssessmentRecords {
  const assessmentId = newId();
  const assessment: Assessment = {
    id: assessmentId,
    title: data.assessment.title,
    country: data.assessment.country,
    startDate: data.assessment.startDate,
    endDate: data.assessment.endDate,
    frameworkId: index.framework.id,
    frameworkVersion: index.framework.version,
    status: 'reporting',
    notes: data.about,
    reportText: {},
    example: true,
    deleted: false,
  };
  const assessors: Assessor[] = data.assessors.map((assessor) => ({ id: newId(), assessmentId, name: assessor.name, role: assessor.role, deleted: false }));
  const lead = assessors[0]!;
  const assessorA = assessors[1]!;
  const assessorB = assessors[2] ?? assessors[1]!;

  const institutions: Institution[] = data.institutions.map((institution) => ({
    id: newId(),
    assessmentId,
    name: institution.name,
    acronym: institution.acronym,
    kind: institution.kind,
    relevantPillarIds: institution.pillars.filter((pillarId) => index.pillarById.has(pillarId)),
    deleted: false,
  }));
  const institutionOf = new Map(data.institutions.map((institution, i) => [institution.key, institutions[i]!] as const));

  const interviews: Interview[] = data.interviews.map((interview) => {
    const institution = institutionOf.get(interview.institution);
    if (institution === undefined) throw new Error(`example data: interview with unknown institution "${interview.institution}"`);
    return {
      id: newId(),
      assessmentId,
      institutionId: institution.id,
      date: interview.date,
      startTime: interview.startTime,
      location: null,
      interviewerIds: interview.interviewers.map((n) => assessors[n]?.id ?? lead.id),
      status: 'done',
      consent: { given: true, scope: 'notes', recordedAt: `${interview.date}T06:00:00.000Z` },
      notes: '',
      deleted: false,
    };
  });
  const interviewees: Interviewee[] = interviews.map((interview) => {
    const institution = institutions.find((i) => i.id === interview.institutionId)!;
    // Institutions and roles only: the example names no one.
    return { id: newId(), assessmentId, interviewId: interview.id, name: `Representatives of ${institution.acronym || institution.name}`, role: 'Names not recorded in the example', institutionId: institution.id, deleted: false };
  });

  // One quote note per printed statement, from an interview with an institution that matters for the pillar.
  const observations: Observation[] = [];
  const minuteOf = new Map<string, number>();
  const createdAt = (interview: Interview | null): string => {
    const key = interview?.id ?? 'desk';
    const minute = (minuteOf.get(key) ?? 0) + 2;
    minuteOf.set(key, minute);
    if (interview === null) return new Date(Date.parse(`${data.assessment.startDate}T05:00:00.000Z`) + minute * 60_000).toISOString();
    const [h = 0, m = 0] = (interview.startTime ?? '09:00').split(':').map(Number);
    // Yerevan is UTC+4.
    return new Date(Date.parse(`${interview.date}T00:00:00.000Z`) + ((h - 4) * 60 + m + minute) * 60_000).toISOString();
  };
  const interviewsFor = (pillarId: string): Interview[] => interviews.filter((interview) => institutions.find((i) => i.id === interview.institutionId)?.relevantPillarIds.includes(pillarId));
  const quoteOfCell = new Map<string, string>();
  data.statementLevels.forEach((statement, n) => {
    const indicator = index.indicatorById.get(statement.indicatorId);
    const subTopic = index.subTopicOfIndicator.get(statement.indicatorId);
    const pillar = subTopic === undefined ? undefined : index.pillarOfSubTopic.get(subTopic.id);
    if (indicator === undefined || subTopic === undefined || pillar === undefined) throw new Error(`example data: unknown indicator "${statement.indicatorId}"`);
    const descriptor = descriptorFor(indicator, statement.trackId, statement.level);
    if (descriptor === undefined) throw new Error(`example data: no descriptor for ${statement.indicatorId} / ${statement.trackId} / ${statement.level}`);
    const candidates = interviewsFor(pillar.id);
    const interview = candidates.length === 0 ? null : candidates[n % candidates.length]!;
    const id = newId();
    quoteOfCell.set(`${statement.indicatorId}|${statement.trackId}`, id);
    observations.push({
      id,
      assessmentId,
      interviewId: interview?.id ?? null,
      authorId: lead.id,
      kind: 'quote',
      text: descriptor.text.en,
      source: `${EXAMPLE_REPORT_NAME}, section ${subTopic.code} (${descriptor.source === 'report' ? 'statement quoted verbatim' : 'statement derived'})`,
      tags: [{ subTopicId: subTopic.id, indicatorId: indicator.id, trackIds: [statement.trackId] }],
      suggestedLevel: statement.level,
      attachmentIds: [],
      confidential: false,
      createdAt: createdAt(interview),
      deleted: false,
    });
  });
  // Descriptive sub-topics (6.3.3) have no statement; a desk-research note keeps them covered.
  for (const subTopic of index.subTopicById.values()) {
    if (subTopic.indicators.length > 0) continue;
    observations.push({
      id: newId(),
      assessmentId,
      interviewId: null,
      authorId: lead.id,
      kind: 'note',
      text: `Described in the report (section ${subTopic.code}) without a maturity statement.`,
      source: `${EXAMPLE_REPORT_NAME}, section ${subTopic.code}`,
      tags: [{ subTopicId: subTopic.id, trackIds: [] }],
      suggestedLevel: null,
      attachmentIds: [],
      confidential: false,
      createdAt: createdAt(null),
      deleted: false,
    });
  }
  for (const note of data.confidentialNotes) {
    const institution = institutionOf.get(note.institution);
    const interview = interviews.find((i) => i.institutionId === institution?.id) ?? null;
    observations.push({
      id: newId(),
      assessmentId,
      interviewId: interview?.id ?? null,
      authorId: assessorA.id,
      kind: 'note',
      text: note.text,
      source: null,
      tags: [{ subTopicId: note.subTopicId, trackIds: note.trackIds }],
      suggestedLevel: null,
      attachmentIds: [],
      confidential: true,
      createdAt: createdAt(interview),
      deleted: false,
    });
  }

  const differs = new Map<string, string>(data.assessorBDiffers.map((cell) => [`${cell.indicatorId}|${cell.trackId}`, cell.level]));
  const ratings: Rating[] = [];
  const rate = (assessor: Assessor, levelOf: (key: string, reportLevel: string) => string): void => {
    for (const statement of data.statementLevels) {
      const key = `${statement.indicatorId}|${statement.trackId}`;
      const quote = quoteOfCell.get(key);
      ratings.push({
        id: ratingId(assessmentId, statement.indicatorId, statement.trackId, assessor.id),
        assessmentId,
        assessorId: assessor.id,
        indicatorId: statement.indicatorId,
        trackId: statement.trackId,
        level: levelOf(key, statement.level),
        rationale: levelOf(key, statement.level) === statement.level ? 'As the statement quoted from the report.' : 'Reads the interview evidence differently from the statement.',
        evidenceIds: quote === undefined ? [] : [quote],
        deleted: false,
      });
    }
  };
  rate(assessorA, (_key, level) => level);
  if (assessorB !== assessorA) rate(assessorB, (key, level) => differs.get(key) ?? level);

  const consensus: Consensus[] = [
    ...data.pillarLevels.map((pillar) => ({
      id: consensusId(assessmentId, 'pillar', pillar.pillarId, OVERALL_TRACK_ID),
      assessmentId,
      scope: 'pillar' as const,
      targetId: pillar.pillarId,
      trackId: OVERALL_TRACK_ID,
      level: pillar.level,
      rationale: `The report: “${pillar.quote}”`,
      setBy: lead.id,
      history: [],
      deleted: false,
    })),
    ...data.table4MigrationLevels.map((row) => ({
      id: consensusId(assessmentId, 'sub-topic', row.subTopicId, 'migration'),
      assessmentId,
      scope: 'sub-topic' as const,
      targetId: row.subTopicId,
      trackId: 'migration',
      level: row.level,
      rationale: 'The experts’ level for migration management (report, Table 4 and section 6).',
      setBy: lead.id,
      history: [],
      deleted: false,
    })),
  ];

  const findings: Finding[] = data.findings.map((finding) => ({
    id: newId(),
    assessmentId,
    pillarId: finding.pillarId,
    trackId: finding.trackId,
    kind: finding.kind,
    text: `${finding.text} (Summarised from the report, section ${finding.section}.)`,
    rank: finding.rank,
    authorId: lead.id,
    deleted: false,
  }));

  return { assessment, assessors, institutions, interviews, interviewees, observations, ratings, consensus, findings };
}
