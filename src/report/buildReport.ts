/**
 * The report of an assessment, in the structure of the Armenia 2022 report: executive summary with
 * the ranked key recommendations; introduction and methodology (framework, levels, interviews);
 * per pillar its overview, per sub-topic the statement and level on each track with a summary of
 * the evidence, the overall level with tendency, strengths and areas of improvement per track;
 * agreement and triangulation; conclusions with Tables 3 and 4; the interviewees; and an annex with
 * the ratings, consensus and notes behind every level (which each level links to).
 *
 * Confidential notes are never quoted; the document counts those it left out and says so.
 * Pure: the app, the command-line tool and the tests build the same document from the same records.
 */
import { agreementBand, agreementOfPillar, agreementOverall, alphaReading, type AgreementBand, type AlphaReading, type PillarAgreement } from '../core/analysis/agreementOfPillar';
import type { AssessmentRecords } from '../core/analysis/assessmentRecords';
import { buildCoverageGrid } from '../core/analysis/coverageGrid';
import { disagreements } from '../core/analysis/disagreements';
import { estimateInputOf } from '../core/analysis/estimateInputOf';
import { findingsOfList, keyRecommendations } from '../core/analysis/findingLists';
import { table3, table4, tendencyOf } from '../core/analysis/maturityTables';
import { sourceMatrix } from '../core/analysis/sourceMatrix';
import type { Observation } from '../core/assessment/observationSchema';
import { estimateAssessment } from '../core/estimate/estimateAssessment';
import type { AssessmentEstimate, SubTopicEstimate } from '../core/estimate/estimateTypes';
import { descriptorFor, type FrameworkIndex } from '../core/framework/indexFramework';
import type { LocalizedText } from '../core/framework/frameworkSchema';
import { heatMapChart } from './charts/heatMapChart';
import { radarChart } from './charts/radarChart';
import { spreadChart } from './charts/spreadChart';
import { NARRATIVE } from './narrativeKeys';
import { text, type Block, type EvidenceTarget, type Inline, type ReportDocument, type TableBlock, type TableCell } from './reportDocument';
import type { ReportT } from './reportText';

export interface ReportOptions {
  readonly lang: string;
  readonly t: ReportT;
  /** Formats an ISO date (YYYY-MM-DD) for the report's language. */
  readonly formatDate?: (isoDate: string) => string;
  /** The track printed in Table 4; the report prints migration management. */
  readonly table4TrackId?: string;
}

export interface BuiltReport {
  readonly document: ReportDocument;
  readonly estimate: AssessmentEstimate;
}

const MAX_QUOTES_PER_CELL = 3;

