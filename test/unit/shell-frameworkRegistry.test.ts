import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/core/framework/validateFramework';
import { openDatabase, type MmdmaDatabase } from '../../src/storage';
import { checkFrameworkFile } from '../../src/ui/screens/settings/checkFrameworkFile';
import {
  checkInstall,
  FRAMEWORK_META_PREFIX,
  frameworkMetaKey,
  installFramework,
  parseFrameworkRow,
  parseFrameworkRows,
  removeImportedFramework,
  watchImportedFrameworks,
  type ImportedFrameworksRead,
} from '../../src/ui/shell/frameworkRegistry';
import { mergeInstalled, type InstalledFramework } from '../../src/ui/shell/installedFrameworks';
import { loadBuiltins } from '../../src/ui/shell/loadBuiltins';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { tinyFramework } from '../support/tinyFramework';

const INVALID_FILE = new URL('../fixtures/frameworks/invalid-framework.json', import.meta.url);

function valid(input: unknown) {
  const result = validateFramework(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const tiny = valid(tinyFramework());
const row = (framework: unknown, key = frameworkMetaKey('tiny', '1.0.0')) => ({
  key,
  value: { format: 'mmdma-installed-framework', importedAt: '2024-05-01T10:00:00.000Z', fileName: 'tiny.json', framework },
});

const databases: MmdmaDatabase[] = [];
function freshDb(): MmdmaDatabase {
  const db = openDatabase(`framework-registry-${databases.length}-${Math.random().toString(36).slice(2)}`);
  databases.push(db);
  return db;
}
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

describe('parseFrameworkRow (stored rows are untrusted)', () => {
  it('reads a stored framework back, validated and indexed', () => {
    const parsed = parseFrameworkRow(row(tinyFramework()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.framework.id).toBe('tiny');
    expect(parsed.value.origin).toBe('imported');
    expect(parsed.value.fileName).toBe('tiny.json');
    expect(parsed.value.index.indicatorById.has('strategy.plan.exists')).toBe(true);
  });

  it('reports a damaged envelope, an invalid framework (paths prefixed) and a key that lies', () => {
    const envelope = parseFrameworkRow({ key: 'framework:tiny@1.0.0', value: { format: 'other', importedAt: 'yesterday', fileName: 3 } });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.map((p) => p.path)).toEqual(expect.arrayContaining(['value.format', 'value.importedAt', 'value.fileName']));

    const broken = parseFrameworkRow(row({ ...tinyFramework(), targetLevel: 'nope' }));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.map((p) => p.path)).toContain('framework.targetLevel');

    const lying = parseFrameworkRow(row(tinyFramework(), frameworkMetaKey('tiny', '9.9.9')));
    expect(lying.ok).toBe(false);
    if (!lying.ok) expect(lying.error[0]?.path).toBe('key');
  });

  it('keeps the readable rows and lists the unreadable ones', () => {
    const read = parseFrameworkRows([row(tinyFramework()), { key: 'framework:x@1.0.0', value: null }]);
    expect(read.frameworks.map((f) => f.framework.id)).toEqual(['tiny']);
    expect(read.unreadable.map((u) => u.key)).toEqual(['framework:x@1.0.0']);
  });
});

describe('checkInstall and checkFrameworkFile', () => {
  const installed: InstalledFramework[] = [{ framework: tiny.framework, index: tiny.index, origin: 'imported' }];

  it('accepts a new id or version, refuses the same id and version', () => {
    expect(checkInstall(installed, { ...tiny.framework, version: '1.1.0' })).toBeUndefined();
    expect(checkInstall(installed, tiny.framework)).toEqual({ kind: 'already-installed', origin: 'imported' });
    expect(checkInstall(installed, { ...tiny.framework, name: { en: 'Changed' } })).toEqual({ kind: 'version-taken', origin: 'imported' });
  });

  it('treats the same framework written with its keys in another order as the same', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversed(child)]))
          : value;
    const again = valid(reversed(tinyFramework()));
    expect(Object.keys(again.framework.pillars[0]!.subTopics[0]!.indicators[0]!.descriptors)).toEqual(['migration', 'central']);
    expect(checkInstall(installed, again.framework)?.kind).toBe('already-installed');
  });

  it('lists EVERY problem of the invalid fixture, each with its path', () => {
    const text = readFileSync(INVALID_FILE, 'utf8');
    const check = checkFrameworkFile(text, installed);
    expect(check.kind).toBe('invalid');
    if (check.kind !== 'invalid') return;
    const direct = validateFramework(JSON.parse(text) as unknown);
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    // The same full list as the validator's, not the first problem only.
    expect(check.problems).toEqual(direct.error);
    expect(check.problems.length).toBeGreaterThan(3);
    for (const problem of check.problems) expect(problem.message).not.toBe('');
    expect(check.problems.map((p) => p.path)).toContain('version');
  });

  it('reports a file that is not JSON at all', () => {
    const check = checkFrameworkFile('{ "format": ', installed);
    expect(check.kind).toBe('invalid');
    if (check.kind === 'invalid') expect(check.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('refuses a changed copy of the built-in framework under its id and version', () => {
    const builtins = loadBuiltins([mmdmaV1]);
    expect(builtins.problems).toEqual([]);
    const changed = JSON.parse(JSON.stringify(mmdmaV1)) as { name: { en: string } };
    changed.name.en = 'Something else';
    const check = checkFrameworkFile(JSON.stringify(changed), builtins.frameworks);
    expect(check.kind).toBe('refused');
    if (check.kind === 'refused') expect(check.refusal).toEqual({ kind: 'version-taken', origin: 'builtin' });
  });
});

describe('the registry in the database', () => {
  it('installs, lists live, refuses a second different copy, and removes', async () => {
    const db = freshDb();
    const reads: ImportedFrameworksRead[] = [];
    const stop = watchImportedFrameworks(db, (read) => reads.push(read), (failure) => {
      throw new Error(JSON.stringify(failure));
    });
    await eventually(() => reads.length >= 1);
    expect(reads.at(-1)?.frameworks).toEqual([]);

    const installed = await installFramework(db, [], tiny.framework, { fileName: 'tiny.json', now: () => Date.UTC(2024, 4, 1) });
    expect(installed.ok).toBe(true);
    await eventually(() => (reads.at(-1)?.frameworks.length ?? 0) === 1);
    expect(reads.at(-1)?.frameworks[0]?.importedAt).toBe('2024-05-01T00:00:00.000Z');

    // Another tab installed a different file under the same id and version meanwhile: the
    // transaction's own check refuses it, and the stored row is unchanged.
    const before = await db.meta.get(frameworkMetaKey('tiny', '1.0.0'));
    const raced = await installFramework(db, [], { ...tiny.framework, name: { en: 'Other' } }, { fileName: 'other.json', now: () => 0 });
    expect(raced).toEqual({ ok: false, error: { kind: 'version-taken', origin: 'imported' } });
    expect(await db.meta.get(frameworkMetaKey('tiny', '1.0.0'))).toEqual(before);

    expect((await removeImportedFramework(db, 'tiny', '1.0.0')).ok).toBe(true);
    await eventually(() => reads.at(-1)?.frameworks.length === 0);
    expect(await db.meta.where('key').startsWith(FRAMEWORK_META_PREFIX).count()).toBe(0);
    stop();
  });

  it('lists built-in frameworks first and never an imported copy of one', () => {
    const builtin: InstalledFramework = { framework: tiny.framework, index: tiny.index, origin: 'builtin' };
    const other = valid({ ...tinyFramework(), id: 'alpha' });
    const merged = mergeInstalled([builtin], [
      { framework: other.framework, index: other.index, origin: 'imported' },
      { framework: tiny.framework, index: tiny.index, origin: 'imported' },
    ]);
    expect(merged.map((entry) => `${entry.framework.id}:${entry.origin}`)).toEqual(['tiny:builtin', 'alpha:imported']);
  });
});

async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
