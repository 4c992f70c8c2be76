import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The JSON beside a backup that says what it holds; written last, so a cut-short backup has none. */
export type BackupManifest = {
  format: 'ombud-backup';
  version: 1;
  createdAt: string;
  label: string;
  postgresVersion: string;
  startLsn: string;
  stopLsn: string;
  walSegments: string[];
  /** Relative to the backup directory, with forward slashes. */
  directories: string[];
  files: { path: string; bytes: number; sha256: string }[];
};

export const MANIFEST = 'manifest.json';

export class BackupError extends Error {}

/**
 * Copies one file, hashing what it writes, and flushes it to disk. Returns undefined when the
 * source vanished meanwhile: PostgreSQL removes files while a base backup runs, which its
 * documentation says is fine.
 */
export async function copyFile(
  from: string,
  to: string,
  mode = 0o600,
): Promise<{ bytes: number; sha256: string } | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(from), meter, createWriteStream(to, { mode, flush: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(from))) {
      await fs.rm(to, { force: true });
      return undefined;
    }
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export async function sha256Of(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    hash.update(chunk);
  }
  return { bytes, sha256: hash.digest('hex') };
}

export const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Whether a directory is missing or has nothing in it. */
export async function isMissingOrEmpty(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.length === 0;
}

export const toManifestPath = (relative: string): string => relative.split(path.sep).join('/');
