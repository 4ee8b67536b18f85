/**
 * One indicator on one track, for one assessor: the four descriptors to choose from, my rationale
 * and the evidence I link, beside what the rest of the team and the estimator say.
 *
 * Writes: the level, the rationale and the linked evidence are separate autosave keys, each a
 * one-field patch, so they never overwrite each other. The first write creates the rating with its
 * deterministic id (ratingId) and everything chosen so far; later writes update it. Until storage
 * confirms a level or a link, the screen shows the choice optimistically.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Observation } from '../../../core/assessment/observationSchema';
import { ratingId, type Rating } from '../../../core/assessment/ratingSchema';
import type { IndicatorEstimate } from '../../../core/estimate/estimateTypes';
import { SHARED_TRACK_KEY, type Indicator, type Track } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { ok, type Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { levelSpread } from '../../../core/analysis/agreementOfPillar';
import type { AssessmentMaps } from './assessmentMaps';
import { AutosaveTextarea } from './AutosaveTextarea';
import { EstimateText } from './EstimateText';
import { EvidencePanel } from './EvidencePanel';
import { LevelChoice, type LevelMark } from './LevelChoice';
import { LevelLabel } from './LevelLabel';
import { storageFailureMessage } from './storageFailureMessage';
import { indicatorHeadingId } from './indicatorHeadingId';

export interface TrackRatingProps {
  readonly assessmentId: string;
  readonly index: FrameworkIndex;
  readonly indicator: Indicator;
  readonly track: Track;
  readonly me: Assessor | undefined;
  /** Every live rating of this indicator × track, mine included. */
  readonly ratings: readonly Rating[];
  /** Assessors who rate (lead and assessors), for "not rated yet". */
  readonly raters: readonly Assessor[];
  readonly evidence: readonly Observation[];
  readonly estimate: IndicatorEstimate | undefined;
  readonly maps: AssessmentMaps;
}

type Level = string | null;
type LevelValue = Level | undefined;

