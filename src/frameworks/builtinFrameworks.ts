/**
 * The frameworks that ship with the app. They are data files validated like any imported framework
 * (installedFrameworks' loadBuiltins, at start-up and in the tests' builtinFrameworks helper), so a
 * broken edit to mmdma-v1.json shows the explorer's error screen and fails the tests, never silently.
 */
import mmdmaV1 from '../../frameworks/mmdma-v1.json';

export const BUILTIN_FRAMEWORK_SOURCES: readonly unknown[] = [mmdmaV1];
