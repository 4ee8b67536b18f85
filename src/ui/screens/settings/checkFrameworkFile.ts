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

/** Problems listed on the screen; the rest are counted ("and 99,900 more"). */
export const SHOWN_FRAMEWORK_PROBLEMS = 100;

/** What the validation worker answers. */
export type FrameworkValidation = { readonly ok: true; readonly framework: Framework } | { readonly ok: false; readonly problems: readonly FrameworkProblem[] };

export function checkFrameworkFile(text: string, installed: readonly InstalledFramework[]): FrameworkFileCheck {
  const validated = validateFramework(text);
  return decide(validated.ok ? { ok: true, framework: validated.value.framework } : { ok: false, problems: validated.error }, installed);
}

/**
 * The same check with the validation in a worker (frameworkCheck.worker.ts), so a huge or badly
 * broken file never freezes the screen; where workers are unavailable (tests in Node), on this thread.
 */
export async function checkFrameworkFileOffThread(text: string, installed: readonly InstalledFramework[]): Promise<FrameworkFileCheck> {
  if (typeof Worker === 'undefined') return checkFrameworkFile(text, installed);
  const worker = new Worker(new URL('./frameworkCheck.worker.ts', import.meta.url), { type: 'module' });
  try {
    const answer = await new Promise<FrameworkValidation>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FrameworkValidation>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message || 'the framework check stopped'));
      worker.postMessage(text);
    });
    return decide(answer, installed);
  } finally {
    worker.terminate();
  }
}

function decide(validated: FrameworkValidation, installed: readonly InstalledFramework[]): FrameworkFileCheck {
  if (!validated.ok) return { kind: 'invalid', problems: validated.problems };
  const framework = validated.framework;
  const refusal = checkInstall(installed, framework);
  return refusal ? { kind: 'refused', refusal, framework } : { kind: 'ready', framework };
}
