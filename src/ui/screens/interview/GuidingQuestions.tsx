/**
 * Guiding questions for this stakeholder: the sub-topics of the pillars the institution matters for
 * (all pillars when it names none), each with its questions, a tick once this interview has a note
 * on it, and how many notes it has here and in the whole assessment. Choosing a sub-topic tags the
 * next note with it and puts the cursor back in the note.
 */
import { useState } from 'preact/hooks';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { coverageTotals, guidingCoverage, relevantPillars, type PillarCoverage } from './guidingCoverage';
import { useInterview } from './InterviewContext';

interface GuidingQuestionsProps {
  readonly headingId: string;
  /**
   * Called after a sub-topic was chosen, instead of focusing the composer here: the drawer must
   * close first (a modal dialog makes the rest of the page inert), then the parent moves focus.
   */
  readonly onChosen?: () => void;
}

export function GuidingQuestions({ headingId, onChosen }: GuidingQuestionsProps) {
  const { t, text } = useTranslation();
  const { model, announce } = useInterview();
  const index = model.index.value;
  const institution = model.institution.value;
  const inInterview = model.coverageInInterview.value;
  const inAssessment = model.coverageInAssessment.value;
  const [showAll, setShowAll] = useState(false);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  if (!index) return null;

  const relevant = relevantPillars(index, institution?.relevantPillarIds);
  const pillars = showAll ? index.framework.pillars : relevant.pillars;
  const coverage = guidingCoverage(pillars, inInterview, inAssessment);
  const totals = coverageTotals(coverage);

  const choose = (subTopicId: string) => {
    const subTopic = index.subTopicById.get(subTopicId);
    model.composer.current?.addTag(subTopicId);
    if (subTopic) announce(t('interview:guide.tagged', { code: subTopic.code, name: text(subTopic.name) }));
    if (onChosen) onChosen();
    else model.composer.current?.focus();
  };

  const toggle = (pillarId: string) => {
    const next = new Set(collapsed);
    if (next.has(pillarId)) next.delete(pillarId);
    else next.add(pillarId);
    setCollapsed(next);
  };

  return (
    <div class="guide">
      <h3 id={headingId}>{t('interview:guide.heading')}</h3>
      <p class="guide-summary">{t('interview:guide.summary', { covered: totals.covered, count: totals.total })}</p>
      <p class="muted guide-scope">
        {relevant.filtered && institution ? t('interview:guide.scopeInstitution', { institution: institution.acronym || institution.name }) : t('interview:guide.scopeAll')}
      </p>
      <div class="guide-filters">
        {relevant.filtered && (
          <label class="checkbox">
            <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.currentTarget.checked)} />
            <span>{t('interview:guide.showAll')}</span>
          </label>
        )}
        <label class="checkbox">
          <input type="checkbox" checked={onlyMissing} onChange={(event) => setOnlyMissing(event.currentTarget.checked)} />
          <span>{t('interview:guide.onlyMissing')}</span>
        </label>
      </div>
      <p id={`${headingId}-hint`} class="visually-hidden">
        {t('interview:guide.chooseHint')}
      </p>
      {coverage.map((entry) => (
        <PillarGuide
          key={entry.pillar.id}
          entry={entry}
          collapsed={collapsed.has(entry.pillar.id)}
          onlyMissing={onlyMissing}
          hintId={`${headingId}-hint`}
          onToggle={() => toggle(entry.pillar.id)}
          onChoose={choose}
        />
      ))}
    </div>
  );
}

interface PillarGuideProps {
  readonly entry: PillarCoverage;
  readonly collapsed: boolean;
  readonly onlyMissing: boolean;
  readonly hintId: string;
  readonly onToggle: () => void;
  readonly onChoose: (subTopicId: string) => void;
}

function PillarGuide({ entry, collapsed, onlyMissing, hintId, onToggle, onChoose }: PillarGuideProps) {
  const { t } = useTranslation();
  const { pillar } = entry;
  const listId = `guide-${pillar.id}`;
  const subTopics = pillar.subTopics.filter((subTopic, position) => !onlyMissing || (entry.subTopics[position]?.inInterview ?? 0) === 0);
  return (
    <section class="guide-pillar" aria-labelledby={`${listId}-heading`}>
      <h4 id={`${listId}-heading`} class="guide-pillar-heading">
        <button type="button" class="guide-pillar-toggle" aria-expanded={!collapsed} aria-controls={listId} onClick={onToggle}>
          {/* Drawn by CSS with empty alt text: the heading's name is the pillar, not "▸ 6.5 …". */}
          <span class="guide-chevron" aria-hidden="true" />
          <span class="guide-code">{pillar.code}</span>
          <span class="guide-pillar-name">
            <FrameworkText value={pillar.name} />
          </span>
          <span class="guide-pillar-count">{t('interview:guide.pillarCovered', { covered: entry.covered, total: entry.subTopics.length })}</span>
        </button>
      </h4>
      <ul id={listId} class="guide-sub-topics" hidden={collapsed}>
        {subTopics.length === 0 && <li class="muted">{t('interview:guide.allCovered')}</li>}
        {subTopics.map((subTopic) => {
          const counts = entry.subTopics.find((candidate) => candidate.subTopicId === subTopic.id);
          const here = counts?.inInterview ?? 0;
          const overall = counts?.inAssessment ?? 0;
          return (
            <li key={subTopic.id} class={here > 0 ? 'guide-sub-topic is-covered' : 'guide-sub-topic'}>
              <button type="button" class="guide-choose" aria-describedby={hintId} onClick={() => onChoose(subTopic.id)} data-sub-topic-id={subTopic.id}>
                <span class={here > 0 ? 'guide-tick is-covered' : 'guide-tick'} aria-hidden="true">
                  {here > 0 ? '✓' : ''}
                </span>
                <span class="guide-code">{subTopic.code}</span>
                <span class="guide-name">
                  <FrameworkText value={subTopic.name} />
                </span>
                <span class="visually-hidden">{here > 0 ? t('interview:guide.covered') : t('interview:guide.notCovered')}</span>
              </button>
              <p class="guide-counts">
                <span>{t('interview:guide.notesHere', { count: here })}</span>
                <span class="guide-counts-all">{t('interview:guide.notesInAssessment', { count: overall })}</span>
              </p>
              {subTopic.questions.length > 0 && (
                <ol class="guide-questions">
                  {subTopic.questions.map((question, position) => (
                    <li key={position}>
                      <FrameworkText value={question} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
