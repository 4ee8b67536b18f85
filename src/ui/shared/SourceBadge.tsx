import type { DescriptorSource } from '../../core/framework/frameworkSchema';
import { useTranslation } from '../useTranslation';

/** Text, not only colour, tells quoted descriptors from written ones. */
export function SourceBadge({ source }: { readonly source: DescriptorSource }) {
  const { t } = useTranslation();
  const label = source === 'report' ? t('explorer:source.report') : t('explorer:source.derived');
  const hint = source === 'report' ? t('explorer:source.reportHint') : t('explorer:source.derivedHint');
  return (
    <span class={`source-badge source-${source}`} title={hint}>
      {label}
    </span>
  );
}
