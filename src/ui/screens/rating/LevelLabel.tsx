import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';

/** A level id as its name; null is "cannot judge"; an id the framework lacks is shown as it is. */
export function LevelLabel({ index, level }: { readonly index: FrameworkIndex; readonly level: string | null }) {
  const { t } = useTranslation();
  if (level === null) return <>{t('rating:level.cannotJudge')}</>;
  const found = index.framework.levels.find((candidate) => candidate.id === level);
  return found ? <FrameworkText value={found.name} /> : <>{level}</>;
}
