import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { StartupError } from '../startup-error.ts';
import { claimOwnership, findPostmaster } from './embedded-locks.ts';
import {
  initialiseCluster,
  postgresUser,
  PostmasterStartError,
  startPostmaster,
  stopOrphanedPostmaster,
  supervise,
  type Postmaster,
  type RunAs,
} from './postmaster.ts';

export class EmbeddedDatabaseInUseError extends StartupError {}

type Credentials = { password: string };

export type EmbeddedDatabase = {
  url: string;
  /**
   * A shutdown began: the postmaster ending from now on (a Ctrl-C reaches it too) is not a
   * crash to recover from.
   */
  holdRestarts(): void;
  stop(): Promise<void>;
};

const POSTGRES_FLAGS = [
  ...['-c', 'listen_addresses=127.0.0.1'],
  ...['-c', 'max_connections=200'],
  ...['-c', 'lc_messages=C'],
];

export const credentialsFileOf = (dir: string): string => `${dir}.credentials.json`;

async function readCredentials(dir: string): Promise<Credentials | undefined> {
  const text = await fs.readFile(credentialsFileOf(dir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Credentials;
  } catch {
    throw new StartupError(`${credentialsFileOf(dir)} is not valid JSON.`);
  }
}

const urlFor = (port: number, password: string, database: string): string =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const reasonOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The directory above the data directory exists, and (as root) the user postgres can enter it. */
async function prepareParent(dir: string, runAs: RunAs): Promise<void> {
  const parent = path.dirname(dir);
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    throw new StartupError(
      `Cannot create ${parent} for the embedded PostgreSQL (${reasonOf(error)}). ` +
        `Set DATA_DIR to a directory Ombud can write to.`,
    );
  }
  if (!(await fs.stat(parent)).isDirectory()) {
    throw new StartupError(`${parent} is a file, not a directory. Set DATA_DIR to a directory.`);
  }
  if (!runAs) return;
  const mode = (await fs.stat(parent)).mode;
  if ((mode & 0o001) === 0) await fs.chmod(parent, mode | 0o001);
  for (let ancestor = path.dirname(parent); ; ancestor = path.dirname(ancestor)) {
    const stat = await fs.stat(ancestor);
    if ((stat.mode & 0o001) === 0) {
      throw new StartupError(
        `The embedded PostgreSQL runs as the user 'postgres', which cannot enter ${ancestor}. ` +
          `Set DATA_DIR to a directory it can reach (e.g. DATA_DIR=/var/lib/ombud), or set DATABASE_URL.`,
      );
    }
    if (ancestor === path.dirname(ancestor)) break;
  }
}

/** Whether the user PostgreSQL runs as may read, write and enter the directory. */
async function canPostgresUse(dir: string, stat: Stats, runAs: RunAs): Promise<boolean> {
  if (!runAs) {
    return fs.access(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK).then(
      () => true,
      () => false,
    );
  }
  // PostgreSQL also insists on owning its data directory.
  return stat.uid === runAs.uid && ((stat.mode >> 6) & 0o7) === 0o7;
}

/** 'empty' (missing or empty: initialise it) or 'initialised'; anything else is refused. */
async function inspectDataDirectory(dir: string, runAs: RunAs): Promise<'empty' | 'initialised'> {
  let stat: Stats;
  try {
    stat = await fs.stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'empty';
    throw new StartupError(`Cannot read ${dir} (${reasonOf(error)}).`);
  }
  if (!stat.isDirectory()) {
    throw new StartupError(`${dir} is a file, not a PostgreSQL data directory. Move it away.`);
  }
  const entries = await fs.readdir(dir).catch(() => undefined);
  if (entries?.length === 0) return 'empty';
  if (!entries || !(await canPostgresUse(dir, stat, runAs))) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    const who = runAs
      ? `it belongs to uid ${stat.uid} with mode ${mode}, and PostgreSQL runs as the user 'postgres' (uid ${runAs.uid}); ` +
        `give it back with "chown -R postgres: ${dir} && chmod 700 ${dir}"`
      : `it belongs to uid ${stat.uid} with mode ${mode}, and PostgreSQL runs as this user (uid ${process.getuid?.() ?? '?'}); ` +
        `fix it with "chmod 700 ${dir}" as its owner`;
    throw new StartupError(
      `The embedded PostgreSQL cannot read its directory ${dir} (${who}), or set DATA_DIR to another directory.`,
    );
  }
  if (!entries.includes('PG_VERSION')) {
    throw new StartupError(
      `${dir} is not empty and is not a PostgreSQL data directory (it has no PG_VERSION). ` +
        `Ombud will not overwrite it: move it away, or set DATA_DIR to another directory.`,
    );
  }
  return 'initialised';
}

/**
 * What a dead owner left behind. Its postmaster, still running on this directory, is stopped
 * (fast shutdown). A postmaster.pid naming a live process that is not a postgres on this
 * directory (the pid was reused) is removed, since PostgreSQL would refuse to start over it. A
 * postmaster.pid naming a dead process stays: PostgreSQL checks it for surviving backends.
 */
