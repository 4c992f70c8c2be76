import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import {
  BackupError,
  copyFile,
  exists,
  isMissingOrEmpty,
  MANIFEST,
  sha256Of,
  type BackupManifest,
} from './backup-files.ts';
import { claimOwnership, findPostmaster } from './embedded-locks.ts';
import { postgresUser } from './postmaster.ts';

async function readManifest(source: string): Promise<BackupManifest> {
  const text = await fs.readFile(path.join(source, MANIFEST), 'utf8').catch(() => undefined);
  if (!text) {
    throw new BackupError(
      `${source} holds no ${MANIFEST}: it is not an Ombud backup, or its backup did not finish.`,
    );
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 'ombud-backup' || manifest.version !== 1) {
    throw new BackupError(`${path.join(source, MANIFEST)} is not a manifest this Ombud reads.`);
  }
  return manifest;
}

/** Every file the manifest lists is there, with its size and checksum. */
async function verify(source: string, manifest: BackupManifest): Promise<void> {
  for (const file of manifest.files) {
    const found = await sha256Of(path.join(source, file.path)).catch(() => undefined);
    if (!found || found.bytes !== file.bytes || found.sha256 !== file.sha256) {
      throw new BackupError(
        `The backup in ${source} is damaged: ${file.path} is ${found ? 'changed' : 'missing'}.`,
      );
    }
  }
}

/** Where each part of a backup goes: the data directory, the uploads, the credentials. */
function destinationOf(
  relative: string,
  to: { pgDir: string; filesDir: string; credentialsFile: string },
): string {
  const [top, ...rest] = relative.split('/');
  if (top === 'postgres') return path.join(to.pgDir, ...rest);
  if (top === 'files') return path.join(to.filesDir, ...rest);
  if (relative === 'postgres.credentials.json') return to.credentialsFile;
  throw new BackupError(`The manifest names ${relative}, which is not part of an Ombud backup.`);
}

/**
 * Restores a backup into the data directory of a stopped Ombud: the embedded database (it
 * replays the WAL to the backup's stop point on its first start), the uploads and the
 * credentials. Refuses a data directory that holds a database unless `force`, and one that a
 * running Ombud owns in any case; while it copies, it owns the directory itself.
 */
export async function restoreEmbedded(options: {
  source: string;
  pgDir: string;
  filesDir: string;
  credentialsFile: string;
  force: boolean;
  logger: Logger;
}): Promise<BackupManifest> {
  const { source, pgDir, filesDir, credentialsFile, logger } = options;
  const manifest = await readManifest(source);
  await verify(source, manifest);
  await fs.mkdir(path.dirname(pgDir), { recursive: true });
  const claim = await claimOwnership(pgDir);
  if ('owner' in claim) {
    throw new BackupError(
      `An Ombud process (pid ${claim.owner.pid}) is using ${pgDir}; stop it before restoring.`,
    );
  }
  try {
    if ((await findPostmaster(pgDir)).state === 'running') {
      throw new BackupError(`A PostgreSQL is running on ${pgDir}; stop it before restoring.`);
    }
    const hasData = !(await isMissingOrEmpty(pgDir)) || !(await isMissingOrEmpty(filesDir));
    if (hasData && !options.force) {
      throw new BackupError(
        `${path.dirname(pgDir)} already holds a database; restore will not overwrite it. ` +
          `Restore into a new DATA_DIR, or add --force to replace what is there.`,
      );
    }
    if (hasData) logger.warn({ pgDir, filesDir }, 'replacing the database and files (--force)');
    await fs.rm(pgDir, { recursive: true, force: true });
    await fs.rm(filesDir, { recursive: true, force: true });
    const to = { pgDir, filesDir, credentialsFile };
    const runAs = await postgresUser();
    const ownedByPostgres = async (target: string) => {
      if (runAs && target.startsWith(pgDir)) await fs.chown(target, runAs.uid, runAs.gid);
    };
    for (const directory of manifest.directories) {
      const target = destinationOf(directory, to);
      await fs.mkdir(target, { recursive: true, mode: 0o700 });
      await ownedByPostgres(target);
    }
    for (const file of manifest.files) {
      const target = destinationOf(file.path, to);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const copied = await copyFile(path.join(source, file.path), target);
      if (copied?.sha256 !== file.sha256) {
        throw new BackupError(`${file.path} changed while it was restored.`);
      }
      await ownedByPostgres(target);
    }
    if (!(await exists(credentialsFile))) {
      throw new BackupError(`The backup in ${source} has no credentials file.`);
    }
    return manifest;
  } finally {
    await claim.ownership.release();
  }
}
