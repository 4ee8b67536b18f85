import type { Coverage } from '../../../core/estimate/estimateTypes';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';

/**
 * Indicator judgements (an indicator on one track) rated, known from evidence only, and in all: a
 * stacked bar (hatched for evidence, as on the level scale) beside the same figures in words.
 */
export function CoverageMeter({ coverage, fmt }: { readonly coverage: Coverage; readonly fmt: DashboardFormatters }) {
  const { t } = useTranslation();
  const share = (n: number) => (coverage.total === 0 ? 0 : (n / coverage.total) * 100);
  return (
    <div class="dash-coverage-meter">
      <span class="dash-coverage-bar" aria-hidden="true">
        <span class="dash-coverage-rated" style={{ width: `${share(coverage.rated)}%` }} />
        <span class="dash-coverage-evidenced" style={{ width: `${share(coverage.evidenced)}%` }} />
      </span>
      <span class="dash-coverage-text">
        {t('dashboard:coverage.text', {
          rated: fmt.count(coverage.rated),
          evidenced: fmt.count(coverage.evidenced),
          total: fmt.count(coverage.total),
        })}
      </span>
    </div>
  );
}
