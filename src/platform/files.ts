import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export type StoredFile = { storageKey: string; sizeBytes: number; sha256: string };

/** Attachments and recordings on local disk, one directory per org. An S3 store can replace it. */
export type FileStore = {
  /**
   * Streams `source` to the store. The upload is cut off as soon as it passes `maxBytes`; the
   * first bytes go to `inspect` before anything is kept, and what it returns (the file's real
   * type) comes back with the file. If anything fails, nothing remains on disk.
   */
  save(
    orgId: string,
    source: Readable,
    maxBytes: number,
    inspect: (head: Buffer) => Promise<string>,
  ): Promise<StoredFile & { contentType: string }>;
  /** The file, or the bytes `start` to `end` of it (both included), for a range request. */
  open(storageKey: string, range?: { start: number; end: number }): fs.ReadStream;
  remove(storageKey: string): Promise<void>;
};

export class FileTooLargeError extends Error {}

/** How much of a file's start is read to tell what it is (the magic-number libraries' need). */
export const HEAD_BYTES = 4100;

export function createFileStore(root: string): FileStore {
  const resolve = (key: string): string => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('bad storage key');
    return full;
  };
  return {
    async save(orgId, source, maxBytes, inspect) {
      const storageKey = path.join(orgId, randomUUID());
      const full = resolve(storageKey);
      await fsp.mkdir(path.dirname(full), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      let head: Buffer[] = [];
      let headBytes = 0;
      let contentType: string | undefined;
      // Nothing reaches the disk before the head has been inspected.
      const release = async (push: (chunk: Buffer) => void) => {
        contentType = await inspect(Buffer.concat(head).subarray(0, HEAD_BYTES));
        for (const chunk of head) push(chunk);
        head = [];
      };
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError('file too large'));
          hash.update(chunk);
          if (contentType !== undefined) return done(null, chunk);
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes < HEAD_BYTES) return done();
          release((c) => this.push(c)).then(() => done(), done);
        },
        flush(done) {
          if (contentType !== undefined) return done();
          release((c) => this.push(c)).then(() => done(), done);
        },
      });
      // The multipart parser stops at its own limit and keeps reading the rest of the part;
      // give up at once instead.
      source.once('limit', () => meter.destroy(new FileTooLargeError('file too large')));
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
      return { storageKey, sizeBytes: size, sha256: hash.digest('hex'), contentType: contentType! };
    },
    open: (storageKey, range) => fs.createReadStream(resolve(storageKey), range),
    remove: (storageKey) => fsp.rm(resolve(storageKey), { force: true }),
  };
}
