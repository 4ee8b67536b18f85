/**
 * The frameworks this device can work with: the built-in ones (validated at start-up, like any
 * import) and those the user imported (kept in the database's `meta` table, see frameworkRegistry).
 * An assessment names its framework by id AND version: ratings refer to ids that only mean something
 * in that version.
 */
import type { Framework } from '../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../core/framework/indexFramework';
import type { FrameworkProblem } from '../../core/framework/validateFramework';

export interface InstalledFramework {
  readonly framework: Framework;
  readonly index: FrameworkIndex;
  readonly origin: 'builtin' | 'imported';
  /** ISO instant of the import (imported frameworks only). */
  readonly importedAt?: string | undefined;
  /** Name of the file it was imported from (imported frameworks only). */
  readonly fileName?: string | undefined;
}

export function frameworkKey(id: string, version: string): string {
  return `${id}@${version}`;
}

export function findFramework(frameworks: readonly InstalledFramework[], id: string, version: string): InstalledFramework | undefined {
  return frameworks.find((entry) => entry.framework.id === id && entry.framework.version === version);
}

export interface BuiltinLoad {
  readonly frameworks: readonly InstalledFramework[];
  /** Problems of built-in files that failed validation (a broken build), for the explorer's error page. */
  readonly problems: readonly FrameworkProblem[];
}


/** Built-in first, then imported, each group by id and then version. */
export function mergeInstalled(builtin: readonly InstalledFramework[], imported: readonly InstalledFramework[]): readonly InstalledFramework[] {
  const seen = new Set(builtin.map((entry) => frameworkKey(entry.framework.id, entry.framework.version)));
  const extra = imported
    .filter((entry) => !seen.has(frameworkKey(entry.framework.id, entry.framework.version)))
    .sort((a, b) => a.framework.id.localeCompare(b.framework.id) || a.framework.version.localeCompare(b.framework.version, undefined, { numeric: true }));
  return [...builtin, ...extra];
}
