/**
 * The built-in frameworks as the app loads them (installedFrameworks' loadBuiltins over the shipped
 * sources), for tests. Where the app shows a broken built-in file on its error screen, this throws
 * with the file's problems, so a bad edit of mmdma-v1.json fails loudly in every test that uses it.
 */
import { BUILTIN_FRAMEWORK_SOURCES } from '../../src/frameworks/builtinFrameworks';
import type { InstalledFramework } from '../../src/ui/shell/installedFrameworks';
import { loadBuiltins } from '../../src/ui/shell/loadBuiltins';

export function loadBuiltinFrameworks(): readonly InstalledFramework[] {
  const { frameworks, problems } = loadBuiltins(BUILTIN_FRAMEWORK_SOURCES);
  if (problems.length > 0) {
    const detail = problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
    throw new Error(`A built-in framework is invalid:\n${detail}`);
  }
  return frameworks;
}

/** The MMDMA framework (v1) with its index. */
export function builtinMmdma(): InstalledFramework {
  const mmdma = loadBuiltinFrameworks().find((entry) => entry.framework.id === 'mmdma');
  if (!mmdma) throw new Error('MMDMA v1 is not built in');
  return mmdma;
}
