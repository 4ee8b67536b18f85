/**
 * "Open the Armenia 2022 example": a complete example assessment built from the report, stored like
 * any other (so it can be explored, exported and deleted), opened on its report. Its code and data
 * are fetched on the click, so the first screen carries none of it. If the example is already on
 * this device, it is opened instead of stored twice.
 */
import { useState } from 'preact/hooks';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';

export function OpenExampleButton() {
  const shell = useShell();
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'failed'>('idle');
  const existing = shell.assessments.value?.find((assessment) => assessment.example === true && !assessment.deleted);

  const open = async () => {
    if (existing !== undefined) {
      shell.navigate({ screen: 'report', assessmentId: existing.id });
      return;
    }
    const mmdma = shell.frameworks.value.find((entry) => entry.framework.id === 'mmdma');
    if (mmdma === undefined) {
      setState('failed');
      return;
    }
    setState('opening');
    const [{ seedArmeniaExample }, data] = await Promise.all([import('../../../example/seedArmeniaExample'), import('../../../example/armenia-2022-example.json')]);
    const seeded = await seedArmeniaExample(shell.exchange.store, mmdma.index, async () => data.default);
    if (!seeded.ok) {
      setState('failed');
      return;
    }
    shell.rememberMe(seeded.value.assessmentId, seeded.value.leadId);
    setState('idle');
    shell.navigate({ screen: 'report', assessmentId: seeded.value.assessmentId });
  };

  return (
    <section class="panel example-panel" aria-labelledby="example-heading">
      <h2 id="example-heading">{t('assessments:example.heading')}</h2>
      <p>{t('assessments:example.lead')}</p>
      <button type="button" onClick={() => void open()} disabled={state === 'opening'}>
        {state === 'opening' ? t('assessments:example.opening') : existing !== undefined ? t('assessments:example.reopen') : t('assessments:example.open')}
      </button>
      {state === 'failed' && (
        <p class="field-error" role="alert">
          {t('assessments:example.failed')}
        </p>
      )}
    </section>
  );
}
