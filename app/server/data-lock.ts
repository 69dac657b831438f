// One server per data folder. Two servers on one folder each kept their own count of a token's
// requests in flight (a limit-50 token got 66 answers), and the second cleared the first one's
// results/ at start. The running server holds DIR/server.lock, naming its process; a second one
// refuses to start and says which process holds the folder. A lock left by a process that is
// gone (a crash, a kill) is taken over. The CLI's `token` commands need no lock: SQLite shares.
import { hostname } from 'node:os';
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataFolderLock {
  private constructor(private readonly file: string) {}

  static acquire(dir: string, now: () => Date = () => new Date()): DataFolderLock {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'server.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(
          fd,
          JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now().toISOString() } satisfies LockOwner),
        );
        closeSync(fd);
        return new DataFolderLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(file);
      // Held by a live process (on another machine sharing the folder, always taken as live).
      if (owner && (owner.host !== hostname() || alive(owner.pid))) {
        throw new DataFolderBusyError(
          `another OCR Assistant server (PID ${owner.pid} on ${owner.host}, started ${owner.startedAt}) is using the data folder ${dir}: ` +
            'stop it first, or give this server a folder of its own with --data',
        );
      }
      // Its owner is gone: the lock is stale.
      rmSync(file, { force: true });
    }
    throw new DataFolderBusyError(`the data folder ${dir} is being taken by another server starting at this moment`);
  }

  release(): void {
    const owner = readOwner(this.file);
    if (owner?.pid === process.pid && owner.host === hostname()) rmSync(this.file, { force: true });
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number'
      ? { pid: owner.pid, host: String(owner.host ?? ''), startedAt: String(owner.startedAt ?? '') }
      : undefined;
  } catch {
    // Empty or half-written: a starting server died between creating and writing it.
    return undefined;
  }
}
