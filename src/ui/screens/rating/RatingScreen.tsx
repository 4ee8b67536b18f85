/**
 * Rating: per sub-topic, each indicator on each track it is judged on, with the four descriptors
 * side by side, the evidence tagged to it, my level and rationale, the team's ratings and the
 * estimate; then the team's consensus for the sub-topic (set by the lead) and its pillar, and the
 * agreement between assessors over the pillar.
 *
 * Route: #/a/:assessmentId/rating/:subTopicId (no sub-topic: the first scored one).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Rating } from '../../../core/assessment/ratingSchema';
import type { SubTopic } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { formatRoute } from '../../routing/route';
import { ScreenMessage } from '../../shared/ScreenMessage';
import { useOpenAssessment } from '../../shell/useOpenAssessment';
import { useTranslation } from '../../useTranslation';
import { AgreementPanel } from './AgreementPanel';
import { assessmentMaps } from './assessmentMaps';
import { EstimateText } from './EstimateText';
import { EvidencePanel } from './EvidencePanel';
import { lookupEstimates } from './estimateLookup';
import { PillarConsensusEditor } from './PillarConsensusEditor';
import { cellsOfSubTopic, progressBySubTopic } from './ratingProgress';
import { cellKey, groupEvidenceOfSubTopic } from '../../../core/analysis/selectEvidence';
import { SubTopicPicker } from './SubTopicPicker';
import { TrackConsensusEditors } from './TrackConsensusEditors';
import { TrackRating } from './TrackRating';
import '../../shared/pickerScreen.css';
import { indicatorHeadingId } from './indicatorHeadingId';
import './rating.css';

export interface RatingScreenProps {
  readonly assessmentId: string;
  readonly subTopicId?: string | undefined;
}

export function RatingScreen({ assessmentId, subTopicId }: RatingScreenProps) {
  const { t, text } = useTranslation();
  const { session, data, index, estimate, me } = useOpenAssessment();

  const subTopic = useMemo(() => (index ? pickSubTopic(index, subTopicId) : undefined), [index, subTopicId]);
  const maps = useMemo(() => (data ? assessmentMaps(data) : undefined), [data?.assessors, data?.interviews, data?.institutions]);
  const lookup = useMemo(() => lookupEstimates(estimate), [estimate]);
  const progress = useMemo(
    () => (index && data ? progressBySubTopic(index, data.ratings, me?.id) : new Map()),
    [index, data?.ratings, me?.id],
  );
  const cells = useMemo(() => (index && subTopic ? cellsOfSubTopic(index, subTopic) : []), [index, subTopic]);
  // Opening a sub-topic (by link or on load) puts the cursor on my first unrated level choice,
  // unless the keyboard is already somewhere on purpose (the sub-topic list, a field).
  const ready = data !== null && index !== undefined && subTopic !== undefined;
  useEffect(() => {
    if (!ready || !me || me.role === 'observer') return undefined;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || active.id === 'main') focusMyRating();
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, subTopic?.id, me?.id]);
  const evidence = useMemo(
    () => (data && subTopic ? groupEvidenceOfSubTopic(data.observations, subTopic.id, cells) : undefined),
    [data?.observations, subTopic, cells],
  );
  const ratingsByCell = useMemo(() => {
    const byCell = new Map<string, Rating[]>();
    for (const rating of data?.ratings ?? []) {
      if (rating.deleted) continue;
      const key = cellKey(rating.indicatorId, rating.trackId);
      byCell.set(key, [...(byCell.get(key) ?? []), rating]);
    }
    return byCell;
  }, [data?.ratings]);
  const raters = useMemo<Assessor[]>(() => (data?.assessors ?? []).filter((assessor) => assessor.role !== 'observer'), [data?.assessors]);

  const pillar = subTopic && index ? index.pillarOfSubTopic.get(subTopic.id) : undefined;
  if (!session || data === null) {
    return (
      <ScreenMessage class="rating-screen" title={t('rating:title')} loading>
        {t('rating:loading')}
      </ScreenMessage>
    );
  }
  if (!index) {
    return (
      <ScreenMessage class="rating-screen" title={t('rating:title')}>
        {t('rating:noFramework', { id: data.assessment.frameworkId, version: data.assessment.frameworkVersion })}
      </ScreenMessage>
    );
  }
  if (!subTopic || !pillar || !maps || !evidence) {
    return (
      <ScreenMessage class="rating-screen" title={t('rating:title')}>
        {t('rating:noSubTopics')}
      </ScreenMessage>
    );
  }

  const unknownRequested = subTopicId !== undefined && subTopicId !== subTopic.id;
  const subTopicTracks = index.trackIds.filter((trackId) => cells.some((cell) => cell.trackId === trackId));
  const ordered = index.framework.pillars.flatMap((p) => p.subTopics);
  const position = ordered.findIndex((candidate) => candidate.id === subTopic.id);
  const previous = position > 0 ? ordered[position - 1] : undefined;
  const next = position >= 0 ? ordered[position + 1] : undefined;
  const setupHref = formatRoute({ screen: 'setup', assessmentId });

  return (
    <div class="rating-screen">
      {me && me.role !== 'observer' && (
        // Not a fragment link: the hash is the app's route.
        <button type="button" class="rating-skip" onClick={() => focusMyRating()}>
          {t('rating:skipToMine')}
        </button>
      )}
      <header class="rating-header">
        <div class="rating-title">
          <h2 id="rating-title">
            {interpolateNodes(t, 'rating:heading', { code: subTopic.code }, { name: <FrameworkText value={subTopic.name} /> })}
          </h2>
          <p class="rating-context">
            <span>{interpolateNodes(t, 'rating:pillarLine', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}</span>
            {me && (
              <span class="rating-as">
                {interpolateNodes(
                  t,
                  'rating:ratingAs',
                  {},
                  {
                    name: <strong>{me.name}</strong>,
                    role: {
                      lead: t('rating:role.lead'),
                      assessor: t('rating:role.assessor'),
                      observer: t('rating:role.observer'),
                    }[me.role],
                  },
                )}{' '}
                <a href={setupHref}>{t('rating:changeMe')}</a>
              </span>
            )}
          </p>
        </div>
        <details class="shortcut-help">
          <summary>{t('rating:shortcuts.heading')}</summary>
          <dl>
            <div>
              <dt>
                <kbd>←</kbd> <kbd>→</kbd> / <kbd>↑</kbd> <kbd>↓</kbd>
              </dt>
              <dd>{t('rating:shortcuts.arrows')}</dd>
            </div>
            <div>
              <dt>
                <kbd>1</kbd>–<kbd>{index.levelIds.length}</kbd>
              </dt>
              <dd>{t('rating:shortcuts.digits')}</dd>
            </div>
            <div>
              <dt>
                <kbd>0</kbd>
              </dt>
              <dd>{t('rating:shortcuts.zero')}</dd>
            </div>
            <div>
              <dt>
                <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd>
              </dt>
              <dd>{t('rating:shortcuts.picker')}</dd>
            </div>
          </dl>
        </details>
        {unknownRequested && (
          <p class="notice notice-warning rating-header-notice" role="alert">
            {t('rating:unknownSubTopic', { id: subTopicId })}
          </p>
        )}
        {!me && (
          <div class="notice notice-warning rating-header-notice">
            <p>{t('rating:noMe')}</p>
            <p>
              <a href={setupHref}>{t('rating:noMeLink')}</a>
            </p>
          </div>
        )}
      </header>

      <div class="rating-layout">
        <SubTopicPicker assessmentId={assessmentId} framework={index.framework} currentId={subTopic.id} progress={progress} showProgress={me !== undefined} />

        <div class="rating-main">
          {subTopicTracks.length > 0 && (
            <section class="sub-topic-summary" aria-labelledby="sub-topic-summary-heading">
              <h3 id="sub-topic-summary-heading">{t('rating:summary.heading')}</h3>
              <ul class="summary-tracks">
                {subTopicTracks.map((trackId) => {
                  const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
                  const figure = lookup.subTopic.get(cellKey(subTopic.id, trackId));
                  // The estimator's own coverage: indicators with at least one level (not "cannot judge").
                  const done = figure?.coverage.rated ?? 0;
                  const total = figure?.coverage.total ?? cells.filter((cell) => cell.trackId === trackId).length;
                  return (
                    <li key={trackId}>
                      <span class="summary-track">{track ? <FrameworkText value={track.name} /> : trackId}</span>
                      <span>
                        {figure ? (
                          <EstimateText index={index} score={figure.score} level={figure.level} tendency={figure.tendency} basis={figure.basis} provisional={figure.provisional} />
                        ) : (
                          t('rating:estimate.none')
                        )}
                      </span>
                      <span class="muted">{t('rating:summary.rated', { done, count: total })}</span>
                    </li>
                  );
                })}
              </ul>
              <p>
                {/* Not a fragment link: the hash is the app's route. */}
                <button
                  type="button"
                  class="rf-button-link"
                  onClick={() => {
                    const heading = document.getElementById('sub-topic-consensus-heading');
                    heading?.scrollIntoView({ block: 'start' });
                    heading?.focus();
                  }}
                >
                  {t('rating:summary.toConsensus')}
                </button>
              </p>
            </section>
          )}

          {subTopic.indicators.length === 0 ? (
            <div class="descriptive-note">
              <p class="descriptive-label">{t('explorer:subTopic.descriptive')}</p>
              <p>{t('rating:descriptive')}</p>
            </div>
          ) : (
            subTopic.indicators.map((indicator) => (
              <section key={indicator.id} class="indicator-rating" aria-labelledby={indicatorHeadingId(indicator.id)}>
                <h3 id={indicatorHeadingId(indicator.id)}>
                  {interpolateNodes(t, 'rating:indicator', { code: indicator.code }, { label: <FrameworkText value={indicator.label} /> })}
                </h3>
                {(index.tracksOfIndicator.get(indicator.id) ?? []).map((trackId) => {
                  const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
                  if (!track) return null;
                  const key = cellKey(indicator.id, trackId);
                  return (
                    <TrackRating
                      key={key}
                      assessmentId={assessmentId}
                      index={index}
                      indicator={indicator}
                      track={track}
                      me={me}
                      ratings={ratingsByCell.get(key) ?? EMPTY}
                      raters={raters}
                      evidence={evidence.byCell.get(key) ?? EMPTY}
                      estimate={lookup.indicator.get(key)}
                      maps={maps}
                    />
                  );
                })}
              </section>
            ))
          )}

          {evidence.unmatched.length > 0 && (
            <section class="unmatched-evidence" aria-labelledby="unmatched-heading">
              <h3 id="unmatched-heading">{t('rating:unmatched.heading')}</h3>
              <p class="muted">{t('rating:unmatched.explanation')}</p>
              <EvidencePanel
                index={index}
                idPrefix="unmatched"
                heading={t('rating:evidence.heading')}
                observations={evidence.unmatched}
                maps={maps}
                linked={undefined}
              />
            </section>
          )}

          {subTopicTracks.length > 0 && (
            <section class="sub-topic-consensus" aria-labelledby="sub-topic-consensus-heading">
              <h3 id="sub-topic-consensus-heading" tabIndex={-1}>
                {interpolateNodes(t, 'rating:consensus.heading', { code: subTopic.code }, { name: <FrameworkText value={subTopic.name} /> })}
              </h3>
              <div class="consensus-grid">
                <TrackConsensusEditors
                  assessmentId={assessmentId}
                  index={index}
                  scope="sub-topic"
                  targetId={subTopic.id}
                  trackIds={subTopicTracks}
                  headingLevel={4}
                  what={(track) => t('rating:what.subTopicConsensus', { code: subTopic.code, track })}
                  estimateOf={(trackId) => lookup.subTopic.get(cellKey(subTopic.id, trackId))}
                />
              </div>
            </section>
          )}

          <PillarConsensusEditor assessmentId={assessmentId} pillarId={pillar.id} headingLevel={3} />

          <AgreementPanel index={index} pillar={pillar} ratings={data.ratings} assessorById={maps.assessorById} />

          <nav class="sub-topic-steps" aria-label={t('rating:steps.label')}>
            {previous && (
              <a href={formatRoute({ screen: 'rating', assessmentId, subTopicId: previous.id })} rel="prev">
                ← {t('rating:steps.previous', { code: previous.code, name: text(previous.name) })}
              </a>
            )}
            {next && (
              <a href={formatRoute({ screen: 'rating', assessmentId, subTopicId: next.id })} rel="next">
                {t('rating:steps.next', { code: next.code, name: text(next.name) })} →
              </a>
            )}
          </nav>
        </div>
      </div>
    </div>
  );
}

const EMPTY: readonly never[] = [];

/** The requested sub-topic, or the first one with something to rate, or the very first. */
export function pickSubTopic(index: FrameworkIndex, subTopicId: string | undefined): SubTopic | undefined {
  const requested = subTopicId === undefined ? undefined : index.subTopicById.get(subTopicId);
  if (requested) return requested;
  const all = index.framework.pillars.flatMap((pillar) => pillar.subTopics);
  return all.find((subTopic) => subTopic.indicators.length > 0) ?? all[0];
}

/**
 * Focuses my first level choice still unrated on this sub-topic (else my first one), on its chosen
 * radio if any: the group's Tab stop, where arrow keys and 1–4 act.
 */
function focusMyRating(): void {
  const cell = document.querySelector<HTMLElement>('.track-rating[data-mine="unrated"]') ?? document.querySelector<HTMLElement>('.track-rating[data-mine]');
  const radio = cell?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? cell?.querySelector<HTMLInputElement>('input[type="radio"]');
  if (!cell || !radio) return;
  radio.focus({ preventScroll: true });
  cell.scrollIntoView({ block: 'nearest' });
}
