import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { backupEmbedded } from '../src/platform/db/backup.ts';
import {
  attachToEmbeddedDatabase,
  credentialsFileOf,
  findFreePort,
} from '../src/platform/db/embedded.ts';
import { createDb } from '../src/platform/db/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/entrypoints/app.ts';
import { startIntakeLoad } from './fixtures/intake-load.ts';
import { pollUntil } from './fixtures/poll.ts';
import {
  childEnv,
  runCli,
  startProcess,
  waitUntilReady,
  type ChildServer,
} from './fixtures/server-process.ts';

// Backups of a server that keeps taking complaints, restored into fresh data directories and
// started there. The source server runs without its worker, so the only writes are the intakes
// the test makes.

type TableState = Record<string, { rows: number; md5: string }>;

let root: string;
let token: string;
let orgId: string;
let source: { server: ChildServer; baseUrl: string; dataDir: string; pgDir: string };
const started: ChildServer[] = [];
const upload = randomBytes(64 * 1024);

async function serverOn(dataDir: string) {
  const port = await findFreePort();
  const server = startProcess(
    'server',
    childEnv({
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await findFreePort()),
      WEB_DIST_DIR: path.join(root, 'no-web'),
      RUN_WORKER: 'false',
    }),
  );
  started.push(server);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(server, baseUrl, 90_000);
  return { server, baseUrl, dataDir, pgDir: path.join(dataDir, 'postgres') };
}

