/**
 * What importing a framework file would do, decided before anything is stored: every problem of an
 * invalid file (with its path), a refusal when the id and version are already taken, or the
 * validated framework to install.
 */
import type { Framework } from '../../../core/framework/frameworkSchema';
import { validateFramework, type FrameworkProblem } from '../../../core/framework/validateFramework';
import { checkInstall, type InstallRefusal } from '../../shell/frameworkRegistry';
import type { InstalledFramework } from '../../shell/installedFrameworks';

/** Files beyond this are refused unread: a framework is a few hundred kilobytes. */
export const MAX_FRAMEWORK_FILE_BYTES = 20_000_000;

export type FrameworkFileCheck =
  | { readonly kind: 'invalid'; readonly problems: readonly FrameworkProblem[] }
  | { readonly kind: 'refused'; readonly refusal: InstallRefusal; readonly framework: Framework }
  | { readonly kind: 'ready'; readonly framework: Framework };

export function checkFrameworkFile(text: string, installed: readonly InstalledFramework[]): FrameworkFileCheck {
  const validated = validateFramework(text);
  if (!validated.ok) return { kind: 'invalid', problems: validated.error };
  const framework = validated.value.framework;
  const refusal = checkInstall(installed, framework);
  return refusal ? { kind: 'refused', refusal, framework } : { kind: 'ready', framework };
}