export function TrackRating(props: TrackRatingProps) {
  const { assessmentId, index, indicator, track, me, ratings, raters, evidence, estimate, maps } = props;
  const { t } = useTranslation();
  const shell = useShell();
  const session = shell.session.value;
  const canRate = me !== undefined && me.role !== 'observer';
  const id = me ? ratingId(assessmentId, indicator.id, track.id, me.id) : undefined;
  const mine = id === undefined ? undefined : ratings.find((rating) => rating.id === id);
  const others = ratings.filter((rating) => rating.id !== id);
  const name = `rate-${indicator.id}-${track.id}`.replace(/[^A-Za-z0-9_-]/g, '-');

  // Optimistic values, dropped once storage agrees (or a write fails).
  const [levelOverride, setLevelOverride] = useState<{ value: Level } | undefined>(undefined);
  const [linkOverride, setLinkOverride] = useState<readonly string[] | undefined>(undefined);
  const level: LevelValue = levelOverride ? levelOverride.value : mine?.level;
  const linkedIds = linkOverride ?? mine?.evidenceIds ?? [];
  // Compared with the override as it is when the effect runs, not as this render saw it: a key
  // pressed between a render and its effect (3 then → at once) sets a newer override that a stale
  // "storage agrees" must not clear. Storage echoes fast now that only changed records are read.
  useEffect(() => {
    const stored = mine?.level;
    setLevelOverride((current) => (current && current.value === stored ? undefined : current));
  }, [mine?.level]);
  useEffect(() => {
    const stored = mine?.evidenceIds;
    setLinkOverride((current) => (current && stored && sameIds(stored, current) ? undefined : current));
  }, [mine?.evidenceIds]);

  // What a create must contain; read when the write runs, not when it was scheduled.
  const draft = useRef<{ level: LevelValue; rationale: string; evidenceIds: readonly string[] }>({ level, rationale: '', evidenceIds: linkedIds });
  draft.current.level = level;
  draft.current.evidenceIds = linkedIds;

  const what = t('rating:what.rating', { code: indicator.code });
  const persist = async (patch: { level?: Level; rationale?: string; evidenceIds?: readonly string[] }): Promise<Result<unknown, StorageFailure>> => {
    if (!session || !me || id === undefined) return ok(undefined);
    const stored = session.data.value?.ratings.find((rating) => rating.id === id);
    let result: Result<unknown, StorageFailure>;
    if (stored) {
      // Only the named field: a patch key set to undefined is refused by storage.
      const fields: { level?: Level; rationale?: string; evidenceIds?: string[] } = {};
      if (patch.level !== undefined) fields.level = patch.level;
      if (patch.rationale !== undefined) fields.rationale = patch.rationale;
      if (patch.evidenceIds !== undefined) fields.evidenceIds = [...patch.evidenceIds];
      result = await session.writer.update('rating', id, fields);
    } else {
      const chosen = patch.level !== undefined ? patch.level : draft.current.level;
      // A rating is a judgement: nothing is created before a level or "cannot judge" is chosen.
      if (chosen === undefined) return ok(undefined);
      result = await session.writer.create('rating', {
        assessmentId,
        assessorId: me.id,
        indicatorId: indicator.id,
        trackId: track.id,
        level: chosen,
        rationale: patch.rationale ?? draft.current.rationale,
        evidenceIds: [...(patch.evidenceIds ?? draft.current.evidenceIds)],
      });
    }
    if (!result.ok) {
      shell.notify('error', storageFailureMessage(t, result.error, what));
      if (patch.level !== undefined) setLevelOverride(undefined);
      if (patch.evidenceIds !== undefined) setLinkOverride(undefined);
    }
    return result;
  };
  const persistRef = useRef(persist);
  persistRef.current = persist;

  const levelKey = `rating:${id}:level`;
  const evidenceKey = `rating:${id}:evidence`;
  const rationaleKey = `rating:${id}:rationale`;

  const choose = (value: Level) => {
    if (!canRate) return;
    setLevelOverride({ value });
    draft.current.level = value;
    shell.autosave.schedule(levelKey, () => persistRef.current({ level: value }));
  };

  const toggleLink = useCallback(
    (observationId: string) => {
      const current = draft.current.evidenceIds;
      const next = current.includes(observationId) ? current.filter((x) => x !== observationId) : [...current, observationId];
      draft.current.evidenceIds = next;
      setLinkOverride(next);
      shell.autosave.schedule(evidenceKey, () => persistRef.current({ evidenceIds: next }));
      void shell.autosave.flush(evidenceKey);
    },
    [evidenceKey, shell],
  );

  const clear = async () => {
    if (!session || id === undefined) return;
    await shell.autosave.flush(levelKey);
    await shell.autosave.flush(rationaleKey);
    await shell.autosave.flush(evidenceKey);
    const result = await session.writer.remove('rating', id);
    if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, what));
    else {
      setLevelOverride(undefined);
      setLinkOverride(undefined);
      draft.current = { level: undefined, rationale: '', evidenceIds: [] };
      shell.notify('info', t('rating:mine.cleared', { code: indicator.code }));
    }
  };

  const marks = useMemo(() => {
    const result = new Map<string, LevelMark[]>();
    const add = (levelId: string, mark: LevelMark) => result.set(levelId, [...(result.get(levelId) ?? []), mark]);
    for (const rating of others) {
      if (rating.level === null) continue;
      const assessorName = maps.assessorById.get(rating.assessorId)?.name ?? t('rating:unknownAssessor');
      add(rating.level, { key: rating.id, short: initials(assessorName), title: assessorName, kind: 'assessor' });
    }
    if (estimate?.level) add(estimate.level, { key: 'estimate', short: '≈', title: t('rating:team.estimate'), kind: 'estimate' });
    return result;
  }, [others, estimate?.level, maps, t]);

  const ranks = ratings
    .map((rating) => (rating.id === id ? level : rating.level))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => index.levelRank.get(value))
    .filter((rank): rank is number => rank !== undefined);
  const spread = levelSpread(ranks);
  const notRated = raters.filter((rater) => rater.id !== me?.id && !ratings.some((rating) => rating.assessorId === rater.id));
  const headingId = `${name}-heading`;
  const rationaleId = `${name}-rationale`;
  const rationaleHintId = `${name}-rationale-hint`;
  const linked = useMemo(() => new Set(linkedIds), [linkedIds]);
  const shared = SHARED_TRACK_KEY in indicator.descriptors;

  return (
    // Named by the indicator and the track: "Central government" alone repeats for every indicator.
    <section class="track-rating" aria-labelledby={`${indicatorHeadingId(indicator.id)} ${headingId}`} data-indicator-id={indicator.id} data-track-id={track.id} data-mine={canRate ? (level === undefined ? 'unrated' : 'rated') : undefined}>
      <h4 id={headingId} class="track-rating-heading">
        <TrackName track={track} />
        {shared && <span class="shared-note">{t('rating:track.shared')}</span>}
      </h4>
      <LevelChoice
        index={index}
        indicator={indicator}
        trackId={track.id}
        name={name}
        legend={t('rating:mine.legend', { code: indicator.code })}
        value={level}
        readOnly={!canRate}
        marks={marks}
        onChoose={choose}
        onCommit={() => void shell.autosave.flush(levelKey)}
      />
      {marks.size > 0 && (
        <p class="marks-legend" aria-hidden="true">
          {interpolateNodes(
            t,
            'rating:marks.legend',
            {},
            {
              assessor: <span class="level-mark mark-assessor">{t('rating:marks.initials')}</span>,
              estimate: <span class="level-mark mark-estimate">≈</span>,
            },
          )}
        </p>
      )}
      <div class="track-rating-columns">
        <div class="my-rating">
          <h5>{t('rating:mine.heading')}</h5>
          {canRate ? (
            <>
              <p class="my-level" aria-live="polite">
                {level === undefined ? (
                  <span class="muted">{t('rating:mine.notYet')}</span>
                ) : (
                  <>
                    {t('rating:mine.current')} <strong><LevelLabel index={index} level={level} /></strong>
                  </>
                )}
              </p>
              <label for={rationaleId} class="field-label">
                {t('rating:mine.rationale')}
              </label>
              <AutosaveTextarea
                id={rationaleId}
                class="rationale-field"
                value={mine?.rationale ?? ''}
                saveKey={rationaleKey}
                save={(value) => persistRef.current({ rationale: value })}
                onValue={(value) => {
                  draft.current.rationale = value;
                }}
                disabled={level === undefined}
                aria-describedby={level === undefined ? rationaleHintId : undefined}
              />
              {level === undefined && (
                <p id={rationaleHintId} class="muted field-hint">
                  {t('rating:mine.rationaleHint')}
                </p>
              )}
              {level !== undefined && mine && (
                <button type="button" class="rf-button" onClick={() => void clear()}>
                  {t('rating:mine.clear')}
                </button>
              )}
            </>
          ) : (
            <p class="muted">{me ? t('rating:mine.observer') : t('rating:mine.noMe')}</p>
          )}
        </div>
        <div class="team-view">
          <h5>{t('rating:team.heading')}</h5>
          {others.length === 0 && notRated.length === 0 ? (
            <p class="muted">{t('rating:team.alone')}</p>
          ) : (
            <ul class="team-ratings">
              {others.map((rating) => (
                <li key={rating.id}>
                  {interpolateNodes(
                    t,
                    'rating:team.rated',
                    {},
                    {
                      name: <span class="team-name">{maps.assessorById.get(rating.assessorId)?.name ?? t('rating:unknownAssessor')}</span>,
                      level: (
                        <strong>
                          <LevelLabel index={index} level={rating.level} />
                        </strong>
                      ),
                    },
                  )}
                  {rating.rationale.trim() !== '' && <p class="team-rationale">{rating.rationale}</p>}
                </li>
              ))}
              {notRated.map((rater) => (
                <li key={rater.id} class="muted">
                  {t('rating:team.notRated', { name: rater.name })}
                </li>
              ))}
            </ul>
          )}
          <p class="team-spread">
            {spread === null ? t('rating:team.noSpread') : t('rating:team.spread', { count: spread })}
          </p>
          <p class="team-estimate">
            <span class="muted">{t('rating:team.estimate')}:</span>{' '}
            {estimate ? (
              <EstimateText index={index} score={estimate.score} level={estimate.level} tendency={estimate.tendency} basis={estimate.basis} provisional={estimate.provisional} />
            ) : (
              t('rating:estimate.none')
            )}
          </p>
        </div>
      </div>
      <EvidencePanel
        index={index}
        idPrefix={name}
        heading={t('rating:evidence.heading')}
        observations={evidence}
        maps={maps}
        linked={canRate && level !== undefined ? linked : undefined}
        linkHint={canRate && level === undefined && evidence.length > 0 ? t('rating:evidence.linkHint') : undefined}
        onToggleLink={canRate ? toggleLink : undefined}
        open={evidence.length > 0}
      />
    </section>
  );
}

function TrackName({ track }: { readonly track: Track }) {
  return <FrameworkText value={track.name} />;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length === 1 ? [...(words[0] ?? '')].slice(0, 2) : words.slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
