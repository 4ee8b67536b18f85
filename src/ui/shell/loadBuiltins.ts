/**
 * The built-in frameworks, validated as at every start. Its own module so that validation (and the
 * framework schema) load with the framework data, after the first screen, not before it.
 */
import { validateFramework, type FrameworkProblem } from '../../core/framework/validateFramework';
import type { BuiltinLoad, InstalledFramework } from './installedFrameworks';

/** Validates the built-in framework sources; never throws, so a broken file gets a screen, not a blank page. */
export function loadBuiltins(sources: readonly unknown[]): BuiltinLoad {
  const frameworks: InstalledFramework[] = [];
  const problems: FrameworkProblem[] = [];
  for (const source of sources) {
    const result = validateFramework(source);
    if (result.ok) frameworks.push({ framework: result.value.framework, index: result.value.index, origin: 'builtin' });
    else problems.push(...result.error);
  }
  return { frameworks, problems };
}
