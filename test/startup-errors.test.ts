import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { childEnv, runCli, startProcess } from './fixtures/server-process.ts';

// Configuration mistakes, each in a server (or CLI) of its own: the process ends with status 1
// and says what is wrong on one line of stderr, with no stack trace.

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-startup-'));
  await fs.chmod(root, 0o711);
});
afterAll(async () => {
  await fs.chmod(path.join(root, 'unreadable', 'postgres'), 0o700).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

async function start(name: string, env: Record<string, string>) {
  const dataDir = path.join(root, name);
  const server = startProcess(
    'server',
    childEnv({
      DATA_DIR: dataDir,
      PORT: String(await findFreePort()),
      EMBEDDED_PG_PORT: String(await findFreePort()),
      WEB_DIST_DIR: path.join(root, 'no-web'),
      ...env,
    }),
  );
  const exit = await server.waitForExit(90_000);
  return { exit, stderr: server.stderr(), stdout: server.stdout(), dataDir };
}

/** One line, "ombud: …", and no stack frame. */
function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^ombud: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

const withPassword = (url: string, password: string) => {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
};

describe('start-up errors are one clear line', () => {
  it('a DATABASE_URL nobody listens on: says so, retries with backoff, then gives up', async () => {
    const port = await findFreePort();
    const { exit, stderr, stdout } = await start('refused', {
      DATABASE_URL: `postgres://ombud:secret@127.0.0.1:${port}/ombud`,
      DB_CONNECT_ATTEMPTS: '3',
    });
    expect(exit).toEqual({ code: 1, signal: null });
    expectOneClearLine(stderr, /DATABASE_URL .*refused.*Gave up after 3 attempts/);
    expect(stderr).not.toMatch(/secret/);
    expect(stdout.match(/retrying/g)).toHaveLength(2);
  }, 120_000);

  it('a DATABASE_URL with the wrong password: says so, retries, then gives up', async () => {
    const { exit, stderr, stdout } = await start('unauthenticated', {
      DATABASE_URL: withPassword(inject('databaseUrl'), 'not-the-password'),
      DB_CONNECT_ATTEMPTS: '2',
    });
    expect(exit).toEqual({ code: 1, signal: null });
    expectOneClearLine(stderr, /DATABASE_URL .*refused the password of user/);
    expect(stderr).not.toMatch(/not-the-password/);
    expect(stdout.match(/retrying/g)).toHaveLength(1);
  }, 120_000);

  it('DATA_DIR is a file', async () => {
    const file = path.join(root, 'a-file');
    await fs.writeFile(file, 'not a directory');
    const { exit, stderr } = await start('data-dir-file', { DATA_DIR: file });
    expect(exit).toEqual({ code: 1, signal: null });
    expectOneClearLine(stderr, /DATA_DIR \(.*a-file\) is a file, not a directory/);
  }, 120_000);

  it('the PostgreSQL directory cannot be read', async () => {
    const pgDir = path.join(root, 'unreadable', 'postgres');
    await fs.mkdir(pgDir, { recursive: true });
    await fs.writeFile(path.join(pgDir, 'PG_VERSION'), '18\n');
    await fs.writeFile(`${pgDir}.credentials.json`, JSON.stringify({ password: 'x' }));
    await fs.chmod(pgDir, 0o000);
    const { exit, stderr } = await start('unreadable', {});
    expect(exit).toEqual({ code: 1, signal: null });
    expectOneClearLine(stderr, /cannot read its directory .*unreadable\/postgres/);
    expect(stderr).not.toMatch(/port/i);
  }, 120_000);

  it('a data directory PostgreSQL refuses: its own reason, not a guess about ports', async () => {
    const pgDir = path.join(root, 'old-version', 'postgres');
    await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
    await fs.writeFile(path.join(pgDir, 'PG_VERSION'), '9.6\n');
    await fs.writeFile(path.join(pgDir, 'postgresql.conf'), '');
    await fs.writeFile(`${pgDir}.credentials.json`, JSON.stringify({ password: 'x' }));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      for (const file of ['', 'PG_VERSION', 'postgresql.conf'])
        await fs.chown(path.join(pgDir, file), uid, gid);
    }
    const { exit, stderr } = await start('old-version', {});
    expect(exit).toEqual({ code: 1, signal: null });
    expectOneClearLine(stderr, /did not start: FATAL: database files are incompatible with server/);
  }, 120_000);

  it('PORT is taken, and the embedded PostgreSQL it had started is stopped again', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { exit, stderr, dataDir } = await start('port-taken', { PORT: String(port) });
      expect(exit).toEqual({ code: 1, signal: null });
      expectOneClearLine(stderr, new RegExp(`Port ${port} .*already in use.*set PORT`));
      expect(await fs.readdir(dataDir)).not.toContain('postgres.owner.json');
      await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);

  it('EMBEDDED_PG_PORT is taken, and the failed start leaves nothing running', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { exit, stderr, dataDir } = await start('pg-port-taken', {
        EMBEDDED_PG_PORT: String(port),
      });
      expect(exit).toEqual({ code: 1, signal: null });
      expectOneClearLine(
        stderr,
        new RegExp(`port ${port}: it is already in use. Set EMBEDDED_PG_PORT`),
      );
      const left = await fs.readdir(dataDir);
      expect(left).not.toContain('postgres.owner.json');
      await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);

  it('the CLI says the same in one line', async () => {
    const file = path.join(root, 'another-file');
    await fs.writeFile(file, '');
    const { code, stderr } = await runCli(['db:migrate'], childEnv({ DATA_DIR: file }));
    expect(code).toBe(1);
    expectOneClearLine(stderr, /DATA_DIR \(.*another-file\) is a file/);
  }, 120_000);
});

describe('DB_CONNECT_ATTEMPTS', () => {
  it('defaults to 5 and names itself when wrong', () => {
    expect(loadConfig({}).dbConnectAttempts).toBe(5);
    expect(loadConfig({ DB_CONNECT_ATTEMPTS: '2' }).dbConnectAttempts).toBe(2);
    expect(() => loadConfig({ DB_CONNECT_ATTEMPTS: '0' })).toThrow(/DB_CONNECT_ATTEMPTS/);
  });
});
