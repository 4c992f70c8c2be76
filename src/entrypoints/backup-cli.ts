import path from 'node:path';
import { loadProcessConfig } from '../platform/config.ts';
import { prepareDataDir } from '../platform/data-dir.ts';
import { backupEmbedded } from '../platform/db/backup.ts';
import { credentialsFileOf } from '../platform/db/embedded.ts';
import { openDatabase } from '../platform/db/index.ts';
import { restoreEmbedded } from '../platform/db/restore.ts';
import { createLogger } from '../platform/logger.ts';

const withExternalDatabase = {
  backup:
    'backup copies the embedded database; with DATABASE_URL, back up that PostgreSQL with its own ' +
    'tools: pg_dump --format=custom --file=ombud.dump "$DATABASE_URL", and copy DATA_DIR/files ' +
    '(the uploads) beside it (see "Backups" in the README).',
  restore:
    'restore fills the embedded database; with DATABASE_URL, restore that PostgreSQL with ' +
    'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ombud.dump, and put the ' +
    'uploads back into DATA_DIR/files (see "Backups" in the README).',
};

/**
 * `ombud backup DIR` and `ombud restore DIR [--force]`. A backup joins the running server's
 * embedded database (or starts it when no server runs) and copies it while it serves; a
 * restore fills the data directory of a stopped server.
 */
export async function runBackupCli(
  command: 'backup' | 'restore',
  args: string[],
  io: { stdout: (line: string) => void; stderr: (line: string) => void },
): Promise<number> {
  const dir = args.find((arg) => !arg.startsWith('--'));
  if (!dir) {
    io.stderr(`ombud: usage: ombud ${command} DIR${command === 'restore' ? ' [--force]' : ''}`);
    return 2;
  }
  const config = loadProcessConfig({ defaults: { LOG_LEVEL: 'warn' } });
  if (config.databaseUrl) {
    io.stderr(`ombud: ${withExternalDatabase[command]}`);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const location = {
    pgDir: config.embeddedPgDir,
    filesDir: config.uploadDir,
    credentialsFile: credentialsFileOf(config.embeddedPgDir),
  };
  if (command === 'restore') {
    await prepareDataDir(config.dataDir);
    const manifest = await restoreEmbedded({
      source: path.resolve(dir),
      ...location,
      force: args.includes('--force'),
      logger,
    });
    io.stdout(
      JSON.stringify({
        restored: path.resolve(dir),
        into: config.dataDir,
        backupCreatedAt: manifest.createdAt,
        stopLsn: manifest.stopLsn,
        files: manifest.files.length,
      }),
    );
    return 0;
  }
  await prepareDataDir(config.dataDir);
  const database = await openDatabase(config, logger, 'owner-or-attach');
  try {
    const manifest = await backupEmbedded({
      url: database.url,
      ...location,
      target: path.resolve(dir),
      logger,
    });
    io.stdout(
      JSON.stringify({
        backup: path.resolve(dir),
        postgresVersion: manifest.postgresVersion,
        startLsn: manifest.startLsn,
        stopLsn: manifest.stopLsn,
        files: manifest.files.length,
        bytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
      }),
    );
    return 0;
  } finally {
    await database.close();
  }
}
