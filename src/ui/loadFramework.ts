/**
 * Turns framework data (the built-in JSON, later an imported file) into what the UI shows: the
 * validated framework, or every problem found, so a broken file gets a clear screen rather than
 * a crash or a half-drawn explorer.
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
