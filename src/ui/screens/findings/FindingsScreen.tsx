/**
 * Findings: per pillar and track, the strengths, the numbered areas of improvement and the
 * recommendations, edited in place; across pillars, the ranked key recommendations. The pillar's
 * estimate and consensus sit on top, as the context the findings explain.
 *
 * Route: #/a/:assessmentId/findings/:pillarId (no pillar: the first).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, FindingKind } from '../../../core/assessment/findingSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { formatRoute } from '../../routing/route';
import { ScreenMessage } from '../../shared/ScreenMessage';
import { useOpenAssessment } from '../../shell/useOpenAssessment';
import { useTranslation } from '../../useTranslation';
import { storageFailureMessage } from '../rating/storageFailureMessage';
import { FindingList, type DeletedFinding } from './FindingList';
import { countByPillar, FINDING_KINDS, findingsOfList, isRankedList, keyRecommendations } from '../../../core/analysis/findingLists';
import { KeyRecommendations } from './KeyRecommendations';
import { PillarContext } from './PillarContext';
import { PillarPicker } from './PillarPicker';
import { applyRankUpdates, moveInRanking, nextRank, orderByRank, removeFromRanking } from '../../../core/analysis/rankOrder';
import { listHeading, trackHeading } from './trackArea';
import { useRankMoves } from './useRankMoves';
import '../../shared/pickerScreen.css';
import '../rating/rating.css';
import './findings.css';

export interface FindingsScreenProps {
  readonly assessmentId: string;
  readonly pillarId?: string | undefined;
}

const EMPTY: readonly Finding[] = [];

export function FindingsScreen({ assessmentId, pillarId }: FindingsScreenProps) {
  const { t, text } = useTranslation();
  const { shell, session, data, index, estimate, me } = useOpenAssessment();
  const stored = data?.findings ?? EMPTY;
  const moves = useRankMoves(stored);
  const findings = useMemo(() => applyRankUpdates(stored, moves.overrides), [stored, moves.overrides]);
  const [deleted, setDeleted] = useState<DeletedFinding | undefined>(undefined);
  const [focusRequest, setFocusRequest] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const pillar = index ? ((pillarId === undefined ? undefined : index.pillarById.get(pillarId)) ?? index.framework.pillars[0]) : undefined;
  const editable = me !== undefined && me.role !== 'observer';
  const counts = useMemo(() => countByPillar(stored), [stored]);
  const keyList = useMemo(() => keyRecommendations(findings), [findings]);
  const keyRank = useMemo(() => new Map(keyList.map((finding, i) => [finding.id, i + 1] as const)), [keyList]);
  const assessorById = useMemo(() => new Map((data?.assessors ?? []).map((assessor) => [assessor.id, assessor] as const)), [data?.assessors]);

  // Handlers read the latest state through a ref, so they can stay stable for the memoised rows.
  const latest = useRef({ findings, keyList, pillar, me, session });
  latest.current = { findings, keyList, pillar, me, session };
  // `t` is a new function on every render; the stable handlers read the current one.
  const tRef = useRef(t);
  tRef.current = t;

  /** After a move re-sorts the list, puts focus back where it was (or on the item's other button). */
  const keepFocus = (id: string) => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    requestAnimationFrame(() => {
      if (active && active.isConnected && !(active instanceof HTMLButtonElement && active.disabled)) {
        if (document.activeElement !== active) active.focus();
        return;
      }
      const item = document.querySelector(`[data-finding-id="${CSS.escape(id)}"]`);
      item?.querySelector<HTMLElement>('textarea, button:not([disabled])')?.focus();
    });
  };

  /** Moves a finding within a ranked list (its own, or the key recommendations) and says where it landed. */
  const moveWithin = useCallback(
    (list: readonly Finding[], id: string, delta: number) => {
      const t = tRef.current;
      const updates = moveInRanking(list, id, delta);
      if (updates.length === 0) return;
      keepFocus(id);
      void moves.commit(updates);
      const position = orderByRank(applyRankUpdates(list, new Map(updates.map((u) => [u.id, u.rank] as const)))).findIndex((f) => f.id === id) + 1;
      setAnnouncement(t('findings:moved', { position, total: list.length }));
    },
    [moves.commit],
  );

  const moveInList = useCallback(
    (id: string, delta: number) => {
      const { findings: all } = latest.current;
      const finding = all.find((candidate) => candidate.id === id);
      if (!finding || !isRankedList(finding.kind)) return;
      moveWithin(findingsOfList(all, finding.pillarId, finding.trackId, finding.kind), id, delta);
    },
    [moveWithin],
  );

  const moveKey = useCallback((id: string, delta: number) => moveWithin(latest.current.keyList, id, delta), [moveWithin]);

  const toggleKey = useCallback(
    (finding: Finding) => {
      const t = tRef.current;
      const list = latest.current.keyList;
      if (list.some((candidate) => candidate.id === finding.id)) {
        void moves.commit(removeFromRanking(list, finding.id));
        setAnnouncement(t('findings:key.removed'));
      } else {
        const rank = nextRank(list);
        void moves.commit([{ id: finding.id, rank }]);
        setAnnouncement(t('findings:key.added', { rank: list.length + 1 }));
      }
    },
    [moves.commit],
  );

  const add = useCallback(
    async (kind: FindingKind, trackId: string) => {
      const t = tRef.current;
      const { findings: all, pillar: current, me: author, session: open } = latest.current;
      if (!open || !current || !author) return;
      const rank = isRankedList(kind) ? nextRank(findingsOfList(all, current.id, trackId, kind)) : null;
      const result = await open.writer.create('finding', { assessmentId, pillarId: current.id, trackId, kind, text: '', rank, authorId: author.id });
      if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, t('findings:what.new')));
      else setFocusRequest(result.value.id);
    },
    [assessmentId, shell],
  );

  const remove = useCallback(
    async (finding: Finding, silent: boolean) => {
      const t = tRef.current;
      const open = latest.current.session;
      if (!open) return;
      await shell.autosave.flush(`finding:${finding.id}:text`);
      const result = await open.writer.remove('finding', finding.id);
      if (!result.ok) {
        shell.notify('error', storageFailureMessage(t, result.error, t('findings:what.delete')));
        return;
      }
      // A deleted key recommendation leaves a gap: close it (its own rank stays, for an undo).
      if (finding.kind === 'recommendation' && latest.current.keyList.some((candidate) => candidate.id === finding.id)) {
        void moves.commit(removeFromRanking(latest.current.keyList, finding.id).filter((update) => update.id !== finding.id));
      }
      if (silent) {
        setAnnouncement(t('findings:emptyRemoved'));
        return;
      }
      setDeleted({ finding, listKey: `${finding.trackId}:${finding.kind}` });
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-undo-id="${CSS.escape(finding.id)}"]`)?.focus());
    },
    [moves.commit, shell],
  );

  const undo = useCallback(
    async (finding: Finding) => {
      const t = tRef.current;
      const open = latest.current.session;
      if (!open) return;
      const result = await open.writer.update('finding', finding.id, { deleted: false });
      if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, t('findings:what.undo')));
      else {
        setDeleted(undefined);
        setFocusRequest(finding.id);
      }
    },
    [shell],
  );

  // Focus a new (or restored) finding's text once its row exists.
  useEffect(() => {
    if (focusRequest === undefined) return;
    const field = document.querySelector<HTMLElement>(`[data-finding-id="${CSS.escape(focusRequest)}"] textarea`);
    if (field) {
      field.focus();
      setFocusRequest(undefined);
    }
  }, [focusRequest, findings]);

  // A pending undo belongs to the pillar it was offered on.
  useEffect(() => setDeleted(undefined), [pillar?.id]);

  if (!session || data === null) {
    return (
      <ScreenMessage class="findings-screen" title={t('findings:title')} loading>
        {t('findings:loading')}
      </ScreenMessage>
    );
  }
  if (!index || !pillar) {
    return (
      <ScreenMessage class="findings-screen" title={t('findings:title')}>
        {t('findings:noFramework', { id: data.assessment.frameworkId, version: data.assessment.frameworkVersion })}
      </ScreenMessage>
    );
  }

  const authorName = (authorId: string) => assessorById.get(authorId)?.name ?? t('rating:unknownAssessor');
  const areaOf = (trackId: string) => {
    const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
    return trackHeading(t, trackId, track ? text(track.name) : trackId);
  };
  const setupHref = formatRoute({ screen: 'setup', assessmentId });
  const pillarEstimate = estimate?.pillars.find((candidate) => candidate.pillarId === pillar.id);

  return (
    <div class="findings-screen">
      <header class="findings-header">
        <h2>{interpolateNodes(t, 'findings:heading', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}</h2>
        {pillarId !== undefined && pillarId !== pillar.id && (
          <p class="notice notice-warning" role="alert">
            {t('findings:unknownPillar', { id: pillarId })}
          </p>
        )}
        {!me ? (
          <div class="notice notice-warning">
            <p>{t('findings:noMe')}</p>
            <p>
              <a href={setupHref}>{t('findings:noMeLink')}</a>
            </p>
          </div>
        ) : !editable ? (
          <p class="muted">{t('findings:observer')}</p>
        ) : (
          <p class="muted findings-shortcuts">
            {interpolateNodes(t, 'findings:shortcuts', {}, { up: <kbd>Alt + ↑</kbd>, down: <kbd>Alt + ↓</kbd> })}
          </p>
        )}
        <p>
          <button
            type="button"
            class="rf-button-link"
            onClick={() => {
              const heading = document.getElementById('key-recommendations-heading');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus();
            }}
          >
            {t('findings:toKey', { n: keyList.length })}
          </button>
        </p>
      </header>

      <div class="findings-layout">
        <PillarPicker assessmentId={assessmentId} framework={index.framework} currentId={pillar.id} counts={counts} />
        <div class="findings-main">
          <PillarContext assessmentId={assessmentId} index={index} pillar={pillar} estimate={pillarEstimate} />
          <div class="findings-tracks">
            {index.framework.tracks.map((track) => {
              const trackName = text(track.name);
              return (
                <section key={track.id} class="findings-track" aria-labelledby={`findings-track-${track.id}`} data-track-id={track.id}>
                  <h3 id={`findings-track-${track.id}`}>{trackHeading(t, track.id, trackName)}</h3>
                  {FINDING_KINDS.map((kind) => (
                    <FindingList
                      key={kind}
                      kind={kind}
                      trackId={track.id}
                      heading={listHeading(t, track.id, trackName, kind)}
                      items={findingsOfList(findings, pillar.id, track.id, kind)}
                      ordered={isRankedList(kind)}
                      editable={editable}
                      authorName={authorName}
                      keyRankOf={(finding) => keyRank.get(finding.id) ?? null}
                      deleted={deleted}
                      onAdd={add}
                      onMove={moveInList}
                      onDelete={remove}
                      onUndo={undo}
                      onToggleKey={toggleKey}
                    />
                  ))}
                </section>
              );
            })}
          </div>
          <KeyRecommendations
            assessmentId={assessmentId}
            index={index}
            items={keyList}
            editable={editable}
            areaOf={areaOf}
            onMove={moveKey}
            onRemove={toggleKey}
          />
        </div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
