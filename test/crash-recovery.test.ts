import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createDb } from '../src/platform/db/index.ts';
import { attachToEmbeddedDatabase, findFreePort } from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/entrypoints/app.ts';
import { startIntakeLoad } from './fixtures/intake-load.ts';
import { pollUntil, secondsSince } from './fixtures/poll.ts';
import {
  childEnv,
  copyDataDir,
  isAlive,
  postmasterPid,
  startProcess,
  waitUntilReady,
  type ChildServer,
} from './fixtures/server-process.ts';

// A server in its own process on its own embedded PostgreSQL, crashed the hard way. Each test
// starts from a copy of one data directory, made once: initialised, migrated, with an org and
// an API key.

let root: string;
let template: string;
let token: string;
const running: ChildServer[] = [];

async function serverOn(dataDir: string, extra: Record<string, string> = {}) {
  const port = await findFreePort();
  const env = childEnv({
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await findFreePort()),
    WEB_DIST_DIR: path.join(root, 'no-web'),
    ...extra,
  });
  const start = (entry: 'server' | 'worker' = 'server') => {
    const server = startProcess(entry, entry === 'worker' ? { ...env, LOG_LEVEL: 'info' } : env);
    running.push(server);
    return server;
  };
  return { baseUrl: `http://127.0.0.1:${port}`, start, pgDir: path.join(dataDir, 'postgres') };
}

async function query<T extends pg.QueryResultRow>(
  pgDir: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({
    connectionString: await attachToEmbeddedDatabase(pgDir, 'ombud'),
  });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function complaintIds(pgDir: string): Promise<Set<string>> {
  const rows = await query<{ id: string }>(pgDir, 'SELECT id FROM complaints');
  return new Set(rows.map((r) => r.id));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-crash-'));
  // As root, PostgreSQL runs as the user postgres, which must be able to reach the data.
  await fs.chmod(root, 0o711);
  template = path.join(root, 'template');
  const { baseUrl, start, pgDir } = await serverOn(template);
  const server = start();
  await waitUntilReady(server, baseUrl, 90_000);
  const logger = createLogger('silent');
  const { db } = createDb(await attachToEmbeddedDatabase(pgDir, 'ombud'), 2);
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: template, LOG_LEVEL: 'silent' });
    const services = createServices({ config, db, clock: systemClock, logger });
    const org = await services.provisioning.provisionOrg({ slug: 'crash', name: 'Crash Test' });
    token = (await services.auth.createApiKey(org.id, systemActor, 'crash')).token;
  } finally {
    await db.destroy();
  }
  await server.stop();
}, 120_000);

