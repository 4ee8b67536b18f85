import type { Framework } from '../core/framework/frameworkSchema';
import { countFramework } from './frameworkCounts';
import { FrameworkText } from './FrameworkText';
import { interpolateNodes } from './interpolateNodes';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useTranslation } from './useTranslation';

interface AppHeaderProps {
  readonly title: string;
  readonly framework: Framework | undefined;
}

export function AppHeader({ title, framework }: AppHeaderProps) {
  const { t } = useTranslation();
  const counts = framework ? countFramework(framework) : undefined;
  return (
    <header class="app-header">
      <div class="app-bar">
        <p class="brand">
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </p>
        <LanguageSwitcher />
      </div>
      <div class="screen-title">
        <h1>{title}</h1>
        {framework && counts && (
          <div class="screen-subtitle">
            <p>{interpolateNodes(t, 'explorer:frameworkVersion', { version: framework.version }, { name: <FrameworkText value={framework.name} /> })}</p>
            <p class="counts">
              <span>{t('explorer:counts.pillars', { count: counts.pillars })}</span>
              <span>{t('explorer:counts.subTopics', { count: counts.subTopics })}</span>
              <span>{t('explorer:counts.indicators', { count: counts.indicators })}</span>
            </p>
          </div>
        )}
      </div>
    </header>
  );
}
