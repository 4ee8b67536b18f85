import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_META_VALUE, SECURITY_HEADERS } from './src/core/security/securityHeaders.ts';

// Colours of the installed app's title bar and splash screen: --color-brand and --color-page in
// src/ui/styles.css (index.html's <meta name="theme-color"> says the same).
const THEME_COLOR = '#0b3a5b';
const BACKGROUND_COLOR = '#f3f5f8';

/**
 * Writes the content security policy into the built index.html as a <meta>, from the same module
 * the preview server (and later the hub) takes its headers from. Only in builds: the dev server's
 * hot reloading needs what the policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'mmdma-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META_VALUE }, injectTo: 'head-prepend' }],
    },
  };
}

const { 'Content-Security-Policy': _devlessCsp, ...DEV_HEADERS } = SECURITY_HEADERS;

export default defineConfig({
  plugins: [
    contentSecurityPolicyMeta(),
    preact(),
    VitePWA({
      // A new version waits until the assessor says so (src/pwa/registerServiceWorker.ts), so an
      // update can never reload the page over a half-typed note.
      registerType: 'prompt',
      // We register ourselves with workbox-window, after the first render, outside the entry chunk.
      injectRegister: false,
      strategies: 'generateSW',
      // workbox.globPatterns below already precaches public/icons; don't list them twice.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'MMDMA Field',
        short_name: 'MMDMA Field',
        description: 'Offline-first fieldwork for Migration Management Digital Maturity Assessments: capture, rating, live maturity estimate, exchange and report.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        lang: 'en',
        dir: 'ltr',
        categories: ['government', 'productivity', 'business'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The whole app, lazily loaded chunks included: an assessor opens it once online and then
        // works for days without a network. Source maps stay out (large, and only for developers);
        // the web manifest and its icons are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        globIgnores: ['**/*.map', '**/node_modules/**/*'],
        // Any navigation inside the scope (a deep link, a reload offline) gets the app shell.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so the app works offline
        // without a reload; an update still waits in "waiting" until the user applies it.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically in one chunk beside the entry: left to
        // itself the bundler cuts it into ~30 small shared chunks, each with its own import and
        // export glue and compressed alone, which costs the first screen several kilobytes.
        // The entry is in this chunk, so main.tsx must never await, at its top level, a lazy
        // module that imports from it: that import would wait for the entry, and the entry for it
        // (today it awaits only locale files, which import nothing).
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    headers: { ...SECURITY_HEADERS },
  },
  server: {
    headers: DEV_HEADERS,
  },
});
