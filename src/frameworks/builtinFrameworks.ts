/**
 * The frameworks that ship with the app. They are data files validated like any imported framework,
 * so a broken edit to mmdma-v1.json fails loudly at start-up and in tests, never silently.
 */
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { validateFramework, type ValidFramework } from '../core/framework/validateFramework';

export const BUILTIN_FRAMEWORK_SOURCES: readonly unknown[] = [mmdmaV1];

export function loadBuiltinFrameworks(): ValidFramework[] {
  return BUILTIN_FRAMEWORK_SOURCES.map((source) => {
    const result = validateFramework(source);
    if (!result.ok) {
      const detail = result.error.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
      throw new Error(`A built-in framework is invalid:\n${detail}`);
    }
    return result.value;
  });
}