/** Every table's row count and a hash of all its rows, in one snapshot. */
async function tableState(pgDir: string): Promise<TableState> {
  const client = new pg.Client({
    connectionString: await attachToEmbeddedDatabase(pgDir, 'ombud'),
  });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const state: TableState = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows,
                md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
         FROM "${name}" t`,
      );
      state[name] = rows[0]!;
    }
    await client.query('COMMIT');
    return state;
  } finally {
    await client.end();
  }
}

async function complaintIds(pgDir: string): Promise<Set<string>> {
  const client = new pg.Client({
    connectionString: await attachToEmbeddedDatabase(pgDir, 'ombud'),
  });
  await client.connect();
  try {
    return new Set(
      (await client.query<{ id: string }>('SELECT id FROM complaints')).rows.map((r) => r.id),
    );
  } finally {
    await client.end();
  }
}

/** CHECKPOINT again and again until stopped. */
function checkpointWhile(pgDir: string) {
  let isStopped = false;
  let count = 0;
  const loop = (async () => {
    const client = new pg.Client({
      connectionString: await attachToEmbeddedDatabase(pgDir, 'ombud'),
    });
    await client.connect();
    try {
      while (!isStopped) {
        await client.query('CHECKPOINT');
        count += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    count: () => count,
    async stop() {
      isStopped = true;
      await loop;
    },
  };
}

const authenticates = async (baseUrl: string) =>
  (
    await fetch(`${baseUrl}/api/complaints`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).status;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-backup-'));
  await fs.chmod(root, 0o711);
  source = await serverOn(path.join(root, 'source'));
  const { db } = createDb(await attachToEmbeddedDatabase(source.pgDir, 'ombud'), 2);
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: source.dataDir, LOG_LEVEL: 'silent' });
    const services = createServices({
      config,
      db,
      clock: systemClock,
      logger: createLogger('silent'),
    });
    const org = await services.provisioning.provisionOrg({ slug: 'backup', name: 'Backup Test' });
    orgId = org.id;
    token = (await services.auth.createApiKey(org.id, systemActor, 'backup')).token;
  } finally {
    await db.destroy();
  }
  // An uploaded file, as the file store keeps it.
  await fs.mkdir(path.join(source.dataDir, 'files', orgId), { recursive: true });
  await fs.writeFile(path.join(source.dataDir, 'files', orgId, 'recording'), upload);
}, 120_000);

afterAll(async () => {
  for (const server of started) await server.stop().catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('takes an online backup while complaints are filed that restores to exactly its stop point', async () => {
    const load = startIntakeLoad(source.baseUrl, token);
    const target = path.join(root, 'exact.backup');
    let atStop: TableState | undefined;
    let acknowledgedBeforeStart: string[] = [];
    try {
      await pollUntil('complaints being filed', () => load.acknowledged.length >= 10, {
        timeoutMs: 30_000,
      });
      acknowledgedBeforeStart = load.acknowledged.map((a) => a.id);
      // Checkpoints during the copy, as a busy server has them: the restore must replay from
      // the backup's start (backup_label), not from whichever checkpoint pg_control names.
      const checkpoints = checkpointWhile(source.pgDir);
      await backupEmbedded({
        url: await attachToEmbeddedDatabase(source.pgDir, 'ombud'),
        pgDir: source.pgDir,
        filesDir: path.join(source.dataDir, 'files'),
        credentialsFile: credentialsFileOf(source.pgDir),
        target,
        logger: createLogger('silent'),
        // The writers run through pg_backup_start and the whole copy of the data directory;
        // they hold still only around pg_backup_stop, so that the state the backup must hold
        // is known exactly, and go on at once while the WAL is copied.
        beforeStop: async () => {
          await load.pause();
          await checkpoints.stop();
          atStop = await tableState(source.pgDir);
          load.resume();
        },
      });
      expect(checkpoints.count()).toBeGreaterThan(0);
      await load.nextAcknowledgedAfter(Date.now(), 30_000);
    } finally {
      await load.stop();
    }
    expect(load.unexpected).toEqual([]);
    const manifest = JSON.parse(await fs.readFile(path.join(target, 'manifest.json'), 'utf8')) as {
      postgresVersion: string;
      walSegments: string[];
      files: { path: string }[];
    };
    expect(manifest.postgresVersion).toMatch(/^18\./);
    expect(manifest.walSegments.length).toBeGreaterThan(0);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'postgres/backup_label',
        'postgres.credentials.json',
        `files/${orgId}/recording`,
      ]),
    );
    expect(manifest.files.map((f) => f.path)).not.toContain('postgres/postmaster.pid');

    const restoredDir = path.join(root, 'exact-restored');
    const restore = await runCli(['restore', target], childEnv({ DATA_DIR: restoredDir }));
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    const restored = await serverOn(restoredDir);
    const state = await tableState(restored.pgDir);
    expect(Object.keys(state).length).toBeGreaterThan(20);
    expect(state).toEqual(atStop);
    const ids = await complaintIds(restored.pgDir);
    expect(acknowledgedBeforeStart.filter((id) => !ids.has(id))).toEqual([]);
    console.log(
      `backup while filing: ${acknowledgedBeforeStart.length} complaints acknowledged before the backup started, ` +
        `${state.complaints?.rows} in the restored copy, ${load.acknowledged.length} filed in all; every table matches its state at pg_backup_stop`,
    );
    expect(await authenticates(restored.baseUrl)).toBe(200);
    expect(await fs.readFile(path.join(restoredDir, 'files', orgId, 'recording'))).toEqual(upload);
    await restored.server.stop();
  }, 240_000);

  it('npx ombud backup of a running server and npx ombud restore: the copy starts with every acknowledged complaint', async () => {
    const load = startIntakeLoad(source.baseUrl, token);
    const target = path.join(root, 'cli.backup');
    let acknowledgedBeforeStart: string[];
    try {
      await pollUntil('complaints being filed', () => load.acknowledged.length >= 5, {
        timeoutMs: 30_000,
      });
      acknowledgedBeforeStart = load.acknowledged.map((a) => a.id);
      const backup = await runCli(['backup', target], childEnv({ DATA_DIR: source.dataDir }));
      expect(backup, backup.stderr).toMatchObject({ code: 0 });
      expect(JSON.parse(backup.stdout.trim())).toMatchObject({ backup: target });
      await load.nextAcknowledgedAfter(Date.now(), 30_000);
    } finally {
      await load.stop();
    }
    expect(load.unexpected).toEqual([]);
    const restoredDir = path.join(root, 'cli-restored');
    const restore = await runCli(['restore', target], childEnv({ DATA_DIR: restoredDir }));
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    const restored = await serverOn(restoredDir);
    const ids = await complaintIds(restored.pgDir);
    expect(acknowledgedBeforeStart.filter((id) => !ids.has(id))).toEqual([]);
    expect(await authenticates(restored.baseUrl)).toBe(200);
    await restored.server.stop();

    // The restored directory now holds a database: restore refuses it, unless --force.
    const again = await runCli(['restore', target], childEnv({ DATA_DIR: restoredDir }));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a database.*--force/);
    const forced = await runCli(
      ['restore', target, '--force'],
      childEnv({ DATA_DIR: restoredDir }),
    );
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
    // Never into the directory of a server that runs.
    const busy = await runCli(
      ['restore', target, '--force'],
      childEnv({ DATA_DIR: source.dataDir }),
    );
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/is using .*stop it before restoring/);
  }, 240_000);

  it('with DATABASE_URL, says to use pg_dump and pg_restore instead', async () => {
    const env = childEnv({ DATABASE_URL: inject('databaseUrl'), DATA_DIR: path.join(root, 'ext') });
    const backup = await runCli(['backup', path.join(root, 'ext.backup')], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/^ombud: .*pg_dump --format=custom/);
    const restore = await runCli(['restore', path.join(root, 'ext.backup')], env);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/^ombud: .*pg_restore/);
  }, 60_000);
});