async function clearLeftovers(dir: string, logger: Logger): Promise<void> {
  const found = await findPostmaster(dir);
  if (found.state === 'stale' && found.isPidAlive) {
    logger.warn(
      { postgresPid: found.file.pid },
      'postmaster.pid names an unrelated process; removing it',
    );
    await fs.rm(path.join(dir, 'postmaster.pid'), { force: true });
  } else if (found.state === 'running') {
    if (!found.isVerified) {
      throw new EmbeddedDatabaseInUseError(
        `The embedded database in ${dir} is held by postgres pid ${found.file.pid}, which the Ombud ` +
          `process that started it left running. Stop it (kill -INT ${found.file.pid}) and start again.`,
      );
    }
    logger.warn(
      { postgresPid: found.file.pid, dir },
      'an earlier Ombud process ended without stopping its PostgreSQL; stopping it',
    );
    await stopOrphanedPostmaster(found.file.pid, dir);
  }
}

function startupErrorOf(error: unknown, dir: string, port: number): unknown {
  if (!(error instanceof PostmasterStartError)) return error;
  const said = error.message;
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(said)) {
    return new StartupError(
      `The embedded PostgreSQL cannot listen on port ${port}: it is already in use. ` +
        `Set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  if (/lock file "postmaster.pid" already exists/.test(said)) {
    return new EmbeddedDatabaseInUseError(
      `The embedded database in ${dir} was started by another process at the same time. ` +
        `Only one Ombud server may own it.`,
    );
  }
  return new StartupError(`The embedded PostgreSQL in ${dir} did not start: ${said}`);
}

const isSharedMemoryStillInUse = (error: unknown) =>
  error instanceof PostmasterStartError &&
  /pre-existing shared memory block .* is still in use/.test(error.message);

/** Backends of a postmaster that just ended take a moment to go; until then it cannot start. */
async function startWhenFree(start: () => Promise<Postmaster>): Promise<Postmaster> {
  for (let waited = 0; ; waited += 250) {
    try {
      return await start();
    } catch (error) {
      if (!isSharedMemoryStillInUse(error) || waited > 10_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts the PostgreSQL that ships inside the npm package, in `dir`, and keeps it running
 * while this process lives (see `supervise`). This process becomes the directory's owner
 * (`<dir>.owner.json`): a second Ombud process on the same directory is refused with a clear
 * message, while one whose owner died (kill -9) takes over what it left.
 */
export async function startEmbeddedDatabase(options: {
  dir: string;
  port: number;
  database: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const { port, database, logger } = options;
  const runAs = await postgresUser();
  await prepareParent(dir, runAs);
  const claim = await claimOwnership(dir);
  if ('owner' in claim) {
    const found = await findPostmaster(dir);
    const postgres =
      found.state === 'running' ? `; postgres pid ${found.file.pid}, port ${found.file.port}` : '';
    throw new EmbeddedDatabaseInUseError(
      `The embedded database in ${dir} is already in use by another Ombud process ` +
        `(pid ${claim.owner.pid}${postgres}). Stop that process first, ` +
        `use "npm run worker" to add workers to it, or set DATABASE_URL to use a shared server.`,
    );
  }
  const { ownership } = claim;
  try {
    await clearLeftovers(dir, logger);
    let credentials = await readCredentials(dir);
    if ((await inspectDataDirectory(dir, runAs)) === 'empty') {
      credentials = { password: randomBytes(18).toString('base64url') };
      logger.info({ dir }, 'initialising the embedded PostgreSQL');
      // Written first: a start cut short after initdb still has the password it was given.
      await fs.writeFile(credentialsFileOf(dir), JSON.stringify(credentials), { mode: 0o600 });
      await initialiseCluster({ dir, password: credentials.password, runAs, logger });
    }
    if (!credentials) {
      throw new StartupError(
        `The embedded database in ${dir} has no credentials file (${credentialsFileOf(dir)}).`,
      );
    }
    const start = async () => {
      await clearLeftovers(dir, logger);
      return startPostmaster({ dir, port, flags: POSTGRES_FLAGS, runAs, logger });
    };
    const first = await startWhenFree(start).catch((error: unknown) => {
      throw startupErrorOf(error, dir, port);
    });
    const postmaster = supervise(first, { start: () => startWhenFree(start), logger });
    try {
      await ensureDatabase(urlFor(port, credentials.password, 'postgres'), database);
    } catch (error) {
      await postmaster.stop();
      throw error;
    }
    return {
      url: urlFor(port, credentials.password, database),
      holdRestarts: () => postmaster.holdRestarts(),
      async stop() {
        await postmaster.stop();
        await ownership.release();
      },
    };
  } catch (error) {
    await ownership.release();
    throw error;
  }
}

/**
 * Extra worker processes join the embedded server that `npm start` owns, through the port in
 * its postmaster.pid; they never start one of their own.
 */
export async function attachToEmbeddedDatabase(dir: string, database: string): Promise<string> {
  const found = await findPostmaster(path.resolve(dir));
  const credentials = await readCredentials(path.resolve(dir));
  if (found.state !== 'running' || !credentials) {
    throw new EmbeddedDatabaseInUseError(
      `No embedded database is running in ${dir}. Start the server first ("npm start"), ` +
        `or set DATABASE_URL.`,
    );
  }
  return urlFor(found.file.port, credentials.password, database);
}
