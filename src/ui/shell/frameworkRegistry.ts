/**
 * Imported frameworks, kept on this device in the database's `meta` table (the storage layer has no
 * frameworks table, and a framework is not assessment data: it never goes through the change log).
 * One row per id and version, key `framework:<id>@<version>`, holding the validated framework and
 * where it came from.
 *
 * Rows are read back as untrusted, like every stored row: the envelope is checked with zod and the
 * framework is validated again in full, so a damaged row is reported and skipped, never shown half.
 */
import { z } from 'zod';
import type { Framework } from '../../core/framework/frameworkSchema';
import { indexFramework } from '../../core/framework/indexFramework';
import { validateFramework, type FrameworkProblem } from '../../core/framework/validateFramework';
import { err, ok, type Result } from '../../core/result';
import { deleteMetaRow, insertMetaRowIfAbsent, isQuotaExceeded, watchMetaRows, type MmdmaDatabase, type StorageFailure } from '../../storage';
import { frameworkKey, type InstalledFramework } from './installedFrameworks';

export const FRAMEWORK_META_PREFIX = 'framework:';
const ROW_FORMAT = 'mmdma-installed-framework';

export function frameworkMetaKey(id: string, version: string): string {
  return `${FRAMEWORK_META_PREFIX}${frameworkKey(id, version)}`;
}

const frameworkRowSchema = z.object({
  key: z.string().startsWith(FRAMEWORK_META_PREFIX),
  value: z.object({
    format: z.literal(ROW_FORMAT),
    importedAt: z.iso.datetime(),
    fileName: z.string(),
    framework: z.unknown(),
  }),
});

export interface UnreadableFramework {
  readonly key: string;
  readonly problems: readonly FrameworkProblem[];
}

export interface ImportedFrameworksRead {
  readonly frameworks: readonly InstalledFramework[];
  /** Rows that are not (or no longer) a valid framework, with why. */
  readonly unreadable: readonly UnreadableFramework[];
}

/** One stored row as an installed framework, or every problem it has. */
export function parseFrameworkRow(row: unknown): Result<InstalledFramework, FrameworkProblem[]> {
  const envelope = frameworkRowSchema.safeParse(row);
  if (!envelope.success) {
    return err(envelope.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
  }
  const validated = validateFramework(envelope.data.value.framework);
  if (!validated.ok) return err(validated.error.map((problem) => ({ ...problem, path: problem.path === '' ? 'framework' : `framework.${problem.path}` })));
  const { framework, index } = validated.value;
  if (envelope.data.key !== frameworkMetaKey(framework.id, framework.version)) {
    return err([{ path: 'key', message: `does not match the framework inside (${frameworkKey(framework.id, framework.version)})` }]);
  }
  return ok({ framework, index, origin: 'imported', importedAt: envelope.data.value.importedAt, fileName: envelope.data.value.fileName });
}

export function parseFrameworkRows(rows: readonly unknown[]): ImportedFrameworksRead {
  const frameworks: InstalledFramework[] = [];
  const unreadable: UnreadableFramework[] = [];
  for (const row of rows) {
    const parsed = parseFrameworkRow(row);
    if (parsed.ok) frameworks.push(parsed.value);
    else unreadable.push({ key: typeof row === 'object' && row !== null && 'key' in row ? String(row.key) : '?', problems: parsed.error });
  }
  return { frameworks, unreadable };
}

/** Calls `onChange` now and whenever an import or removal commits, in this tab or another. */
export function watchImportedFrameworks(
  db: MmdmaDatabase,
  onChange: (read: ImportedFrameworksRead) => void,
  onError: (failure: StorageFailure) => void,
): () => void {
  return watchMetaRows(
    db,
    FRAMEWORK_META_PREFIX,
    (rows) => onChange(parseFrameworkRows(rows)),
    (error) => onError(toFailure(error)),
  );
}

export type InstallRefusal =
  /** This very framework (same id, version and content) is already installed. */
  | { readonly kind: 'already-installed'; readonly origin: 'builtin' | 'imported' }
  /** Another framework with the same id and version is installed: a changed framework needs a new version. */
  | { readonly kind: 'version-taken'; readonly origin: 'builtin' | 'imported' };

/**
 * Whether `candidate` may be installed beside `installed`. Assessments name their framework by id
 * and version, so two different frameworks under one id and version would silently change what
 * existing ratings mean.
 */
export function checkInstall(installed: readonly InstalledFramework[], candidate: Framework): InstallRefusal | undefined {
  const same = installed.find((entry) => entry.framework.id === candidate.id && entry.framework.version === candidate.version);
  if (same === undefined) return undefined;
  return canonical(same.framework) === canonical(candidate)
    ? { kind: 'already-installed', origin: same.origin }
    : { kind: 'version-taken', origin: same.origin };
}

export type InstallFailure = StorageFailure | InstallRefusal;

/**
 * Stores a validated framework. Checked again inside the transaction, so two tabs importing two
 * different files with the same id and version cannot both win.
 */
export async function installFramework(
  db: MmdmaDatabase,
  installed: readonly InstalledFramework[],
  framework: Framework,
  source: { readonly fileName: string; readonly now: () => number },
): Promise<Result<InstalledFramework, InstallFailure>> {
  const refusal = checkInstall(installed, framework);
  if (refusal) return err(refusal);
  const key = frameworkMetaKey(framework.id, framework.version);
  const importedAt = new Date(source.now()).toISOString();
  try {
    const { existing } = await insertMetaRowIfAbsent(db, key, { format: ROW_FORMAT, importedAt, fileName: source.fileName, framework });
    if (existing !== undefined) {
      const parsed = parseFrameworkRow(existing);
      return err(checkInstall(parsed.ok ? [parsed.value] : [], framework) ?? { kind: 'version-taken', origin: 'imported' });
    }
  } catch (error) {
    return err(toFailure(error));
  }
  return ok({ framework, index: indexFramework(framework), origin: 'imported', importedAt, fileName: source.fileName });
}

export async function removeImportedFramework(db: MmdmaDatabase, id: string, version: string): Promise<Result<void, StorageFailure>> {
  return deleteMetaRow(db, frameworkMetaKey(id, version));
}

function toFailure(error: unknown): StorageFailure {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return isQuotaExceeded(error) ? { kind: 'quota-exceeded', message } : { kind: 'storage-failed', message };
}

/** JSON with object keys sorted, so the same framework from two files compares equal. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Readonly<Record<string, unknown>>;
  return `{${Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`;
}
