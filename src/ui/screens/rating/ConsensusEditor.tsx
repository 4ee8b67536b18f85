/**
 * The team's agreed level for one target (a sub-topic on a track, a pillar on a track or overall),
 * beside the estimator's bottom-up figure and the gap between them, which is shown whenever both
 * exist: a consensus never hides what the evidence and ratings say.
 *
 * The lead chooses a level and presses "Set consensus"; the previous value moves to the history
 * (consensusHistory.ts). The rationale belongs to the current decision and autosaves; before the
 * first level is set it is a draft that the first "Set" stores with the level. Everyone else sees
 * the same panel read-only.
 */
import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { consensusId, type Consensus, type ConsensusScope } from '../../../core/assessment/consensusSchema';
import type { ConsensusAwareEstimate } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { ok } from '../../../core/result';
import { FrameworkText } from '../../shared/FrameworkText';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { AutosaveTextarea } from './AutosaveTextarea';
import { consensusTimeline, planConsensusWrite } from './consensusHistory';
import { EstimateText } from './EstimateText';
import { LevelLabel } from './LevelLabel';
import { storageFailureMessage } from './storageFailureMessage';

export interface ConsensusEditorProps {
  readonly assessmentId: string;
  readonly index: FrameworkIndex;
  readonly scope: ConsensusScope;
  readonly targetId: string;
  readonly trackId: string;
  /** What the panel is about, e.g. the track name or "Overall". */
  readonly heading: ComponentChild;
  /** Spoken in messages: "the consensus for 6.1.1, central government". */
  readonly what: string;
  readonly headingLevel: 3 | 4 | 5;
  readonly estimate: ConsensusAwareEstimate | undefined;
}

const CANNOT_JUDGE = '';

