import fs from 'node:fs/promises';
import { StartupError } from './startup-error.ts';

/**
 * DATA_DIR exists (it is created when missing) and is a directory this process can write to:
 * it holds the embedded database and the uploaded files.
 */
export async function prepareDataDir(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new StartupError(`Cannot read DATA_DIR (${dir}): ${error.code ?? error.message}.`);
  });
  if (!stat) {
    await fs.mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'ENOTDIR' || error.code === 'EEXIST' ? 'a part of it is a file' : error.code;
      throw new StartupError(
        `Cannot create DATA_DIR (${dir}): ${why}. Set DATA_DIR to a directory.`,
      );
    });
    return;
  }
  if (!stat.isDirectory()) {
    throw new StartupError(
      `DATA_DIR (${dir}) is a file, not a directory. Set DATA_DIR to a directory: ` +
        `it holds the embedded database and the uploaded files.`,
    );
  }
  await fs.access(dir, fs.constants.W_OK | fs.constants.X_OK).catch(() => {
    throw new StartupError(
      `DATA_DIR (${dir}) is not writable by this user. Fix its permissions or set DATA_DIR.`,
    );
  });
}
