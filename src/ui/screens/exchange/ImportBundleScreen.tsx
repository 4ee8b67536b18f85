/**
 * Receiving an assessment on a device that does not hold it yet: the exchange screen belongs to an
 * assessment, so a new team member's laptop needs this entry point outside any assessment (the
 * assessments list, or a route of its own). The same import flow; the report links to the imported
 * assessment.
 */
import { useTranslation } from '../../useTranslation';
import { useExchangeDeps } from './exchangeDeps';
import { ImportPanel } from './ImportPanel';
import './exchange.css';

export function ImportBundleScreen() {
  const { t } = useTranslation();
  const deps = useExchangeDeps();
  return (
    <div class="xc xc-standalone">
      <h2 class="xc-title">{t('exchange:receive.title')}</h2>
      <p class="screen-intro">{t('exchange:receive.intro')}</p>
      <ImportPanel deps={deps} />
    </div>
  );
}
