import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import {
  BackupError,
  copyFile,
  exists,
  isMissingOrEmpty,
  MANIFEST,
  toManifestPath,
  type BackupManifest,
} from './backup-files.ts';

export { BackupError, type BackupManifest } from './backup-files.ts';

// An online physical backup of the embedded PostgreSQL through its low-level base-backup API
// ("Making a Base Backup Using the Low Level API" in the PostgreSQL manual): pg_backup_start on
// one session, a copy of the data directory while the server keeps running, pg_backup_stop on
// the same session (its label file becomes backup_label in the copy), and the WAL from start to
// stop beside it. Started from that copy, PostgreSQL replays the WAL to the stop point and is
// consistent there. A temporary replication slot holds the WAL until it is copied.

/** Directories whose contents a base backup leaves out (the manual's list; they stay, empty). */
const EMPTY_IN_BACKUP = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/** Files a base backup leaves out, anywhere in the tree. */
const isLeftOut = (name: string): boolean =>
  [
    'postmaster.pid',
    'postmaster.opts',
    'backup_label',
    'tablespace_map',
    'backup_manifest',
    'postgresql.auto.conf.tmp',
    'current_logfiles.tmp',
  ].includes(name) ||
  name.startsWith('pg_internal.init') ||
  name.startsWith('pgsql_tmp');

type Collected = Pick<BackupManifest, 'directories' | 'files'>;

/** Copies `from` into `to` (both directories), adding what it wrote to `into`. */
async function copyTree(
  from: string,
  to: string,
  prefix: string,
  into: Collected,
  options: { isDataDirectory: boolean },
): Promise<void> {
  await fs.mkdir(to, { recursive: true, mode: 0o700 });
  into.directories.push(prefix);
  const entries = await fs.readdir(from, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const relative = `${prefix}/${entry.name}`;
    if (options.isDataDirectory && isLeftOut(entry.name)) continue;
    if (entry.isDirectory()) {
      const isTopLevel = options.isDataDirectory && prefix.split('/').length === 1;
      if (isTopLevel && EMPTY_IN_BACKUP.has(entry.name)) {
        await fs.mkdir(path.join(to, entry.name), { mode: 0o700 });
        into.directories.push(relative);
        if (entry.name === 'pg_wal') {
          await fs.mkdir(path.join(to, entry.name, 'archive_status'), { mode: 0o700 });
          into.directories.push(`${relative}/archive_status`);
        }
        continue;
      }
      await copyTree(
        path.join(from, entry.name),
        path.join(to, entry.name),
        relative,
        into,
        options,
      );
    } else if (entry.isFile()) {
      const copied = await copyFile(path.join(from, entry.name), path.join(to, entry.name));
      if (copied) into.files.push({ path: toManifestPath(relative), ...copied });
    } else if (entry.isSymbolicLink() && options.isDataDirectory) {
      throw new BackupError(
        `${path.join(from, entry.name)} is a symbolic link (a tablespace?); ombud backup copies ` +
          `only a data directory without tablespaces.`,
      );
    }
  }
}

export type BackupOptions = {
  /** A superuser connection to the embedded server. */
  url: string;
  pgDir: string;
  filesDir: string;
  credentialsFile: string;
  target: string;
  logger: Logger;
  /**
   * Runs after the data directory is copied, just before pg_backup_stop. Tests use it to know
   * the exact state the backup will hold.
   */
  beforeStop?: () => Promise<void>;
};

/**
 * Backs up the running embedded database, the uploaded files and the credentials file into
 * `target` (missing or empty), and writes the manifest last.
 */
