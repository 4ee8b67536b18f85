/**
 * One indicator on one track: the four level descriptors side by side, as a radio group. Click a
 * descriptor to choose its level; in the group, arrows move the choice (native radios), digits 1–4
 * choose a level directly and 0 "cannot judge". The target level is highlighted, every descriptor
 * says whether it is quoted from the report or derived, and small marks show where the other
 * assessors and the estimate put this cell (the team panel says the same in words).
 *
 * Without the right to rate (no "me", or an observer) the same cards are shown without inputs.
 */
import type { JSX } from 'preact';
import type { Indicator } from '../../../core/framework/frameworkSchema';
import { descriptorFor, type FrameworkIndex } from '../../../core/framework/indexFramework';
import { resolveLocalized } from '../../../i18n/localize';
import { BreakableText } from '../../shared/BreakableText';
import { FrameworkText } from '../../shared/FrameworkText';
import { SourceBadge } from '../../shared/SourceBadge';
import { useTranslation } from '../../useTranslation';

export interface LevelMark {
  readonly key: string;
  /** Short text shown on the card (initials, "≈"). */
  readonly short: string;
  /** Full text for the tooltip. */
  readonly title: string;
  readonly kind: 'assessor' | 'estimate' | 'consensus';
}

interface LevelChoiceProps {
  readonly index: FrameworkIndex;
  readonly indicator: Indicator;
  readonly trackId: string;
  /** Unique per indicator × track on the page (radio group name and id prefix). */
  readonly name: string;
  readonly legend: string;
  /** My level: a level id, null for "cannot judge", undefined when not judged. */
  readonly value: string | null | undefined;
  readonly readOnly: boolean;
  readonly marks: ReadonlyMap<string, readonly LevelMark[]>;
  readonly onChoose: (level: string | null) => void;
  /** Focus left the group: write the choice now. */
  readonly onCommit: () => void;
}

/** The radio value standing for "cannot judge" (level ids never are empty). */
const CANNOT_JUDGE = '';

export function LevelChoice({ index, indicator, trackId, name, legend, value, readOnly, marks, onChoose, onCommit }: LevelChoiceProps) {
  const { t, language } = useTranslation();
  const { framework } = index;

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFieldSetElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof HTMLInputElement)) return;
    let chosen: string | null | undefined;
    if (event.key === '0') chosen = null;
    else if (/^[1-9]$/.test(event.key)) chosen = index.levelIds[Number(event.key) - 1];
    if (chosen === undefined) return;
    event.preventDefault();
    onChoose(chosen);
    const radio = event.currentTarget.querySelector<HTMLInputElement>(`input[value="${chosen ?? CANNOT_JUDGE}"]`);
    radio?.focus();
  };

  const cards = framework.levels.map((level) => {
    const descriptor = descriptorFor(indicator, trackId, level.id);
    const resolved = descriptor && resolveLocalized(descriptor.text, language);
    const isTarget = level.id === framework.targetLevel;
    const checked = value === level.id;
    const levelMarks = marks.get(level.id) ?? [];
    const nameId = `${name}-${level.id}-name`;
    const descriptionId = `${name}-${level.id}-text`;
    const body = (
      <>
        <span class="level-option-head">
          {!readOnly && (
            <input
              type="radio"
              name={name}
              value={level.id}
              checked={checked}
              aria-labelledby={nameId}
              aria-describedby={descriptionId}
              onChange={() => onChoose(level.id)}
            />
          )}
          <span id={nameId} class="level-option-name">
            <FrameworkText value={level.name} />
            {isTarget && <span class="target-badge">{t('explorer:levels.target')}</span>}
          </span>
        </span>
        {descriptor && resolved ? (
          <span id={descriptionId} class="level-option-text">
            <span class="descriptor-text" lang={resolved.language === language ? undefined : resolved.language}>
              <BreakableText text={resolved.text} />
            </span>
            <SourceBadge source={descriptor.source} />
          </span>
        ) : (
          <span id={descriptionId} class="level-option-text muted">
            {t('explorer:indicator.missingDescriptor')}
          </span>
        )}
        {levelMarks.length > 0 && (
          <span class="level-marks" aria-hidden="true">
            {levelMarks.map((mark) => (
              <span key={mark.key} class={`level-mark mark-${mark.kind}`} title={mark.title}>
                {mark.short}
              </span>
            ))}
          </span>
        )}
      </>
    );
    const classes = ['level-option', isTarget ? 'is-target' : '', checked ? 'is-checked' : ''].filter(Boolean).join(' ');
    return readOnly ? (
      <li key={level.id} class={classes}>
        {body}
      </li>
    ) : (
      <label key={level.id} class={classes}>
        {body}
      </label>
    );
  });

  if (readOnly) {
    return (
      <div class="level-choice is-read-only">
        <p class="level-choice-legend">{legend}</p>
        <ul class="level-options" style={{ '--level-count': framework.levels.length }}>
          {cards}
        </ul>
      </div>
    );
  }

  return (
    <fieldset
      class="level-choice"
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) onCommit();
      }}
    >
      <legend class="level-choice-legend">{legend}</legend>
      <div class="level-options" style={{ '--level-count': framework.levels.length }}>
        {cards}
      </div>
      <label class={value === null ? 'cannot-judge is-checked' : 'cannot-judge'}>
        <input type="radio" name={name} value={CANNOT_JUDGE} checked={value === null} onChange={() => onChoose(null)} />
        <span>{t('rating:level.cannotJudge')}</span>
        <span class="muted cannot-judge-hint">{t('rating:level.cannotJudgeHint')}</span>
      </label>
    </fieldset>
  );
}
