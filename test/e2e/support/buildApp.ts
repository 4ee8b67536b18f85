/**
 * A production build of the app into a fresh temporary directory, with the project's own
 * vite.config.ts (so the service worker and manifest are the real ones). Build once per test file,
 * in beforeAll; `variant` plugins let a test build a second, different version of the same app.
 *
 * The plain build (no plugins, define or other root) is the same for every file of a run, and a
 * build takes 15–30 s on a two-core machine, so it is made once and kept in
 * node_modules/.cache/mmdma-e2e-build under a hash of everything that goes into it; each file gets
 * its own copy, which it may change (a seed module beside the app) without touching the others.
 * A variant build given a `cacheKey` is kept the same way (the update journeys' second version).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type PluginOption } from 'vite';
import { ROOT } from './paths';

export interface BuiltApp {
  readonly outDir: string;
  /** Deletes the output directory. */
  readonly remove: () => void;
}

export interface BuildAppOptions {
  /** Extra Vite plugins, after the project's (e.g. one that changes index.html for a "v2"). */
  readonly plugins?: PluginOption[];
  /** Extra `define` constants. */
  readonly define?: Record<string, string>;
  /** Another entry (a directory with an index.html) built with the project's config; default: the app. */
  readonly root?: string;
  /** Also write Vite's .vite/manifest.json (which chunk statically imports which). */
  readonly manifest?: boolean;
  /**
   * Caches a build with plugins or define like the plain one, under this key beside the inputs' hash.
   * The caller vouches that the key changes whenever its plugins or define do (e.g. a hash of their source).
   */
  readonly cacheKey?: string;
}

/** What a plain build is made of: a change to any of these makes a new build. */
const BUILD_INPUTS = ['src', 'locales', 'public', 'frameworks', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json'];
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'mmdma-e2e-build');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

function inputsHash(manifest: boolean, cacheKey: string | undefined): string {
  const hash = createHash('sha256').update(`manifest=${manifest}\0`);
  if (cacheKey !== undefined) hash.update(`key=${cacheKey}\0`);
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

function copyOf(dir: string): BuiltApp {
  const outDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-dist-'));
  cpSync(dir, outDir, { recursive: true, filter: (source) => source !== join(dir, '.complete') });
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export async function buildApp(options: BuildAppOptions = {}): Promise<BuiltApp> {
  const plain = options.plugins === undefined && options.define === undefined && options.root === undefined;
  if (!plain && options.cacheKey === undefined) return buildFresh(options);
  const cached = join(CACHE_DIR, inputsHash(options.manifest === true, options.cacheKey));
  if (existsSync(join(cached, '.complete'))) return copyOf(cached);
  const fresh = await buildFresh(options);
  try {
    // Filled beside the cache and renamed into place, so a half-written copy is never used; when
    // another worker got there first the rename fails and its copy serves.
    mkdirSync(CACHE_DIR, { recursive: true });
    const staging = mkdtempSync(join(CACHE_DIR, 'staging-'));
    cpSync(fresh.outDir, staging, { recursive: true });
    writeFileSync(join(staging, '.complete'), '');
    try {
      renameSync(staging, cached);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch {
    // A cache that cannot be written only costs time.
  }
  return fresh;
}

async function buildFresh(options: BuildAppOptions): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-dist-'));
  // Vitest runs with NODE_ENV=test; the bundle under test must be the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: options.root ?? ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, ...(options.manifest ? { manifest: true } : {}) },
      ...(options.plugins ? { plugins: options.plugins } : {}),
      ...(options.define ? { define: options.define } : {}),
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
