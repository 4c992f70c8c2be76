import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  attachToEmbeddedDatabase,
  EmbeddedDatabaseInUseError,
  findFreePort,
  startEmbeddedDatabase,
} from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';
import { ConfigError, loadConfig } from '../src/platform/config.ts';

describe('the embedded database', () => {
  it('refuses a second postmaster on the same directory with a clear message, and lets others attach', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-embedded-'));
    const dir = path.join(root, 'postgres');
    const logger = createLogger('silent');
    const first = await startEmbeddedDatabase({
      dir,
      port: await findFreePort(),
      database: 'ombud',
      logger,
    });
    try {
      const second = startEmbeddedDatabase({
        dir,
        port: await findFreePort(),
        database: 'ombud',
        logger,
      });
      await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
      await expect(second).rejects.toThrow(/already in use by another Ombud process/);
      const attached = await attachToEmbeddedDatabase(dir, 'ombud');
      const client = new pg.Client({ connectionString: attached });
      await client.connect();
      const version = await client.query<{ v: string }>('SELECT current_setting($1) AS v', [
        'server_version_num',
      ]);
      expect(Number(version.rows[0]!.v)).toBeGreaterThanOrEqual(150000);
      await client.end();
    } finally {
      await first.stop();
    }
    // Once stopped, it starts again with its data and credentials.
    const again = await startEmbeddedDatabase({
      dir,
      port: await findFreePort(),
      database: 'ombud',
      logger,
    });
    await again.stop();
    await expect(attachToEmbeddedDatabase(dir, 'ombud')).rejects.toThrow(
      /No embedded database is running/,
    );
    await fs.rm(root, { recursive: true, force: true });
  }, 60_000);
});

describe('configuration', () => {
  it('parses once, with defaults, and names a bad variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      runWorker: true,
    });
    expect(config.embeddedPgDir.endsWith(path.join('data', 'postgres'))).toBe(true);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
