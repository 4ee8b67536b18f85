/**
 * PGlite is one PostgreSQL instance inside one process: two processes opening the same data folder
 * would each believe they own the files and corrupt them. A lock file created with O_EXCL holds
 * the owner's pid; a second hub finds it, sees the owner alive and refuses to start with a message
 * that names the folder and the pid. A lock left by a process that died (SIGKILL) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'mmdma-hub.lock';

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly ownerPid: number,
  ) {
    super(
      `The hub's data folder ${folder} is in use by another hub process (pid ${ownerPid}). ` +
        'PGlite allows one process per folder: stop that hub, or give this one another folder with MMDMA_HUB_DATA, ' +
        'or run several hubs on a PostgreSQL server (DATABASE_URL).',
    );
    this.name = 'DataFolderLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws DataFolderLockedError; returns the release function. */
export function lockDataFolder(folder: string): () => void {
  const path = join(folder, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw new DataFolderLockedError(folder, owner);
      rmSync(path, { force: true }); // stale: its owner died without releasing it
    }
  }
  throw new Error(`Could not lock the hub's data folder ${folder}`);
}
