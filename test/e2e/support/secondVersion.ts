/**
 * A second version of the app for update tests: the same build plus a visible mark of its own, in its
 * HTML (a <meta name="mmdma-build">) and in its entry JavaScript (`data-build` on <html>), so a test
 * can tell which version runs. Built with the project's config, so its service worker differs from the
 * first build's and the browser sees an update. Cached across files and runs like the plain build
 * (buildApp's cacheKey): only a change to the app or to this plugin builds it again.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { buildApp, type BuiltApp } from './buildApp';

export const SECOND_VERSION = 'e2e-v2';

function markHtml(html: string): string {
  return html.replace('</head>', `  <meta name="mmdma-build" content="${SECOND_VERSION}" />\n  </head>`);
}

function markEntry(code: string, id: string): { code: string; map: null } | null {
  if (!id.endsWith('/src/main.tsx')) return null;
  return { code: `${code}\ndocument.documentElement.dataset.build = ${JSON.stringify(SECOND_VERSION)};\n`, map: null };
}

export const secondVersionPlugin: Plugin = {
  name: 'mmdma-e2e-second-version',
  transformIndexHtml: markHtml,
  transform: markEntry,
};

const CACHE_KEY = createHash('sha256').update(`${SECOND_VERSION}\0${markHtml.toString()}\0${markEntry.toString()}`).digest('hex');

/** A fresh copy of the second version's build (the caller removes it). */
export function buildSecondVersion(): Promise<BuiltApp> {
  return buildApp({ plugins: [secondVersionPlugin], cacheKey: CACHE_KEY });
}
