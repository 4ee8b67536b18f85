/**
 * `vite preview` of a build on 127.0.0.1. Pass `port` to serve another build on the same origin
 * (a service worker's scope is its origin, so an update test must reuse the port).
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { preview } from 'vite';
import { ROOT } from './paths';

export interface ServedApp {
  /** With a trailing slash: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections, so the page really is cut off. */
  readonly close: () => Promise<void>;
}

export async function serveApp(outDir: string, options: { port?: number } = {}): Promise<ServedApp> {
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: options.port ?? 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address) throw new Error('vite preview did not start listening');
  let closed = false;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    port: address.port,
    close: async () => {
      if (closed) return;
      closed = true;
      // Keep-alive sockets would otherwise keep answering a page that should be offline.
      const http = server.httpServer as { closeAllConnections?: () => void };
      http.closeAllConnections?.();
      await server.close();
    },
  };
}
