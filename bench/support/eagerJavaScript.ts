/**
 * The JavaScript a built page loads before it can run: its entry module(s) and everything they
 * import statically (which Vite also announces as <link rel="modulepreload">), never the chunks
 * loaded later by dynamic import(). Sizes are gzip at level 9, what a server would send.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EagerJavaScript {
  /** Paths relative to the build directory, entry first. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Lazily loaded chunks, for the record. */
  readonly lazyFiles: readonly string[];
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/**
 * Needs a build made with `build.manifest: true`. The entry HTML decides what is eager (its module
 * scripts and modulepreload links); the manifest adds any static import the HTML doesn't list, so a
 * change in Vite's preload strategy can't make the figure smaller than what the browser must run.
 */
export function eagerJavaScript(outDir: string, htmlFile = 'index.html'): EagerJavaScript {
  const html = readFileSync(join(outDir, htmlFile), 'utf8');
  const fromHtml = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1] ?? ''),
  ].map((url) => url.replace(/^\//, ''));
  if (fromHtml.length === 0) throw new Error(`${htmlFile} loads no module script`);

  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]));
  const eager = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const key of byFile.get(file)?.chunk.imports ?? []) {
      const imported = manifest[key];
      if (imported) visit(imported.file);
    }
  };
  for (const file of fromHtml) visit(file);

  const lazy = new Set<string>();
  for (const { chunk } of byFile.values()) {
    for (const key of chunk.dynamicImports ?? []) {
      const file = manifest[key]?.file;
      if (file && !eager.has(file)) lazy.add(file);
    }
  }

  const files = [...eager].filter((file) => file.endsWith('.js'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(outDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes, lazyFiles: [...lazy].sort() };
}
