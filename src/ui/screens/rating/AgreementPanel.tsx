/**
 * How far the assessors agree over the current pillar, once two or more have rated in it:
 * Krippendorff's ordinal alpha over everyone and quadratic-weighted kappa per pair, each with a
 * plain-language reading, so "0.72" becomes "substantial agreement".
 */
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Rating } from '../../../core/assessment/ratingSchema';
import type { Pillar } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { useMemo } from 'preact/hooks';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import { agreementBand, agreementOfPillar, type AgreementBand } from '../../../core/analysis/agreementOfPillar';

interface AgreementPanelProps {
  readonly index: FrameworkIndex;
  readonly pillar: Pillar;
  readonly ratings: readonly Rating[];
  readonly assessorById: ReadonlyMap<string, Assessor>;
}

export function AgreementPanel({ index, pillar, ratings, assessorById }: AgreementPanelProps) {
  const { t, format } = useTranslation();
  const agreement = useMemo(() => agreementOfPillar(index, pillar, ratings), [index, pillar, ratings]);
  const name = (id: string) => assessorById.get(id)?.name ?? t('rating:unknownAssessor');
  const bandText = (band: AgreementBand): string =>
    ({
      poor: t('rating:agreement.band.poor'),
      slight: t('rating:agreement.band.slight'),
      fair: t('rating:agreement.band.fair'),
      moderate: t('rating:agreement.band.moderate'),
      substantial: t('rating:agreement.band.substantial'),
      'almost-perfect': t('rating:agreement.band.almostPerfect'),
    })[band];
  const reading = (value: number | null) => (value === null ? t('rating:agreement.undefined') : bandText(agreementBand(value)));

  return (
    <section class="agreement-panel" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">
        {interpolateNodes(t, 'rating:agreement.heading', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}
      </h3>
      {agreement.assessorIds.length < 2 ? (
        <p class="muted">{t('rating:agreement.needTwo')}</p>
      ) : (
        <>
          <p class="agreement-alpha">
            {agreement.alpha === null
              ? t('rating:agreement.alphaUndefined', { count: agreement.pairableUnits })
              : t('rating:agreement.alpha', { value: agreement.alpha, reading: reading(agreement.alpha), count: agreement.pairableUnits })}
          </p>
          <table class="agreement-table">
            <caption class="visually-hidden">{t('rating:agreement.pairsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rating:agreement.pair')}</th>
                <th scope="col">{t('rating:agreement.shared')}</th>
                <th scope="col">{t('rating:agreement.kappa')}</th>
                <th scope="col">{t('rating:agreement.reading')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.pairs.map((pair) => (
                <tr key={`${pair.assessorA}-${pair.assessorB}`}>
                  <th scope="row">{t('rating:agreement.pairNames', { a: name(pair.assessorA), b: name(pair.assessorB) })}</th>
                  <td>{format.number(pair.shared)}</td>
                  <td>{pair.kappa === null ? '—' : t('rating:agreement.value', { value: pair.kappa })}</td>
                  <td>{reading(pair.kappa)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted agreement-note">{t('rating:agreement.note')}</p>
        </>
      )}
    </section>
  );
}
