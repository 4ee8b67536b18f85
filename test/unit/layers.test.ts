/**
 * The layer check (scripts/check-layers.mjs) on a small source tree: it must pass the real tree and
 * refuse each rule's violation with the file and line, or the rule protects nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/check-layers.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('node', [SCRIPT, root], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { stderr?: string };
    return { ok: false, output: String(failed.stderr) };
  }
}

describe('layer check', () => {
  it('passes the real source tree', () => {
    expect(check(join(import.meta.dirname, '../../src')).ok).toBe(true);
  });

  it('passes Dexie inside storage and the layers importing downwards', () => {
    const root = tree({
      'storage/db.ts': "import { Dexie } from 'dexie';\n",
      'sync/incoming.ts': "import type { Store } from '../storage';\n",
      'exchange/importBundle.ts': "import { applyIncoming } from '../sync/incoming';\n",
    });
    expect(check(root)).toMatchObject({ ok: true });
  });

  it.each([
    ['a static import in the UI', 'ui/shell/frameworkRegistry.ts', "import { liveQuery } from 'dexie';", 'Dexie only inside src/storage'],
    ['a type-only import in exchange', 'exchange/importBundle.ts', "import type { Table } from 'dexie';", 'Dexie only inside src/storage'],
    ['a dynamic import in sync', 'sync/hubClient.ts', "const dexie = await import('dexie');", 'Dexie only inside src/storage'],
    ['storage reaching up into sync', 'storage/peers.ts', "import { mergeVectors } from '../sync/versionVectors';", 'storage imports no layer above it'],
    ['sync reaching into a transport', 'sync/outgoing.ts', "import { writeBundle } from '../exchange/bundle/writeBundle';", 'sync imports neither its transports nor the UI'],
  ])('refuses %s', (_label, path, line, rule) => {
    const result = check(tree({ [path]: `${line}\n` }));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${path}:1: ${rule}`);
  });
});
