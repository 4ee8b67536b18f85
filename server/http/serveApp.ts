/**
 * Serves the built PWA (dist/) from the hub's origin: hashed assets cached for a year, everything
 * that names them (index.html, the service worker, the manifest) revalidated on each load so an
 * update reaches devices, and unknown paths answered with index.html for the app's own routes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HubEnv } from './hubContext';

export function serveApp(app: Hono<HubEnv>, appDir: string): void {
  const indexPath = join(appDir, 'index.html');
  app.use(
    '*',
    serveStatic({
      root: appDir,
      onFound: (path, c) => {
        c.header('Cache-Control', /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text('The app is not built. Run "npm run build" (npm start does it for you), then restart the hub.', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