export function buildReport(records: AssessmentRecords, index: FrameworkIndex, options: ReportOptions): BuiltReport {
  const { t, lang } = options;
  const formatDate = options.formatDate ?? ((iso: string) => iso);
  const loc = (value: LocalizedText | undefined) => (value === undefined ? '' : (value[lang] ?? value.en));
  const live = <R extends { deleted: boolean }>(list: readonly R[]) => list.filter((r) => !r.deleted);
  const assessors = live(records.assessors);
  const institutions = live(records.institutions);
  const interviews = live(records.interviews).sort((a, b) => (a.date + (a.startTime ?? '') < b.date + (b.startTime ?? '') ? -1 : 1));
  const observations = live(records.observations);
  const ratings = live(records.ratings);
  const findings = live(records.findings);
  const estimate = estimateAssessment(estimateInputOf({ ...records, interviews }, index));
  const framework = index.framework;
  const levelName = (levelId: string | null) => (levelId === null ? t('report:level.none') : loc(index.framework.levels.find((l) => l.id === levelId)?.name) || levelId);
  const trackName = (trackId: string) => loc(framework.tracks.find((track) => track.id === trackId)?.name) || trackId;
  const institutionById = new Map(institutions.map((i) => [i.id, i] as const));
  const institutionOfInterview = new Map(interviews.map((i) => [i.id, institutionById.get(i.institutionId)] as const));
  const assessorName = new Map(assessors.map((a) => [a.id, a.name] as const));
  const reportText = records.assessment.reportText ?? {};
  const confidentialOmitted = observations.filter((o) => o.confidential === true).length;
  const table4Track = options.table4TrackId ?? (index.trackIds.includes('migration') ? 'migration' : index.trackIds[index.trackIds.length - 1]!);

  const levelInline = (levelId: string | null, target: EvidenceTarget | null, tendency?: string | null): Inline => ({
    kind: 'level',
    levelId,
    target,
    text: tendency ? t('report:level.withTendency', { level: levelName(levelId), tendency: levelName(tendency) }) : levelName(levelId),
  });
  const narrative = (key: string, label: string, placeholder: string): Block => ({ kind: 'narrative', key, label, text: reportText[key] ?? '', placeholder });
  const blocks: Block[] = [];
  const heading = (depth: 1 | 2 | 3 | 4, id: string, value: string) => blocks.push({ kind: 'heading', depth, id, text: value });
  const para = (...inlines: Inline[]) => blocks.push({ kind: 'paragraph', inlines });

  // ---- Title
  const title = t('report:title', { country: records.assessment.country });
  heading(1, 'title', title);
  para(text(records.assessment.title, true));
  if (records.assessment.startDate !== null) {
    para(text(t('report:period', { start: formatDate(records.assessment.startDate), end: formatDate(records.assessment.endDate ?? records.assessment.startDate) })));
  }
  if (records.assessment.example === true) para(text(t('report:exampleNotice'), true));
  if (confidentialOmitted > 0) para(text(t('report:confidentialOmitted', { count: confidentialOmitted })));

  // ---- Executive summary
  heading(2, 'executive-summary', t('report:section.executiveSummary'));
  blocks.push(narrative(NARRATIVE.executiveSummary, t('report:section.executiveSummary'), t('report:placeholder.executiveSummary')));
  const keys = keyRecommendations(findings);
  heading(3, 'key-recommendations', t('report:section.keyRecommendations'));
  if (keys.length === 0) para(text(t('report:empty.keyRecommendations')));
  else blocks.push({ kind: 'list', ordered: true, items: keys.map((finding) => [text(finding.text)]) });

  // ---- Introduction and methodology
  heading(2, 'introduction', t('report:section.introduction'));
  blocks.push(narrative(NARRATIVE.introduction, t('report:section.introduction'), t('report:placeholder.introduction')));
  heading(2, 'methodology', t('report:section.methodology'));
  para(text(t('report:methodology.framework', { framework: loc(framework.name), version: framework.version, pillars: framework.pillars.length, tracks: framework.tracks.map((tr) => loc(tr.name)).join(', ') })));
  para(text(t('report:methodology.levels', { count: framework.levels.length })));
  blocks.push({ kind: 'list', ordered: true, items: framework.levels.map((level) => [text(`${loc(level.name)}: `, true), text(loc(level.definition))]) });
  para(text(t('report:methodology.target', { level: levelName(framework.targetLevel) })));
  const doneInterviews = interviews.filter((i) => i.status === 'done');
  const first = doneInterviews[0]?.date;
  const last = doneInterviews[doneInterviews.length - 1]?.date;
  para(text(t('report:methodology.interviews', { count: doneInterviews.length, institutions: new Set(doneInterviews.map((i) => i.institutionId)).size, start: first ? formatDate(first) : '—', end: last ? formatDate(last) : '—' })));
  blocks.push(interviewsTable());

  // ---- Pillars
  heading(2, 'maturity', t('report:section.maturity'));
  const estimateOfPillar = new Map(estimate.pillars.map((p) => [p.pillarId, p] as const));
  for (const pillar of framework.pillars) {
    const pillarEstimate = estimateOfPillar.get(pillar.id);
    heading(3, `pillar-${pillar.id}`, `${pillar.code} ${loc(pillar.name)}`);
    blocks.push(narrative(NARRATIVE.pillarOverview(pillar.id), t('report:section.overview'), loc(pillar.overview) || t('report:placeholder.overview')));
    for (const subTopic of pillar.subTopics) {
      heading(4, `sub-topic-${subTopic.id}`, `${subTopic.code} ${loc(subTopic.name)}`);
      if (subTopic.indicators.length === 0) {
        para(text(t('report:subTopic.descriptive')));
        continue;
      }
      const rows: TableBlock['rows'][number][] = [];
      for (const trackId of index.trackIds) {
        const trackEstimate = pillarEstimate?.tracks.find((tr) => tr.trackId === trackId)?.subTopics.find((s) => s.subTopicId === subTopic.id);
        if (trackEstimate === undefined) continue;
        for (const indicatorEstimate of trackEstimate.indicators) {
          const indicator = index.indicatorById.get(indicatorEstimate.indicatorId);
          if (indicator === undefined) continue;
          const descriptor = indicatorEstimate.level === null ? undefined : descriptorFor(indicator, trackId, indicatorEstimate.level);
          rows.push({
            cells: [
              { inlines: [text(trackName(trackId))] },
              { inlines: descriptor === undefined ? [text(t('report:subTopic.noStatement'))] : descriptor.source === 'report' ? [{ kind: 'quote', text: loc(descriptor.text) }] : [text(loc(descriptor.text))] },
              { inlines: [levelInline(indicatorEstimate.level, { kind: 'sub-topic', subTopicId: subTopic.id, trackId })] },
            ],
          });
        }
        rows.push({ cells: [{ inlines: [text(t('report:subTopic.levelOfTrack', { track: trackName(trackId) }), true)] }, { inlines: [text(basisText(trackEstimate))] }, { inlines: [levelInline(trackEstimate.level, { kind: 'sub-topic', subTopicId: subTopic.id, trackId }, tendencyOf(trackEstimate))] }] });
      }
      blocks.push({ kind: 'table', id: `statements-${subTopic.id}`, caption: t('report:subTopic.caption', { code: subTopic.code, name: loc(subTopic.name) }), head: [t('report:column.track'), t('report:column.statement'), t('report:column.level')], rows });
      para(text(evidenceSummary(subTopic.id)));
    }
    heading(4, `pillar-${pillar.id}-overall`, t('report:section.overallAndFindings', { name: loc(pillar.name) }));
    const overall = pillarEstimate?.overall;
    para(text(t('report:pillar.overall', { name: loc(pillar.name) }) + ' '), levelInline(overall?.level ?? null, { kind: 'pillar', pillarId: pillar.id, trackId: 'overall' }, tendencyOf(overall)));
    for (const trackId of index.trackIds) {
      for (const kind of ['strength', 'improvement', 'recommendation'] as const) {
        const list = findingsOfList(findings, pillar.id, trackId, kind);
        if (list.length === 0) continue;
        para(text(findingsHeading(kind, trackHeadingText(trackId)), true));
        blocks.push({ kind: 'list', ordered: kind === 'improvement', items: list.map((finding) => [text(finding.text)]) });
      }
    }
  }

  // ---- Charts
  heading(2, 'charts', t('report:section.charts'));
  blocks.push(radarFigure(), heatMapFigure(), spreadFigure());

  // ---- Agreement and triangulation
  heading(2, 'agreement', t('report:section.agreement'));
  blocks.push(...agreementBlocks());

  // ---- Conclusions
  heading(2, 'conclusions', t('report:section.conclusions'));
  blocks.push(narrative(NARRATIVE.conclusions, t('report:section.conclusions'), t('report:placeholder.conclusions')));
  blocks.push(table3Block(), table4Block());

  // ---- Interviewees
  heading(2, 'interviewees', t('report:section.interviewees'));
  para(text(t('report:interviewees.intro')));
  blocks.push({
    kind: 'list',
    ordered: false,
    items: interviews
      .filter((i) => i.status === 'done')
      .map((interview) => {
        const institution = institutionById.get(interview.institutionId);
        const roles = live(records.interviewees)
          .filter((p) => p.interviewId === interview.id && p.role !== '')
          .map((p) => p.role);
        const uniqueRoles = [...new Set(roles)];
        return [text(`${institution?.name ?? t('report:unknownInstitution')} – ${formatDate(interview.date)}${uniqueRoles.length > 0 ? ` (${uniqueRoles.join('; ')})` : ''}`)];
      }),
  });

  // ---- Annex: the evidence behind every level
  heading(2, 'evidence', t('report:section.evidence'));
  para(text(t('report:evidence.intro')));
  blocks.push(...evidenceAnnex());

  return {
    estimate,
    document: {
      lang,
      title,
      runningTitle: `${title} — ${records.assessment.title}`,
      blocks,
      confidentialOmitted,
      assessmentId: records.assessment.id,
    },
  };

  // ---- helpers (function declarations, hoisted, closing over the report's data)

  function trackHeadingText(trackId: string): string {
    if (trackId === 'central') return t('report:track.central');
    if (trackId === 'migration') return t('report:track.migration');
    return trackName(trackId);
  }

  function basisText(node: SubTopicEstimate): string {
    if (node.consensus !== null) return t('report:basis.consensus');
    if (node.basis === 'ratings') return t('report:basis.ratings');
    if (node.basis === 'evidence') return t('report:basis.evidence');
    return t('report:basis.none');
  }

  function notesOfSubTopic(subTopicId: string): Observation[] {
    return observations.filter((o) => o.tags.some((tag) => tag.subTopicId === subTopicId));
  }

  function evidenceSummary(subTopicId: string): string {
    const notes = notesOfSubTopic(subTopicId);
    const sources = new Set(notes.map((n) => (n.interviewId === null ? t('report:deskResearch') : (institutionOfInterview.get(n.interviewId)?.acronym || institutionOfInterview.get(n.interviewId)?.name || t('report:unknownInstitution')))));
    const confidential = notes.filter((n) => n.confidential === true).length;
    const base = notes.length === 0 ? t('report:evidence.none') : t('report:evidence.summary', { count: notes.length, sources: [...sources].sort().join(', ') });
    return confidential > 0 ? `${base} ${t('report:evidence.confidential', { count: confidential })}` : base;
  }

  function interviewsTable(): TableBlock {
    const byInstitution = new Map<string, string[]>();
    for (const interview of interviews) {
      if (interview.status !== 'done') continue;
      const list = byInstitution.get(interview.institutionId) ?? [];
      list.push(formatDate(interview.date));
      byInstitution.set(interview.institutionId, list);
    }
    return {
      kind: 'table',
      id: 'interviews-held',
      caption: t('report:table.interviews'),
      head: [t('report:column.institution'), t('report:column.dates'), t('report:column.pillars')],
      rows: [...byInstitution].map(([institutionId, dates]) => {
        const institution = institutionById.get(institutionId);
        return {
          cells: [
            { inlines: [text(institution?.name ?? t('report:unknownInstitution'))] },
            { inlines: [text(dates.join(', '))] },
            { inlines: [text((institution?.relevantPillarIds ?? []).map((id) => index.pillarById.get(id)?.code ?? id).join(', '))] },
          ],
        };
      }),
    };
  }

  function levelColumns(levelId: string | null, target: EvidenceTarget, tendency: string | null): TableCell[] {
    return framework.levels.map((level) => ({
      tick: level.id === levelId,
      inlines: level.id === levelId ? [levelInline(levelId, target, tendency)] : [],
    }));
  }

  function table3Block(): TableBlock {
    return {
      kind: 'table',
      id: 'table-3',
      caption: t('report:table.table3'),
      head: [t('report:column.pillar'), ...framework.levels.map((level) => loc(level.name))],
      rows: table3(estimate, index).map((row, n) => ({
        cells: [{ inlines: [text(`${n + 1}. ${loc(index.pillarById.get(row.id)?.name)}`)] }, ...levelColumns(row.level, { kind: 'pillar', pillarId: row.id, trackId: 'overall' }, row.tendency)],
      })),
    };
  }

  function table4Block(): TableBlock {
    const rows: TableBlock['rows'][number][] = [];
    table4(estimate, index, table4Track).forEach((group, n) => {
      rows.push({ group: true, cells: [{ inlines: [text(`${n + 1}. ${loc(index.pillarById.get(group.pillarId)?.name)}`, true)] }, ...framework.levels.map(() => ({ inlines: [] }))] });
      for (const row of group.rows) {
        rows.push({ cells: [{ inlines: [text(loc(index.subTopicById.get(row.id)?.name))] }, ...levelColumns(row.level, { kind: 'sub-topic', subTopicId: row.id, trackId: table4Track }, row.tendency)] });
      }
    });
    return { kind: 'table', id: 'table-4', caption: t('report:table.table4', { track: trackName(table4Track) }), head: [t('report:column.subTopic'), ...framework.levels.map((level) => loc(level.name))], rows };
  }

  function radarFigure(): Block {
    const axes = framework.pillars.map((p) => loc(p.name));
    const series = index.trackIds.map((trackId) => ({
      label: trackName(trackId),
      values: framework.pillars.map((p) => estimateOfPillar.get(p.id)?.tracks.find((tr) => tr.trackId === trackId)?.score ?? null),
    }));
    const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));
    return {
      kind: 'figure',
      id: 'figure-radar',
      title: t('report:chart.radar.title'),
      description: t('report:chart.radar.description', { target: levelName(framework.targetLevel) }),
      svg: radarChart({ id: 'figure-radar-svg', title: t('report:chart.radar.title'), description: t('report:chart.radar.description', { target: levelName(framework.targetLevel) }), axes, levels: framework.levels.map((l) => loc(l.name)), targetRank: index.targetRank, targetLabel: t('report:chart.target', { level: levelName(framework.targetLevel) }), series }),
      table: {
        kind: 'table',
        id: 'figure-radar-data',
        caption: t('report:chart.radar.title'),
        head: [t('report:column.pillar'), ...series.map((s) => s.label), t('report:chart.targetColumn')],
        rows: framework.pillars.map((p, i) => ({ cells: [{ inlines: [text(loc(p.name))] }, ...series.map((s) => ({ inlines: [text(fmt(s.values[i] ?? null))] })), { inlines: [text(String(index.targetRank))] }] })),
      },
    };
  }

  function heatMapFigure(): Block {
    const grid = buildCoverageGrid({ institutions, interviews, observations }, index);
    const rowLabel = (row: (typeof grid.rows)[number]) => (row.institution ? row.institution.acronym || row.institution.name : row.kind === 'desk-research' ? t('report:deskResearch') : t('report:unknownInstitution'));
    const columns = framework.pillars.map((p) => loc(p.name));
    return {
      kind: 'figure',
      id: 'figure-heatmap',
      title: t('report:chart.heatmap.title'),
      description: t('report:chart.heatmap.description'),
      svg: heatMapChart({ id: 'figure-heatmap-svg', title: t('report:chart.heatmap.title'), description: t('report:chart.heatmap.description'), rowLabels: grid.rows.map(rowLabel), columnLabels: columns, values: grid.rows.map((row) => row.cells.map((c) => c.notes)), marked: grid.rows.map((row) => row.cells.map((c) => c.relevant)) }),
      table: {
        kind: 'table',
        id: 'figure-heatmap-data',
        caption: t('report:chart.heatmap.title'),
        head: [t('report:column.institution'), ...framework.pillars.map((p) => p.code)],
        rows: grid.rows.map((row) => ({ cells: [{ inlines: [text(rowLabel(row))] }, ...row.cells.map((c) => ({ inlines: [text(c.relevant ? `${c.notes} ${t('report:chart.heatmap.relevantMark')}` : String(c.notes))] }))] })),
      },
    };
  }

  function spreadFigure(): Block {
    const rows: Array<{ label: string; values: number[]; agreed: number | null }> = [];
    for (const pillar of estimate.pillars) {
      for (const track of pillar.tracks) {
        for (const subTopic of track.subTopics) {
          const perAssessor = new Map<string, number[]>();
          for (const indicator of subTopic.indicators) {
            for (const rating of ratings) {
              if (rating.indicatorId !== indicator.indicatorId || rating.trackId !== track.trackId || rating.level === null) continue;
              const rank = index.levelRank.get(rating.level);
              if (rank === undefined) continue;
              perAssessor.set(rating.assessorId, [...(perAssessor.get(rating.assessorId) ?? []), rank]);
            }
          }
          if (perAssessor.size === 0) continue;
          const values = [...perAssessor.values()].map((list) => list.reduce((a, b) => a + b, 0) / list.length);
          rows.push({ label: `${index.subTopicById.get(subTopic.subTopicId)?.code ?? ''} ${trackName(track.trackId)}`, values, agreed: subTopic.consensus?.rank ?? null });
        }
      }
    }
    const fmt = (v: number) => v.toFixed(2);
    return {
      kind: 'figure',
      id: 'figure-spread',
      title: t('report:chart.spread.title'),
      description: t('report:chart.spread.description'),
      svg: spreadChart({ id: 'figure-spread-svg', title: t('report:chart.spread.title'), description: t('report:chart.spread.description'), levels: framework.levels.map((l) => loc(l.name)), rows }),
      table: {
        kind: 'table',
        id: 'figure-spread-data',
        caption: t('report:chart.spread.title'),
        head: [t('report:column.subTopic'), t('report:column.assessorLevels'), t('report:column.agreed')],
        rows: rows.map((row) => ({ cells: [{ inlines: [text(row.label)] }, { inlines: [text(row.values.map(fmt).join(', '))] }, { inlines: [text(row.agreed === null ? '—' : levelName(framework.levels[row.agreed - 1]?.id ?? null))] }] })),
      },
    };
  }

  function agreementWords(agreement: PillarAgreement): string {
    if (agreement.alpha === null) return t('report:agreement.alphaUndefined');
    return alphaWords(alphaReading(agreement.alpha), agreement.alpha.toFixed(3));
  }

  function agreementBlocks(): Block[] {
    const out: Block[] = [];
    const overall = agreementOverall(index, ratings);
    out.push({ kind: 'paragraph', inlines: [text(t('report:agreement.method'))] });
    out.push({ kind: 'paragraph', inlines: [text(t('report:agreement.overall', { assessors: overall.assessorIds.length, units: overall.pairableUnits }) + ' '), text(agreementWords(overall))] });
    const name = (id: string) => assessorName.get(id) ?? t('report:unknownAssessor');
    const kappaText = (kappa: number | null) => (kappa === null ? '—' : `${kappa.toFixed(3)} (${bandWords(agreementBand(kappa))})`);
    const pairs = overall.pairs.map((pair) => `${name(pair.assessorA)} / ${name(pair.assessorB)}`);
    out.push({
      kind: 'table',
      id: 'agreement-by-pillar',
      caption: t('report:table.agreement'),
      head: [t('report:column.pillar'), t('report:column.alpha'), ...pairs.map((pair) => t('report:column.kappa', { pair }))],
      rows: [
        ...framework.pillars.map((pillar) => {
          const a = agreementOfPillar(index, pillar, ratings);
          return {
            cells: [
              { inlines: [text(`${pillar.code} ${loc(pillar.name)}`)] },
              { inlines: [text(a.alpha === null ? '—' : `${a.alpha.toFixed(3)} (${readingWords(alphaReading(a.alpha))})`)] },
              ...overall.pairs.map((pair) => ({ inlines: [text(kappaText(a.pairs.find((p) => p.assessorA === pair.assessorA && p.assessorB === pair.assessorB)?.kappa ?? null))] })),
            ],
          };
        }),
        {
          cells: [
            { inlines: [text(t('report:agreement.allPillars'), true)] },
            { inlines: [text(overall.alpha === null ? '—' : `${overall.alpha.toFixed(3)} (${readingWords(alphaReading(overall.alpha))})`)] },
            ...overall.pairs.map((pair) => ({ inlines: [text(kappaText(pair.kappa))] })),
          ],
        },
      ],
    });
    out.push({ kind: 'paragraph', inlines: [text(t('report:agreement.bands'))] });
    const flagged = disagreements(index, ratings);
    out.push({ kind: 'paragraph', inlines: [text(t('report:agreement.flagged', { count: flagged.length }), true)] });
    if (flagged.length > 0) {
      out.push({
        kind: 'list',
        ordered: false,
        items: flagged.map((d) => [
          text(`${index.subTopicById.get(d.subTopicId)?.code ?? ''} ${loc(index.subTopicById.get(d.subTopicId)?.name)} — ${trackName(d.trackId)}: `),
          text(d.levels.map((l) => `${name(l.assessorId)} ${levelName(l.level)}`).join(', ')),
          text(` (${t('report:agreement.levelsApart', { count: d.spread })})`),
        ]),
      });
    }
    const matrix = sourceMatrix(index, { institutions, interviews, observations });
    const subTopicCode = (id: string) => index.subTopicById.get(id)?.code ?? id;
    out.push({
      kind: 'table',
      id: 'sources-by-sub-topic',
      caption: t('report:table.sources'),
      head: [t('report:column.source'), ...matrix.subTopicIds.map(subTopicCode)],
      rows: matrix.rows.map((row) => ({
        cells: [
          { inlines: [text(row.institution ? row.institution.acronym || row.institution.name : t('report:deskResearch'))] },
          ...row.cells.map((cell) => ({ inlines: [text(cell.meanRank === null ? (cell.notes > 0 ? '·' : '') : levelName(framework.levels[Math.round(cell.meanRank) - 1]?.id ?? null).slice(0, 3))] })),
        ],
      })),
    });
    out.push({ kind: 'paragraph', inlines: [text(t('report:agreement.sourcesKey'))] });
    return out;
  }

  function evidenceAnnex(): Block[] {
    const out: Block[] = [];
    const speakerName = new Map(live(records.interviewees).map((person) => [person.id, person.name] as const));
    const consensusOf = new Map(live(records.consensus).map((c) => [`${c.scope}|${c.targetId}|${c.trackId}`, c] as const));
    for (const pillar of framework.pillars) {
      const pillarConsensus = consensusOf.get(`pillar|${pillar.id}|overall`);
      out.push({ kind: 'heading', depth: 3, id: `evidence-pillar-${pillar.id}-overall`, text: `${pillar.code} ${loc(pillar.name)}` });
      const overall = estimateOfPillar.get(pillar.id)?.overall;
      out.push({ kind: 'paragraph', inlines: [text(t('report:evidence.pillarEstimate', { level: levelName(overall?.estimated.level ?? null) }) + ' '), text(pillarConsensus ? t('report:evidence.consensus', { level: levelName(pillarConsensus.level), by: name(pillarConsensus.setBy), rationale: pillarConsensus.rationale || '—' }) : t('report:evidence.noConsensus'))] });
      for (const subTopic of pillar.subTopics) {
        if (subTopic.indicators.length === 0) continue;
        for (const trackId of index.trackIds) {
          const indicatorIds = subTopic.indicators.filter((i) => (index.tracksOfIndicator.get(i.id) ?? []).includes(trackId)).map((i) => i.id);
          if (indicatorIds.length === 0) continue;
          out.push({ kind: 'heading', depth: 4, id: `evidence-${subTopic.id}-${trackId}`, text: `${subTopic.code} ${loc(subTopic.name)} — ${trackName(trackId)}` });
          const items: Inline[][] = [];
          for (const rating of ratings) {
            if (!indicatorIds.includes(rating.indicatorId) || rating.trackId !== trackId) continue;
            items.push([text(t('report:evidence.rating', { assessor: name(rating.assessorId), indicator: index.indicatorById.get(rating.indicatorId)?.code ?? '', level: levelName(rating.level) })), ...(rating.rationale ? [text(` — ${rating.rationale}`)] : [])]);
          }
          const c = consensusOf.get(`sub-topic|${subTopic.id}|${trackId}`);
          if (c) items.push([text(t('report:evidence.consensus', { level: levelName(c.level), by: name(c.setBy), rationale: c.rationale || '—' }), true)]);
          const notes = observations.filter((o) => o.tags.some((tag) => tag.subTopicId === subTopic.id && (tag.trackIds.length === 0 || tag.trackIds.includes(trackId)) && (tag.indicatorId === undefined || indicatorIds.includes(tag.indicatorId))));
          const quotable = notes.filter((n) => n.confidential !== true);
          for (const note of quotable.slice(0, MAX_QUOTES_PER_CELL)) {
            const institution = note.interviewId === null ? t('report:deskResearch') : (institutionOfInterview.get(note.interviewId)?.name ?? t('report:unknownInstitution'));
            // Who said it, where the note names them (the annex of interviewees lists them too).
            const speaker = note.intervieweeId ? speakerName.get(note.intervieweeId) : undefined;
            const source = speaker === undefined ? institution : t('report:evidence.saidBy', { institution, name: speaker });
            items.push([text(`${source}: `), note.kind === 'quote' ? { kind: 'quote', text: note.text } : text(note.text), ...(note.suggestedLevel ? [text(` (${t('report:evidence.suggests', { level: levelName(note.suggestedLevel) })})`)] : [])]);
          }
          if (quotable.length > MAX_QUOTES_PER_CELL) items.push([text(t('report:evidence.more', { count: quotable.length - MAX_QUOTES_PER_CELL }))]);
          const hidden = notes.length - quotable.length;
          if (hidden > 0) items.push([text(t('report:evidence.confidential', { count: hidden }))]);
          if (items.length === 0) items.push([text(t('report:evidence.nothing'))]);
          out.push({ kind: 'list', ordered: false, items });
        }
      }
    }
    return out;
  }

  function findingsHeading(kind: 'strength' | 'improvement' | 'recommendation', track: string): string {
    if (kind === 'strength') return t('report:findings.strength', { track });
    if (kind === 'improvement') return t('report:findings.improvement', { track });
    return t('report:findings.recommendation', { track });
  }

  function alphaWords(reading: AlphaReading, alpha: string): string {
    if (reading === 'reliable') return t('report:agreement.alpha.reliable', { alpha });
    if (reading === 'tentative') return t('report:agreement.alpha.tentative', { alpha });
    return t('report:agreement.alpha.unreliable', { alpha });
  }

  function readingWords(reading: AlphaReading): string {
    return { reliable: t('report:agreement.reading.reliable'), tentative: t('report:agreement.reading.tentative'), unreliable: t('report:agreement.reading.unreliable') }[reading];
  }

  function bandWords(band: AgreementBand): string {
    return {
      poor: t('report:agreement.band.poor'),
      slight: t('report:agreement.band.slight'),
      fair: t('report:agreement.band.fair'),
      moderate: t('report:agreement.band.moderate'),
      substantial: t('report:agreement.band.substantial'),
      'almost-perfect': t('report:agreement.band.almost-perfect'),
    }[band];
  }

  function name(id: string): string {
    return assessorName.get(id) ?? t('report:unknownAssessor');
  }
}

/** The in-document anchor of a level's evidence (the annex). */
export function evidenceAnchor(target: EvidenceTarget): string {
  return target.kind === 'pillar' ? `evidence-pillar-${target.pillarId}-overall` : `evidence-${target.subTopicId}-${target.trackId}`;
}
