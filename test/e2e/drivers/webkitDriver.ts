/**
 * WebKit as Safari's engine runs on Linux: Debian's WebKitWebDriver driving a WebKitGTK browser, on
 * an X display (Xvfb when none is set), over W3C WebDriver classic (webDriverClient.ts).
 *
 * Two browsers, as Safari has two kinds of window:
 * - `persistent` (the default, Safari's ordinary window or the installed app): webkitPersistentBrowser.py,
 *   a WebKitGTK browser that does what MiniBrowser does in automation mode but keeps its website data
 *   in the profile directory. MiniBrowser cannot: in automation mode it always uses an ephemeral
 *   data manager, and has no option to change that (`MiniBrowser --help`, WebKitGTK 2.50).
 * - `private` (a Safari private window): MiniBrowser `--automation`, whose ephemeral session keeps
 *   everything in memory and refuses Blobs in IndexedDB.
 *
 * The crash drill SIGKILLs the driver, the browser and every WebKit process under it (no unload,
 * no flush), then starts them again on the same profile. A private browser keeps nothing to look at
 * after that, and its crash drill fails saying so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAPTOP } from '../support';
import { makeDriver } from './makeDriver';
import { descendants, gone, killQuietly } from './processTree';
import type { BrowserDriver, Viewport } from './types';
import { findElement, keyValue, newSession, performKeys, type WebDriverSession } from './webDriverClient';
import { display } from './xvfb';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The persistent browser (see above); it runs with Debian's python3 and its GObject bindings. */
export const PERSISTENT_BROWSER_PATH = fileURLToPath(new URL('./webkitPersistentBrowser.py', import.meta.url));
const WEBKIT_TYPELIB = '/usr/lib/x86_64-linux-gnu/girepository-1.0/WebKit2-4.1.typelib';

export type WebKitBrowser = 'persistent' | 'private';