afterAll(async () => {
  for (const server of running) await server.stop().catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

describe('crashes the server recovers from by itself', () => {
  it('starts again after kill -9 of the server, stopping the PostgreSQL it left behind; an attached worker carries on', async () => {
    const dataDir = path.join(root, 'kill-server');
    copyDataDir(template, dataDir);
    const { baseUrl, start, pgDir } = await serverOn(dataDir, { RUN_WORKER: 'false' });
    const first = start();
    await waitUntilReady(first, baseUrl, 60_000);
    const worker = start('worker');
    await pollUntil('the worker to join', () => worker.output().includes('worker started'), {
      timeoutMs: 60_000,
    });
    const orphan = await postmasterPid(pgDir);
    expect(orphan).toBeDefined();

    process.kill(first.pid, 'SIGKILL');
    expect(await first.waitForExit(15_000)).toEqual({ code: null, signal: 'SIGKILL' });
    // The scenario: the server is gone, its postmaster is not.
    expect(isAlive(orphan!)).toBe(true);

    const second = start();
    const seconds = await waitUntilReady(second, baseUrl, 15_000);
    expect(seconds).toBeLessThan(15);
    console.log(`kill -9 of the server: the next start was ready in ${seconds} s`);
    expect(second.stderr()).not.toMatch(/already in use/);
    expect(isAlive(orphan!)).toBe(false);
    expect(await postmasterPid(pgDir)).not.toBe(orphan);

    // The worker joined the old postmaster; it runs the jobs of a complaint filed now.
    const filedAt = new Date();
    const filed = await fetch(`${baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: { name: 'Lê Thị Hoa', email: 'hoa@example.vn' },
        channel: 'api',
        description: 'Hàng giao thiếu một món.',
      }),
    });
    expect(filed.status).toBe(201);
    const done = await pollUntil(
      'the worker to run a job enqueued after the restart',
      async () =>
        (
          await query(
            pgDir,
            `SELECT 1 FROM jobs WHERE created_at >= $1 AND status = 'done' AND locked_by LIKE $2`,
            [filedAt, `${worker.pid}-%`],
          )
        ).length > 0,
      { timeoutMs: 30_000 },
    );
    expect(done).toBe(true);
    expect(worker.exit()).toBeUndefined();
    await worker.stop();
    await second.stop();
    expect(second.exit()).toEqual({ code: 0, signal: null });
    expect(await postmasterPid(pgDir)).toBeUndefined();
  }, 120_000);

  it('is not blocked by a stale postmaster.pid whose pid now belongs to an unrelated process', async () => {
    const dataDir = path.join(root, 'stale-pid');
    copyDataDir(template, dataDir);
    const { baseUrl, start, pgDir } = await serverOn(dataDir);
    const unrelated = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      const lockFile = path.join(pgDir, 'postmaster.pid');
      // As a machine that lost power leaves it: the file says "running", the pid is reused.
      await fs.writeFile(
        lockFile,
        [
          unrelated.pid,
          pgDir,
          '1700000000',
          '54329',
          '/tmp',
          '127.0.0.1',
          '  12345  6789',
          'ready   ',
          '',
        ].join('\n'),
      );
      const server = start();
      await waitUntilReady(server, baseUrl, 30_000);
      expect(isAlive(unrelated.pid!)).toBe(true);
      expect(await postmasterPid(pgDir)).not.toBe(unrelated.pid);
      await server.stop();
    } finally {
      unrelated.kill('SIGKILL');
    }
  }, 120_000);

  it('restarts its embedded PostgreSQL after kill -9 of the postmaster, losing no acknowledged complaint', async () => {
    const dataDir = path.join(root, 'kill-postmaster');
    copyDataDir(template, dataDir);
    const { baseUrl, start, pgDir } = await serverOn(dataDir);
    const server = start();
    await waitUntilReady(server, baseUrl, 60_000);
    const load = startIntakeLoad(baseUrl, token);
    try {
      await pollUntil('some complaints before the crash', () => load.acknowledged.length >= 10, {
        timeoutMs: 30_000,
      });
      const postmaster = (await postmasterPid(pgDir))!;
      const killedAt = Date.now();
      process.kill(postmaster, 'SIGKILL');
      const servedAt = await load.nextAcknowledgedAfter(killedAt, 15_000);
      console.log(
        `kill -9 of the postmaster: serving again (a complaint acknowledged) after ${((servedAt - killedAt) / 1000).toFixed(1)} s`,
      );
      await waitUntilReady(server, baseUrl, 15_000);
      expect(secondsSince(killedAt)).toBeLessThan(30);
      expect(await postmasterPid(pgDir)).not.toBe(postmaster);
    } finally {
      await load.stop();
    }
    expect(server.exit()).toBeUndefined();
    expect(load.unexpected).toEqual([]);
    const stored = await complaintIds(pgDir);
    const lost = load.acknowledged.filter((a) => !stored.has(a.id));
    console.log(
      `kill -9 of the postmaster: ${load.acknowledged.length} complaints acknowledged, ${lost.length} lost; statuses ${JSON.stringify([...load.statuses])}`,
    );
    expect(lost).toEqual([]);
    await server.stop();
    expect(server.exit()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
