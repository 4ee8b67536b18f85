/**
 * An X display for the engines that need one (MiniBrowser has no headless mode): the caller's DISPLAY
 * when set, otherwise one Xvfb per test process, started on first use on a free display number
 * (-displayfd) and stopped when the process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';

let started: Promise<string> | undefined;
let server: ChildProcess | undefined;

export function display(): Promise<string> {
  const own = process.env.DISPLAY;
  if (own) return Promise.resolve(own);
  started ??= new Promise<string>((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    server = child;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error) => reject(new Error(`Xvfb could not start (apt-get install -y xvfb): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${errors.slice(-500)}`)));
    let number = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      number += chunk.toString();
      if (number.includes('\n')) resolve(`:${number.trim()}`);
    });
    process.once('exit', () => child.kill('SIGTERM'));
  });
  return started;
}

/** For tests that want the display gone (it is otherwise stopped at exit). */
export function stopXvfb(): void {
  server?.kill('SIGTERM');
  server = undefined;
  started = undefined;
}