export function missingWebKit(browser: WebKitBrowser = 'persistent'): string | undefined {
  for (const path of [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH]) {
    if (!existsSync(path))
      return `WebKit is not installed (${path} is missing). The browser tests drive Debian's WebKitGTK and never download a browser: apt-get install -y webkit2gtk-driver xvfb.`;
  }
  if (browser === 'persistent' && !(existsSync('/usr/lib/python3/dist-packages/gi') && existsSync(WEBKIT_TYPELIB)))
    return `WebKit's persistent test browser (${PERSISTENT_BROWSER_PATH}) needs Debian's python3-gi and ${WEBKIT_TYPELIB}: apt-get install -y python3-gi gir1.2-webkit2-4.1.`;
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startDriver(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(`${base}/status`);
      if (response.ok) return { child, base };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`WebKitWebDriver did not answer on ${base}: ${output.slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchWebKitDriver(options: { viewport?: Viewport; browser?: WebKitBrowser } = {}): Promise<BrowserDriver> {
  const browser = options.browser ?? 'persistent';
  const missing = missingWebKit(browser);
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'mmdma-e2e-webkit-'));
  // A fresh home for everything WebKitGTK and GLib keep (caches, settings), per launch.
  const env = {
    ...process.env,
    DISPLAY: await display(),
    XDG_DATA_HOME: join(profile, 'data'),
    XDG_CACHE_HOME: join(profile, 'cache'),
    XDG_CONFIG_HOME: join(profile, 'config'),
    // The web process's sandbox needs user namespaces, which containers often lack.
    WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1',
    // Mesa's shader cache is written into the profile by processes that can outlive the browser
    // for a moment (the profile's removal then failed with ENOTEMPTY); the tests gain nothing from it.
    MESA_SHADER_CACHE_DISABLE: 'true',
    MESA_GLSL_CACHE_DISABLE: 'true',
    // GStreamer keeps its plugin registry in XDG_CACHE_HOME, fresh here for every profile: each
    // launch scanned every plugin again, in the web process, blocking its main thread (under load
    // for over 30 s, when a recording was first played). One registry for every launch on this
    // machine, as a real device has; GStreamer replaces the file atomically.
    GST_REGISTRY_1_0: process.env.GST_REGISTRY_1_0 ?? join(tmpdir(), 'mmdma-e2e-gstreamer-registry.bin'),
  };
  const browserOptions =
    browser === 'persistent' ? { binary: PERSISTENT_BROWSER_PATH, args: [join(profile, 'website-data')] } : { binary: MINIBROWSER_PATH, args: ['--automation'] };
  let child: ChildProcess;
  let session: WebDriverSession;
  const open = async () => {
    const started = await startDriver(env);
    child = started.child;
    try {
      session = await newSession(started.base, { 'webkitgtk:browserOptions': browserOptions });
      await session.command('POST', '/timeouts', { script: 60_000, pageLoad: 60_000, implicit: 0 });
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  };
  try {
    await open();
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const run = async <R>(script: string, arg: unknown): Promise<R> => {
    const result = await session.command<{ ok?: R; error?: string }>('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => ${script}).then((value) => done({ ok: value === undefined ? null : value }), (error) => done({ error: String((error && error.stack) || error) }));`,
      args: [arg],
    });
    if (result.error !== undefined) throw new Error(`webkit: script failed: ${result.error}`);
    return result.ok as R;
  };
  let viewport = options.viewport ?? LAPTOP;
  const setViewport = async (next: Viewport) => {
    viewport = next;
    // The window includes the browser's own bar (MiniBrowser's): size it, measure the page, correct by the difference.
    await session.command('POST', '/window/rect', { width: next.width, height: next.height });
    const inner = await run<{ width: number; height: number }>('({ width: window.innerWidth, height: window.innerHeight })', null);
    if (inner.width !== next.width || inner.height !== next.height) {
      await session.command('POST', '/window/rect', { width: next.width * 2 - inner.width, height: next.height * 2 - inner.height });
    }
  };
  await setViewport(viewport);
  const name = browser === 'persistent' ? 'persistent profile' : 'MiniBrowser, private';
  const version = `WebKitGTK ${String(session!.capabilities['browserVersion'] ?? '?')} (${name})`;
  return makeDriver({
    engine: 'webkit',
    version,
    run: (source, arg) => run(`(${source})(arguments[0])`, arg),
    runExpression: (expression) => run(`(${expression})`, null),
    goto: async (url) => {
      await session.command('POST', '/url', { url });
    },
    reload: async () => {
      // WebKitWebDriver's /refresh waits for a load notification that, on a loaded machine, sometimes
      // never comes (2 of 8 runs, then 1 of 1 in a full CI run), and the driver queues every later
      // command behind it. The page reloads the same way from script, and we wait for the new document
      // ourselves: the old one carries a mark the new one lacks.
      await session.command('POST', '/execute/sync', { script: 'window.__mmdmaOldDocument = true; setTimeout(() => location.reload(), 0); return true;', args: [] });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const fresh = await session
          .command<boolean>('POST', '/execute/sync', { script: 'return window.__mmdmaOldDocument !== true && document.readyState === "complete";', args: [] })
          .catch(() => false);
        if (fresh) return;
        if (Date.now() > deadline) throw new Error('webkit: the page did not reload within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    back: async () => {
      await session.command('POST', '/back', {});
    },
    url: () => session.command<string>('GET', '/url'),
    clickSelector: async (selector) => {
      await session.command('POST', `/element/${await findElement(session, selector)}/click`);
    },
    typeText: async (text) => {
      const actions = [...text].flatMap((character) => [
        { type: 'keyDown' as const, value: character },
        { type: 'keyUp' as const, value: character },
      ]);
      await performKeys(session, actions);
    },
    pressKeys: async (modifiers, key) => {
      const held = modifiers.map(keyValue);
      const value = keyValue(key);
      await performKeys(session, [
        ...held.map((modifier) => ({ type: 'keyDown' as const, value: modifier })),
        { type: 'keyDown', value },
        { type: 'keyUp', value },
        ...held.reverse().map((modifier) => ({ type: 'keyUp' as const, value: modifier })),
      ]);
    },
    upload: async (selector, path) => {
      await session.command('POST', `/element/${await findElement(session, selector)}/value`, { text: path });
    },
    setViewport,
    screenshot: async (path) => {
      const png = await session.command<string>('GET', '/screenshot');
      writeFileSync(path, Buffer.from(png, 'base64'));
    },
    crashAndRestart: async (url) => {
      if (browser === 'private')
        throw new Error(
          'webkit: the crash drill cannot run in a private (ephemeral) WebKit session: it keeps website data in memory only, so ' +
            'nothing stored before the crash could be there after it. It runs in the persistent profile.',
        );
      const pid = child.pid;
      if (pid === undefined) throw new Error('webkit: the driver has no pid');
      // Everything at once, by SIGKILL: the driver, the browser, its network process (which writes
      // IndexedDB) and its web processes. Only what IndexedDB had committed to disk survives.
      const all = [{ pid, command: 'WebKitWebDriver' }, ...descendants(pid)];
      if (!all.some((process) => process.command.startsWith('WebKitWebProces'))) throw new Error('webkit: no WebKitWebProcess to kill under the driver');
      for (const process of all) killQuietly(process.pid);
      for (const process of all) await gone(process.pid).catch(() => undefined);
      await open();
      await setViewport(viewport);
      await session.command('POST', '/url', { url });
    },
    close: async () => {
      await session.command('DELETE', '').catch(() => undefined);
      // Listed before the driver goes: once it is gone, its browser is nobody's child and lingers.
      const left = child.pid ? descendants(child.pid) : [];
      child.kill('SIGTERM');
      await gone(child.pid ?? 0).catch(() => child.kill('SIGKILL'));
      for (const process of left) killQuietly(process.pid);
      // A web process still writing its shader cache as the profile is removed made rm fail
      // (ENOTEMPTY): wait for every process to be gone, and retry the removal.
      for (const process of left) await gone(process.pid).catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    },
  });
}
