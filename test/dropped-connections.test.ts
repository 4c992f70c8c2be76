import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createDb } from '../src/platform/db/index.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/entrypoints/app.ts';
import { startIntakeLoad } from './fixtures/intake-load.ts';
import { pollUntil } from './fixtures/poll.ts';
import {
  childEnv,
  startProcess,
  waitUntilReady,
  type ChildServer,
} from './fixtures/server-process.ts';

// A server in its own process on its own database (on the test run's PostgreSQL: embedded, or
// CI's PostgreSQL 15), whose every connection is terminated while complaints are being filed.

const name = `ombud_drop_${randomBytes(4).toString('hex')}`;
let admin: pg.Client;
let databaseUrl: string;
let dataDir: string;
let server: ChildServer | undefined;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-drop-'));
});

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const terminateEverySession = async (): Promise<number> =>
  (
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    )
  ).rowCount ?? 0;

describe('pg_terminate_backend of every session while complaints are filed', () => {
  it('keeps the server up, serving again at once, and loses no acknowledged complaint', async () => {
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startProcess(
      'server',
      childEnv({
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      }),
    );
    await waitUntilReady(server, baseUrl, 60_000);
    const { db } = createDb(databaseUrl, 2);
    let token: string;
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      const services = createServices({
        config,
        db,
        clock: systemClock,
        logger: createLogger('silent'),
      });
      const org = await services.provisioning.provisionOrg({ slug: 'drop', name: 'Drop Test' });
      token = (await services.auth.createApiKey(org.id, systemActor, 'drop')).token;
    } finally {
      await db.destroy();
    }

    const load = startIntakeLoad(baseUrl, token);
    const recoveries: number[] = [];
    try {
      for (let round = 1; round <= 3; round += 1) {
        const before = load.acknowledged.length;
        await pollUntil('complaints being filed', () => load.acknowledged.length >= before + 5, {
          timeoutMs: 30_000,
        });
        const terminatedAt = Date.now();
        expect(await terminateEverySession()).toBeGreaterThan(0);
        const servedAt = await load.nextAcknowledgedAfter(terminatedAt, 15_000);
        recoveries.push((servedAt - terminatedAt) / 1000);
      }
    } finally {
      await load.stop();
    }
    expect(server.exit()).toBeUndefined();
    expect((await fetch(`${baseUrl}/api/ready`)).status).toBe(200);
    expect(load.unexpected).toEqual([]);

    const reader = new pg.Client({ connectionString: databaseUrl });
    await reader.connect();
    const { rows } = await reader.query<{ id: string }>('SELECT id FROM complaints');
    await reader.end();
    const stored = new Set(rows.map((r) => r.id));
    const lost = load.acknowledged.filter((a) => !stored.has(a.id));
    console.log(
      `pg_terminate_backend of every session, 3 times: serving again after ${recoveries.map((s) => `${s.toFixed(2)} s`).join(', ')}; ` +
        `${load.acknowledged.length} complaints acknowledged, ${lost.length} lost; statuses ${JSON.stringify([...load.statuses])}`,
    );
    expect(lost).toEqual([]);
    await server.stop();
    expect(server.exit()).toEqual({ code: 0, signal: null });
  }, 180_000);
});
