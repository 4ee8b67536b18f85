/**
 * Under the explorer's title: which framework is shown (a choice when imported frameworks exist),
 * its version and its size.
 */
import { useId } from 'preact/hooks';
import { useAppState } from '../AppStateContext';
import { countFramework } from '../shared/frameworkCounts';
import { FrameworkText } from '../shared/FrameworkText';
import { interpolateNodes } from '../shared/interpolateNodes';
import { useTranslation } from '../useTranslation';
import { frameworkKey } from './installedFrameworks';
import { useShell } from './ShellContext';

export function FrameworkSubtitle() {
  const state = useAppState();
  const shell = useShell();
  const { t, text } = useTranslation();
  const id = useId();
  const framework = state.framework.value;
  if (!framework) return null;
  const counts = countFramework(framework);
  const installed = shell.frameworks.value;
  return (
    <>
      <p>{interpolateNodes(t, 'explorer:frameworkVersion', { version: framework.version }, { name: <FrameworkText value={framework.name} /> })}</p>
      <p class="counts">
        <span>{t('explorer:counts.pillars', { count: counts.pillars })}</span>
        <span>{t('explorer:counts.subTopics', { count: counts.subTopics })}</span>
        <span>{t('explorer:counts.indicators', { count: counts.indicators })}</span>
      </p>
      {installed.length > 1 && (
        <p class="framework-picker">
          <label for={id}>{t('shell:framework.pick')}</label>
          <select
            id={id}
            value={frameworkKey(framework.id, framework.version)}
            onChange={(event) => {
              const chosen = installed.find((entry) => frameworkKey(entry.framework.id, entry.framework.version) === event.currentTarget.value);
              if (chosen) state.frameworkLoad.value = { status: 'ready', framework: chosen.framework };
            }}
          >
            {installed.map((entry) => (
              <option key={frameworkKey(entry.framework.id, entry.framework.version)} value={frameworkKey(entry.framework.id, entry.framework.version)}>
                {t('shell:framework.option', { name: text(entry.framework.name), version: entry.framework.version })}
              </option>
            ))}
          </select>
        </p>
      )}
    </>
  );
}
