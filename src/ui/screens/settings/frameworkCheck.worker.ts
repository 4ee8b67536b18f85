/**
 * Validates a framework file off the main thread. A file with a hundred thousand mistakes takes
 * seconds to check (every problem is found, with its path); on the main thread that would freeze
 * the settings screen. Answers with the validated framework or every problem.
 */
import './zodJitlessGlobal';
import { validateFramework } from '../../../core/framework/validateFramework';
import type { FrameworkValidation } from './checkFrameworkFile';

const scope = self as unknown as { onmessage: ((event: MessageEvent<string>) => void) | null; postMessage(message: FrameworkValidation): void };

scope.onmessage = (event) => {
  const validated = validateFramework(event.data);
  scope.postMessage(validated.ok ? { ok: true, framework: validated.value.framework } : { ok: false, problems: validated.error });
};
