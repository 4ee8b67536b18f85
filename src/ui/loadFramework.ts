/**
 * What the explorer shows of a framework: the validated framework, or every problem found, so a
 * broken file gets a clear screen rather than a crash or a half-drawn explorer. The app builds it
 * from the built-in frameworks as installedFrameworks' loadBuiltins validated them (createShellState);
 * loadFramework turns one source into it directly.
 */
import type { Framework } from '../core/framework/frameworkSchema';
import { validateFramework, type FrameworkProblem } from '../core/framework/validateFramework';

export type FrameworkLoad =
  | { readonly status: 'ready'; readonly framework: Framework }
  | { readonly status: 'invalid'; readonly problems: readonly FrameworkProblem[] };

export function loadFramework(data: unknown): FrameworkLoad {
  const result = validateFramework(data);
  return result.ok ? { status: 'ready', framework: result.value.framework } : { status: 'invalid', problems: result.error };
}
