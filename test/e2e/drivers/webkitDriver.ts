/**
 * WebKit as Safari's engine runs on Linux: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser,
 * on an X display (Xvfb when none is set), over W3C WebDriver classic (webDriverClient.ts).
 *
 * The profile: MiniBrowser in automation mode keeps its website data in an ephemeral session (in the
 * network process, never on disk; checked: nothing survives a restart of the browser), and
 * WebKitWebDriver deletes the session when the page's process dies. So the crash drill kills the
 * page's process (WebKitWebProcess, SIGKILL) and then fails with that reason: there is no browser
 * left to look in. It is not skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAPTOP } from '../support';
import { makeDriver } from './makeDriver';
import { descendants, gone, killQuietly } from './processTree';
import type { BrowserDriver, Viewport } from './types';
import { findElement, keyValue, newSession, performKeys, type WebDriverSession } from './webDriverClient';
import { display } from './xvfb';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function missingWebKit(): string | undefined {
  for (const path of [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH]) {
    if (!existsSync(path))
      return `WebKit is not installed (${path} is missing). The browser tests drive Debian's WebKitGTK and never download a browser: apt-get install -y webkit2gtk-driver xvfb.`;
  }
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

export async function launchWebKitDriver(options: { viewport?: Viewport } = {}): Promise<BrowserDriver> {
  const missing = missingWebKit();
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
  };
  const { child, base } = await startDriver(env);
  let session: WebDriverSession;
  try {
    session = await newSession(base, {
      'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
    });
    await session.command('POST', '/timeouts', { script: 60_000, pageLoad: 60_000, implicit: 0 });
  } catch (error) {
    child.kill('SIGKILL');
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
  const setViewport = async (viewport: Viewport) => {
    // The window includes MiniBrowser's own bar: size it, measure the page, correct by the difference.
    await session.command('POST', '/window/rect', { width: viewport.width, height: viewport.height });
    const inner = await run<{ width: number; height: number }>('({ width: window.innerWidth, height: window.innerHeight })', null);
    if (inner.width !== viewport.width || inner.height !== viewport.height) {
      await session.command('POST', '/window/rect', { width: viewport.width * 2 - inner.width, height: viewport.height * 2 - inner.height });
    }
  };
  await setViewport(options.viewport ?? LAPTOP);
  const version = `WebKitGTK ${String(session.capabilities['browserVersion'] ?? '?')} (MiniBrowser)`;
  return makeDriver({
    engine: 'webkit',
    version,
    run: (source, arg) => run(`(${source})(arguments[0])`, arg),
    runExpression: (expression) => run(`(${expression})`, null),
    goto: async (url) => {
      await session.command('POST', '/url', { url });
    },
    reload: async () => {
      await session.command('POST', '/refresh');
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
      const pid = child.pid;
      if (pid === undefined) throw new Error('webkit: the driver has no pid');
      const pages = descendants(pid).filter((process) => process.command.startsWith('WebKitWebProces'));
      if (pages.length === 0) throw new Error('webkit: no WebKitWebProcess to kill under the driver');
      for (const process of pages) killQuietly(process.pid);
      for (const process of pages) await gone(process.pid);
      await session.command('POST', '/url', { url }).catch((error: unknown) => {
        throw new Error(
          'webkit: the crash drill cannot look for the note after the crash in this engine here: WebKitWebDriver ends the session when the ' +
            "page's process dies, and MiniBrowser keeps an automation session's storage in memory only (nothing survives a restart), " +
            `so there is no browser left that could show what was stored. ${String(error)}`,
          { cause: error },
        );
      });
    },
    close: async () => {
      await session.command('DELETE', '').catch(() => undefined);
      // Listed before the driver goes: once it is gone, its MiniBrowser is nobody's child and lingers.
      const left = child.pid ? descendants(child.pid) : [];
      child.kill('SIGTERM');
      await gone(child.pid ?? 0).catch(() => child.kill('SIGKILL'));
      for (const process of left) killQuietly(process.pid);
      rmSync(profile, { recursive: true, force: true });
    },
  });
}