export function ConsensusEditor({ assessmentId, index, scope, targetId, trackId, heading, what, headingLevel, estimate }: ConsensusEditorProps) {
  const { t, format } = useTranslation();
  const shell = useShell();
  const session = shell.session.value;
  const data = session?.data.value ?? null;
  const me = session?.me.value;
  const id = consensusId(assessmentId, scope, targetId, trackId);
  const current: Consensus | undefined = data?.consensus.find((entry) => entry.id === id);
  const isLead = me?.role === 'lead';
  const domId = `consensus-${scope}-${targetId}-${trackId}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const [draftLevel, setDraftLevel] = useState<string | null | undefined>(undefined);
  const chosen = draftLevel !== undefined ? draftLevel : current?.level;
  const rationaleDraft = useRef('');
  const [busy, setBusy] = useState(false);
  const rationaleKey = `consensus:${id}:rationale`;
  const nameOf = (assessorId: string) => data?.assessors.find((assessor) => assessor.id === assessorId)?.name ?? t('rating:unknownAssessor');
  const Heading = `h${headingLevel}` as const;

  const estimated = estimate?.estimated;
  const consensusRank = current?.level ? index.levelRank.get(current.level) : undefined;
  const gap = consensusRank !== undefined && estimated?.score != null ? consensusRank - estimated.score : null;

  const setConsensus = async () => {
    if (!session || !me || !isLead || chosen === undefined) return;
    setBusy(true);
    try {
      await shell.autosave.flush(rationaleKey);
      const stored = session.data.value?.consensus.find((entry) => entry.id === id);
      const plan = planConsensusWrite(
        stored,
        { assessmentId, scope, targetId, trackId },
        { level: chosen, rationale: rationaleDraft.current, setBy: me.id, at: new Date().toISOString() },
      );
      if (plan.kind === 'unchanged') return;
      const result = plan.kind === 'create' ? await session.writer.create('consensus', plan.input) : await session.writer.update('consensus', id, plan.patch);
      if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, what));
      else {
        setDraftLevel(undefined);
        shell.notify('success', t('rating:consensus.saved', { what }));
      }
    } finally {
      setBusy(false);
    }
  };

  const timeline = current ? consensusTimeline(current) : [];
  const earlier = timeline.filter((entry) => !entry.current);

  return (
    <section class="consensus-editor" aria-label={what} data-scope={scope} data-target-id={targetId} data-track-id={trackId}>
      <Heading id={`${domId}-heading`} class="consensus-heading">
        {heading}
      </Heading>
      <dl class="consensus-figures">
        <div>
          <dt>{t('rating:consensus.current')}</dt>
          <dd>
            {current ? (
              <>
                <strong>
                  <LevelLabel index={index} level={current.level} />
                </strong>{' '}
                <span class="muted">{t('rating:consensus.setBy', { name: nameOf(current.setBy) })}</span>
              </>
            ) : (
              <span class="muted">{t('rating:consensus.notSet')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('rating:consensus.estimate')}</dt>
          <dd>
            {estimated ? (
              <EstimateText index={index} score={estimated.score} level={estimated.level} tendency={estimated.tendency} />
            ) : (
              t('rating:estimate.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('rating:consensus.gap')}</dt>
          <dd class={gap !== null && Math.abs(gap) >= 0.5 ? 'gap is-large' : 'gap'}>{gapText(t, current, gap)}</dd>
        </div>
      </dl>
      {current && current.rationale.trim() !== '' && !isLead && <p class="consensus-rationale">{current.rationale}</p>}
      {isLead ? (
        <form
          class="consensus-form"
          onSubmit={(event) => {
            event.preventDefault();
            void setConsensus();
          }}
        >
          <fieldset class="consensus-levels">
            <legend>{t('rating:consensus.levelLegend')}</legend>
            {index.framework.levels.map((level) => (
              <label key={level.id} class={chosen === level.id ? 'consensus-level is-checked' : 'consensus-level'}>
                <input type="radio" name={`${domId}-level`} value={level.id} checked={chosen === level.id} onChange={() => setDraftLevel(level.id)} />
                <FrameworkText value={level.name} />
              </label>
            ))}
            <label class={chosen === null ? 'consensus-level is-checked' : 'consensus-level'}>
              <input type="radio" name={`${domId}-level`} value={CANNOT_JUDGE} checked={chosen === null} onChange={() => setDraftLevel(null)} />
              {t('rating:level.cannotJudge')}
            </label>
          </fieldset>
          <label for={`${domId}-rationale`} class="field-label">
            {t('rating:consensus.rationale')}
          </label>
          <AutosaveTextarea
            id={`${domId}-rationale`}
            class="rationale-field"
            value={current?.rationale ?? ''}
            saveKey={rationaleKey}
            onValue={(value) => {
              rationaleDraft.current = value;
            }}
            save={async (value) => {
              const stored = session?.data.value?.consensus.find((entry) => entry.id === id);
              // Before the first "Set" there is no record: the draft goes in with the level.
              if (!session || !stored) return ok(undefined);
              const result = await session.writer.update('consensus', id, { rationale: value });
              if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, what));
              return result;
            }}
          />
          <div class="consensus-actions">
            <button type="submit" class="rf-button rf-button-primary" disabled={busy || chosen === undefined || (current !== undefined && chosen === current.level)}>
              {current ? t('rating:consensus.change') : t('rating:consensus.set')}
            </button>
            {draftLevel !== undefined && current !== undefined && draftLevel !== current.level && (
              <span class="muted">{t('rating:consensus.unsetDraft')}</span>
            )}
          </div>
        </form>
      ) : (
        <p class="muted consensus-lead-only">{t('rating:consensus.leadOnly')}</p>
      )}
      {earlier.length > 0 && (
        <details class="consensus-history" open>
          <summary>{t('rating:consensus.history', { count: earlier.length })}</summary>
          <ol reversed>
            {timeline.map((entry, i) => (
              <li key={i} class={entry.current ? 'is-current' : undefined}>
                <p>
                  <strong>
                    <LevelLabel index={index} level={entry.level} />
                  </strong>{' '}
                  {entry.current && <span class="current-badge">{t('rating:consensus.currentBadge')}</span>}
                </p>
                <p class="muted">
                  {t('rating:consensus.setBy', { name: nameOf(entry.setBy) })}
                  {entry.from !== null && <>{' · '}{t('rating:consensus.from', { time: format.dateTime(new Date(entry.from)) })}</>}
                  {entry.until !== null && <>{' · '}{t('rating:consensus.until', { time: format.dateTime(new Date(entry.until)) })}</>}
                </p>
                {entry.rationale.trim() !== '' && <p class="history-rationale">{entry.rationale}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function gapText(t: ReturnType<typeof useTranslation>['t'], current: Consensus | undefined, gap: number | null): string {
  if (!current) return t('rating:consensus.gapNoConsensus');
  if (current.level === null) return t('rating:consensus.gapCannotJudge');
  if (gap === null) return t('rating:consensus.gapNoEstimate');
  const rounded = Math.round(Math.abs(gap) * 10) / 10;
  if (rounded === 0) return t('rating:consensus.gapNone');
  return gap > 0 ? t('rating:consensus.gapAbove', { count: rounded }) : t('rating:consensus.gapBelow', { count: rounded });
}
