import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

// Who holds an embedded data directory. Two files say so, and neither is trusted alone, since a
// process killed with SIGKILL leaves both behind and its pid may be reused:
// - PostgreSQL's own postmaster.pid (pid on line 1, data directory on 2, port on 4, status on 8);
//   on Linux, /proc/<pid>/cmdline tells whether that pid really is a postgres on this directory.
// - Ombud's owner file beside the data directory (`<dir>.owner.json`): the pid and start time
//   of the process that started the postmaster and stops it. The start time tells a live owner
//   from a reused pid.

export type PostmasterPidFile = { pid: number; dataDir: string; port: number; status: string };

export type PostmasterState =
  | { state: 'none' }
  /** The file is there but its pid is dead, or is not a postgres on this directory. */
  | { state: 'stale'; file: PostmasterPidFile; isPidAlive: boolean }
  /** `isVerified`: known (on Linux) to be a postgres on this directory, not just a live pid. */
  | { state: 'running'; file: PostmasterPidFile; isVerified: boolean };

/** Whether a process runs under this pid; on Linux a zombie (ended, not yet reaped) does not. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export async function readPostmasterPidFile(dir: string): Promise<PostmasterPidFile | undefined> {
  const text = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    dataDir: lines[1] ?? '',
    port: Number(lines[3]),
    status: (lines[7] ?? '').trim(),
  };
}

/**
 * Whether `pid` is a postgres serving `dir`: true or false on Linux (from /proc), undefined
 * where that cannot be known, and then the caller must assume it is.
 */
async function isPostgresOn(pid: number, dir: string): Promise<boolean | undefined> {
  if (process.platform !== 'linux') return undefined;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline === undefined) return isProcessAlive(pid) ? undefined : false;
  const args = cmdline.split('\0');
  if (path.basename(args[0] ?? '') !== 'postgres') return false;
  const dataDir = args[args.indexOf('-D') + 1];
  return (
    args.includes('-D') && dataDir !== undefined && path.resolve(dataDir) === path.resolve(dir)
  );
}

export async function findPostmaster(dir: string): Promise<PostmasterState> {
  const file = await readPostmasterPidFile(dir);
  if (!file) return { state: 'none' };
  if (!isProcessAlive(file.pid)) return { state: 'stale', file, isPidAlive: false };
  const isOurs = await isPostgresOn(file.pid, dir);
  if (isOurs === false) return { state: 'stale', file, isPidAlive: true };
  return { state: 'running', file, isVerified: isOurs === true };
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
async function processStartTime(pid: number): Promise<string | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) is in parentheses and may hold spaces; count after it.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

type OwnerRecord = { pid: number; startTime?: string; startedAt: string };

const ownerFileOf = (dir: string): string => `${dir}.owner.json`;

async function readOwner(dir: string): Promise<OwnerRecord | undefined> {
  const text = await fs.readFile(ownerFileOf(dir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as OwnerRecord;
  } catch {
    return undefined;
  }
}

async function isLiveOwner(owner: OwnerRecord): Promise<boolean> {
  if (!isProcessAlive(owner.pid)) return false;
  if (owner.startTime === undefined) return true;
  const startTime = await processStartTime(owner.pid);
  return startTime === undefined || startTime === owner.startTime;
}

export type Ownership = { release(): Promise<void> };

/**
 * Makes this process the owner of the directory, or returns the live owner that already is.
 * The file is created exclusively, so of two processes starting at once only one wins; a file
 * left by a dead owner is replaced.
 */
export async function claimOwnership(
  dir: string,
): Promise<{ ownership: Ownership } | { owner: OwnerRecord }> {
  const startTime = await processStartTime(process.pid);
  const record: OwnerRecord = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...(startTime ? { startTime } : {}),
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.writeFile(ownerFileOf(dir), JSON.stringify(record), { flag: 'wx', mode: 0o644 });
      return {
        ownership: {
          async release() {
            const current = await readOwner(dir);
            if (current?.pid === process.pid) await fs.rm(ownerFileOf(dir), { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const owner = await readOwner(dir);
    if (owner && (await isLiveOwner(owner))) return { owner };
    await fs.rm(ownerFileOf(dir), { force: true });
  }
}