export async function backupEmbedded(options: BackupOptions): Promise<BackupManifest> {
  const { target, logger } = options;
  if (!(await isMissingOrEmpty(target))) {
    throw new BackupError(`${target} is not empty; back up into a new or empty directory.`);
  }
  for (const copied of [options.pgDir, options.filesDir]) {
    const inside = path.relative(path.resolve(copied), path.resolve(target));
    if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
      throw new BackupError(`${target} is inside ${copied}, which it would copy; choose another.`);
    }
  }
  const hadTarget = await exists(target);
  const createdAt = new Date().toISOString();
  const label = `ombud ${createdAt}`;
  const collected: Collected = { directories: [], files: [] };
  const client = new pg.Client({ connectionString: options.url, application_name: 'ombud-backup' });
  client.on('error', (error) => logger.warn({ reason: error.message }, 'backup connection lost'));
  await client.connect();
  try {
    const { rows: settings } = await client.query<{ data_directory: string; version: string }>(
      `SELECT current_setting('data_directory') AS data_directory,
              current_setting('server_version') AS version`,
    );
    const served = await fs.realpath(settings[0]!.data_directory).catch(() => '');
    if (served !== (await fs.realpath(options.pgDir))) {
      throw new BackupError(
        `The server serves ${settings[0]!.data_directory}, not ${options.pgDir}; not backing up.`,
      );
    }
    await fs.mkdir(target, { recursive: true, mode: 0o700 });
    const slot = `ombud_backup_${randomBytes(6).toString('hex')}`;
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
    const start = await client.query<{ lsn: string }>(
      'SELECT pg_backup_start($1, fast => true) AS lsn',
      [label],
    );
    const startLsn = start.rows[0]!.lsn;
    logger.info({ startLsn }, 'backup started; copying the data directory');
    const pgCopy = path.join(target, 'postgres');
    await copyTree(options.pgDir, pgCopy, 'postgres', collected, { isDataDirectory: true });
    await options.beforeStop?.();
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      'SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)',
    );
    const { lsn: stopLsn, labelfile, spcmapfile } = stop.rows[0]!;
    for (const [name, text] of [
      ['backup_label', labelfile],
      ['tablespace_map', spcmapfile],
    ] as const) {
      if (!text) continue;
      await fs.writeFile(path.join(pgCopy, name), text, { mode: 0o600, flush: true });
      collected.files.push({
        path: `postgres/${name}`,
        bytes: Buffer.byteLength(text),
        sha256: createHash('sha256').update(text).digest('hex'),
      });
    }
    const walSegments = await copyWal(client, options.pgDir, pgCopy, startLsn, stopLsn, collected);
    await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
    logger.info({ stopLsn, walSegments: walSegments.length }, 'backup stopped; copying files');
    // After the stop: every file a backed-up row names was written before its row committed.
    await copyTree(options.filesDir, path.join(target, 'files'), 'files', collected, {
      isDataDirectory: false,
    });
    if (await exists(options.credentialsFile)) {
      const copied = await copyFile(
        options.credentialsFile,
        path.join(target, 'postgres.credentials.json'),
      );
      if (copied) collected.files.push({ path: 'postgres.credentials.json', ...copied });
    }
    const manifest: BackupManifest = {
      format: 'ombud-backup',
      version: 1,
      createdAt,
      label,
      postgresVersion: settings[0]!.version,
      startLsn,
      stopLsn,
      walSegments,
      ...collected,
    };
    await fs.writeFile(path.join(target, `${MANIFEST}.tmp`), JSON.stringify(manifest, null, 2), {
      flush: true,
    });
    await fs.rename(path.join(target, `${MANIFEST}.tmp`), path.join(target, MANIFEST));
    return manifest;
  } catch (error) {
    // Ending the session aborts a backup that was not stopped; the half copy goes.
    await fs.rm(target, { recursive: true, force: true });
    if (hadTarget) await fs.mkdir(target).catch(() => undefined);
    throw error instanceof BackupError
      ? error
      : new BackupError(`The backup failed: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The WAL segments from the one holding the start to the one holding the stop, and history. */
async function copyWal(
  client: pg.Client,
  pgDir: string,
  pgCopy: string,
  startLsn: string,
  stopLsn: string,
  collected: Collected,
): Promise<string[]> {
  const { rows } = await client.query<{ first: string; last: string }>(
    'SELECT pg_walfile_name($1) AS first, pg_walfile_name($2) AS last',
    [startLsn, stopLsn],
  );
  const { first, last } = rows[0]!;
  const names = (await fs.readdir(path.join(pgDir, 'pg_wal')))
    .filter(
      (name) =>
        (/^[0-9A-F]{24}$/.test(name) && name >= first && name <= last) ||
        /^[0-9A-F]{8}\.history$/.test(name),
    )
    .sort();
  const segments = names.filter((name) => !name.endsWith('.history'));
  if (segments[0] !== first || segments.at(-1) !== last) {
    throw new BackupError(`The WAL from ${first} to ${last} is not all in pg_wal; not backing up.`);
  }
  for (const name of names) {
    const copied = await copyFile(
      path.join(pgDir, 'pg_wal', name),
      path.join(pgCopy, 'pg_wal', name),
    );
    if (!copied) throw new BackupError(`WAL segment ${name} vanished while it was copied.`);
    collected.files.push({ path: `postgres/pg_wal/${name}`, ...copied });
  }
  return segments;
}
