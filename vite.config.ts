import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The PWA plugin (vite-plugin-pwa, registerType 'prompt') joins the plugin list in a later issue.
export default defineConfig({
  plugins: [preact()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: '127.0.0.1',
  },
});
