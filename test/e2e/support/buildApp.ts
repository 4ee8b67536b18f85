/**
 * A production build of the app into a fresh temporary directory, with the project's own
 * vite.config.ts (so the service worker and manifest are the real ones). Build once per test file,
 * in beforeAll; `variant` plugins let a test build a second, different version of the same app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
}

export async function buildApp(options: BuildAppOptions = {}): Promise<BuiltApp> {
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
