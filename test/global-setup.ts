import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findFreePort, startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildServer } from '../scripts/build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: string;
  }
}

/**
 * One fresh, migrated database per test run: an embedded PostgreSQL in a temp directory, or a
 * new database on the server named by DATABASE_URL (CI runs both). Test files share it and
 * stay apart by making their own orgs.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger('warn');
  // Tests that start a server, a worker or the CLI in a process of its own run the compiled
  // dist/server/, as `npm start` does; it is rebuilt here when the sources changed.
  await buildServer({ quiet: true });
  let url: string;
  let teardown: () => Promise<void>;
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `ombud_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(external);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    teardown = async () => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-test-'));
    const embedded = await startEmbeddedDatabase({
      dir: path.join(dir, 'postgres'),
      port: await findFreePort(),
      database: 'ombud_test',
      logger,
    });
    url = embedded.url;
    teardown = async () => {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate(pool);
  const version = await pool.query<{ server_version: string }>('SHOW server_version');
  await pool.end();
  project.provide('databaseUrl', url);
  project.provide(
    'databaseKind',
    `${external ? 'external' : 'embedded'} PostgreSQL ${version.rows[0]?.server_version ?? ''}`,
  );
  return teardown;
}
