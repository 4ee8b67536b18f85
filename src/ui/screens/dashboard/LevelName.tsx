import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';

/** A level's name from the framework, marked with its language when it falls back to English. */
export function LevelName({ index, levelId }: { readonly index: FrameworkIndex; readonly levelId: string }) {
  const level = index.framework.levels.find((candidate) => candidate.id === levelId);
  return level === undefined ? <>{levelId}</> : <FrameworkText value={level.name} />;
}
