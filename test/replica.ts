import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  credentialsFileOf,
  findFreePort,
  startEmbeddedDatabase,
} from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';

/** Runs one statement on a server and ends the connection. */
export async function queryOnce<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A primary and a streaming standby of it, both the embedded PostgreSQL in a temporary
 * directory. The standby is a base backup taken while the primary runs (`pg_backup_start` and
 * `pg_backup_stop` in one session, the files copied between them), started with
 * `standby.signal` and the primary's address: the same thing `pg_basebackup -R` makes.
 */
export async function startEmbeddedPair(database: string) {
  const logger = createLogger('warn');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-replica-'));
  // As root the embedded PostgreSQL runs as a separate user, which must be able to enter here.
  await fs.chmod(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  const standbyDir = path.join(root, 'standby');
  const primaryPort = await findFreePort();
  const primary = await startEmbeddedDatabase({
    dir: primaryDir,
    port: primaryPort,
    database,
    logger,
  });
  const admin = new pg.Client({ connectionString: primary.url });
  await admin.connect();
  try {
    await admin.query("SELECT pg_backup_start('ombud standby', true)");
    execFileSync('cp', ['-a', primaryDir, standbyDir]);
    const stop = await admin.query<{ labelfile: string }>(
      'SELECT labelfile FROM pg_backup_stop(true)',
    );
    for (const file of ['postmaster.pid', 'postmaster.opts'])
      await fs.rm(path.join(standbyDir, file), { force: true });
    await fs.writeFile(path.join(standbyDir, 'backup_label'), stop.rows[0]!.labelfile);
    await fs.writeFile(path.join(standbyDir, 'standby.signal'), '');
    const url = new URL(primary.url);
    const conninfo = `host=127.0.0.1 port=${primaryPort} user=${url.username} password=${decodeURIComponent(url.password)}`;
    await fs.appendFile(
      path.join(standbyDir, 'postgresql.auto.conf'),
      `\nprimary_conninfo = '${conninfo}'\n`,
    );
    const owner = await fs.stat(primaryDir);
    execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, standbyDir]);
    await fs.copyFile(credentialsFileOf(primaryDir), credentialsFileOf(standbyDir));
  } finally {
    await admin.end();
  }
  const standby = await startEmbeddedDatabase({
    dir: standbyDir,
    port: await findFreePort(),
    database,
    logger,
  });
  return {
    primaryUrl: primary.url,
    standbyUrl: standby.url,
    async stop() {
      await standby.stop();
      await primary.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** Waits until the standby has replayed everything the primary wrote so far. */
export async function waitForReplay(primaryUrl: string, standbyUrl: string, timeoutMs = 20_000) {
  const [current] = await queryOnce<{ lsn: string }>(
    primaryUrl,
    'SELECT pg_current_wal_lsn() AS lsn',
  );
  const lsn = current!.lsn;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryOnce<{ caught: boolean }>(
      standbyUrl,
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught',
      [lsn],
    );
    if (row?.caught) return;
    if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
