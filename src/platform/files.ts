import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export type StoredFile = { storageKey: string; sizeBytes: number; sha256: string };

/** Attachments and recordings on local disk, one directory per org. An S3 store can replace it. */
export type FileStore = {
  save(orgId: string, source: Readable, maxBytes: number): Promise<StoredFile>;
  open(storageKey: string): fs.ReadStream;
  remove(storageKey: string): Promise<void>;
};

export class FileTooLargeError extends Error {}

export function createFileStore(root: string): FileStore {
  const resolve = (key: string): string => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('bad storage key');
    return full;
  };
  return {
    async save(orgId, source, maxBytes) {
      const storageKey = path.join(orgId, randomUUID());
      const full = resolve(storageKey);
      await fsp.mkdir(path.dirname(full), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError('file too large'));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, fs.createWriteStream(full, { flags: 'wx' }));
      } catch (error) {
        await fsp.rm(full, { force: true });
        throw error;
      }
      // The multipart parser truncates silently at its own limit; treat that as too large.
      if ((source as Readable & { truncated?: boolean }).truncated) {
        await fsp.rm(full, { force: true });
        throw new FileTooLargeError('file too large');
      }
      return { storageKey, sizeBytes: size, sha256: hash.digest('hex') };
    },
    open: (storageKey) => fs.createReadStream(resolve(storageKey)),
    remove: (storageKey) => fsp.rm(resolve(storageKey), { force: true }),
  };
}
