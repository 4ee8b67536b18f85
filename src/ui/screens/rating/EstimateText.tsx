/**
 * An estimate in words: "Developing (2.4), tending towards established · from assessors' ratings".
 * Evidence-only figures always say "provisional", so nobody mistakes them for a judgement.
 */
import type { Basis } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import { LevelLabel } from './LevelLabel';

interface EstimateTextProps {
  readonly index: FrameworkIndex;
  readonly score: number | null;
  readonly level: string | null;
  readonly tendency: string | null;
  /** Omit to leave out what the figure rests on. */
  readonly basis?: Basis | undefined;
  readonly provisional?: boolean | undefined;
}

export function EstimateText({ index, score, level, tendency, basis, provisional }: EstimateTextProps) {
  const { t } = useTranslation();
  if (score === null || level === null) return <span class="estimate-text is-empty">{t('rating:estimate.none')}</span>;
  const basisText =
    basis === undefined
      ? undefined
      : provisional === true && basis !== 'evidence'
        ? t('rating:basis.partlyEvidence')
        : {
            consensus: t('rating:basis.consensus'),
            ratings: t('rating:basis.ratings'),
            evidence: t('rating:basis.evidence'),
            none: t('rating:basis.none'),
          }[basis];
  return (
    <span class={provisional ? 'estimate-text is-provisional' : 'estimate-text'}>
      <strong>{interpolateNodes(t, 'rating:estimate.value', { score }, { level: <LevelLabel index={index} level={level} /> })}</strong>
      {tendency !== null && <> {interpolateNodes(t, 'rating:estimate.tendency', {}, { level: <LevelLabel index={index} level={tendency} /> })}</>}
      {basisText !== undefined && <span class="estimate-basis"> · {basisText}</span>}
    </span>
  );
}
