/**
 * Builds one TypeScript module into a served directory as a plain ES module, so a test or bench can
 * `import()` it in a page on the app's origin and drive the real storage, exchange or seed code
 * there (the app itself has no test hook). A production build: the code under test is the one users
 * get.
 */
import { build } from 'vite';
import { ROOT } from './paths';

export interface PageModuleBuild {
  /** Absolute path of the module's entry. */
  readonly entry: string;
  /** Directory it is written to (usually a served build's outDir or a folder of it). */
  readonly outDir: string;
  /** The file name to import it by. */
  readonly fileName: string;
  /** Empty `outDir` first (default false: it usually holds the app). */
  readonly emptyOutDir?: boolean;
  /** Keep names readable in stack traces (default true: minified). */
  readonly minify?: boolean;
}

export async function buildPageModule(options: PageModuleBuild): Promise<void> {
  // Vitest runs with NODE_ENV=test; the module must be built as production code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: {
        outDir: options.outDir,
        emptyOutDir: options.emptyOutDir ?? false,
        target: 'es2022',
        sourcemap: false,
        minify: options.minify ?? true,
        lib: { entry: options.entry, formats: ['es'], fileName: () => options.fileName },
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
