/**
 * Two app processes on one PostgreSQL behave as one app.
 * Run: npm run bench:scale   (BENCH_SECONDS=15 BENCH_CONNECTIONS=50 by default)
 *
 * It starts server A (it owns a fresh embedded PostgreSQL) and server B (it reaches the same
 * database through DATABASE_URL, as a second machine would), each with its own worker, and a
 * local SMTP sink that keeps the Message-ID of every mail. Then, in one run:
 *   1. throughput: API creates against A alone, then against A and B at once (half the
 *      connections each);
 *   2. references: every stored reference of the org is distinct and the numbers have no gap;
 *   3. mail: once both workers have drained the queue, each acknowledgement reached the sink
 *      exactly once;
 *   4. rate limits: one client address sends the public form alternately to A and B; the
 *      limit of the route (10 per 10 minutes) holds across both;
 *   5. live events: a manager listens on B while an agent's deadline request is sent on A, and
 *      the other way round; the time from the request to the event.
 * The process exits with 1 when any check fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { buildServer } from '../scripts/build.mjs';
import { findFreePort, positiveInt, root, runCli, serverDir, sleep } from './support.ts';

const seconds = positiveInt('BENCH_SECONDS', 15);
const connections = positiveInt('BENCH_CONNECTIONS', 50);

type Server = { name: string; url: string; child: ChildProcess; log: () => string };

function startServer(name: string, env: NodeJS.ProcessEnv, port: number): Server {
  let log = '';
  const child = spawn(process.execPath, [path.join(serverDir, 'server.mjs')], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { name, url: `http://127.0.0.1:${port}`, child, log: () => log };
}

async function waitForHealth(server: Server): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`server ${server.name} exited (${server.child.exitCode}):\n${server.log()}`);
    try {
      const response = await fetch(`${server.url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server ${server.name} did not become healthy:\n${server.log()}`);
}

async function stopServer(server: Server): Promise<void> {
  const pid = server.child.pid;
  if (pid === undefined || server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, sleep(20_000)]);
  if (server.child.exitCode === null) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** A local SMTP server that keeps the Message-ID of every mail it receives. */
async function startSmtpSink() {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const match = /^message-id:\s*(\S+)/im.exec(head);
        messageIds.push(match?.[1] ?? '(none)');
        callback();
      });
    },
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    messageIds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Session = { cookie: string; csrf: string };

async function login(url: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, org: 'scale' }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: csrfToken };
}

async function call<T>(url: string, session: Session, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
let counter = 0;
const complaintBody = () => {
  counter += 1;
  return JSON.stringify({
    customer: {
      name: `Khách hàng ${counter}`,
      phone: `+8490${digits(7)}`,
      email: `scale-${counter}-${digits(6)}@example.vn`,
    },
    channel: 'api',
    severity: 'medium',
    description: `Giao hàng chậm, lần thứ ${counter}`,
    language: 'vi',
  });
};

async function load(urls: string[], token: string, duration: number) {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.floor(connections / urls.length)),
        duration,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            path: '/api/complaints',
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, 'idempotency-key': randomUUID() },
              body: complaintBody(),
            }),
          },
        ],
      }),
    ),
  );
  return {
    perServer: results.map((r) => r.requests.average),
    total: results.reduce((sum, r) => sum + r.requests.average, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

/** Opens /api/live as `session` and resolves with the time a notice arrives, after `act`. */
async function liveLatency(listenOn: string, session: Session, act: () => Promise<void>) {
  const controller = new AbortController();
  const response = await fetch(`${listenOn}/api/live`, {
    headers: { cookie: session.cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`live: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let startedAt = 0;
  const waitFor = async (event: string, timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (buffer.includes(`event: ${event}\n`)) {
        buffer = buffer.slice(buffer.indexOf(`event: ${event}\n`) + event.length + 8);
        return true;
      }
      const chunk = await Promise.race([
        reader.read(),
        sleep(Math.max(1, deadline - Date.now())).then(() => undefined),
      ]);
      if (!chunk || chunk.done) continue;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
    return false;
  };
  try {
    if (!(await waitFor('ready', 10_000))) throw new Error('live: no ready event');
    startedAt = performance.now();
    await act();
    const arrived = await waitFor('notice', 10_000);
    return arrived ? performance.now() - startedAt : undefined;
  } finally {
    controller.abort();
  }
}

async function main(): Promise<void> {
  await buildServer();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-scale-'));
  await fs.chmod(dataDir, 0o755);
  const sink = await startSmtpSink();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await findFreePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    RUN_WORKER: 'true',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    TRUST_PROXY: '1',
  };
  delete env.DATABASE_URL;
  const a = startServer('A', env, await findFreePort());
  let b: Server | undefined;
  const failures: string[] = [];
  try {
    console.log(`Starting server A on a fresh embedded PostgreSQL (${os.cpus().length} CPUs)…`);
    await waitForHealth(a);
    const pgDir = path.join(dataDir, 'postgres');
    const { password } = JSON.parse(await fs.readFile(`${pgDir}.credentials.json`, 'utf8')) as {
      password: string;
    };
    const pgPort = Number(
      (await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[3],
    );
    const databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/ombud`;
    console.log('Starting server B on the same database (DATABASE_URL)…');
    b = startServer(
      'B',
      { ...env, DATABASE_URL: databaseUrl, DATA_DIR: path.join(dataDir, 'b') },
      await findFreePort(),
    );
    await waitForHealth(b);

    const org = JSON.parse(
      await runCli(env, ['org:create', '--slug', 'scale', '--name', 'Scale']),
    ) as { id: string };
    const pass = 'scalescale1';
    await runCli(env, [
      'user:create',
      '--org',
      'scale',
      '--email',
      'admin@scale.test',
      '--name',
      'Admin',
      '--role',
      'admin',
      '--password',
      pass,
    ]);
    const admin = await login(a.url, 'admin@scale.test', pass);
    const departments = await call<{ items: { id: string }[] }>(
      `${a.url}/api/departments`,
      admin,
      'GET',
    );
    const departmentId =
      departments.items[0]?.id ??
      (
        await call<{ id: string }>(`${a.url}/api/departments`, admin, 'POST', {
          name: 'Chăm sóc khách hàng',
        })
      ).id;
    await call(`${a.url}/api/users`, admin, 'POST', {
      name: 'Quản lý',
      email: 'manager@scale.test',
      role: 'manager',
      departmentId,
      password: pass,
    });
    const { token } = await call<{ token: string }>(`${a.url}/api/api-keys`, admin, 'POST', {
      name: 'scale',
    });

    // 1. Throughput, one process and then two.
    await load([a.url], token, 3); // warm-up
    await load([b.url], token, 3);
    console.log(`Load: A alone, ${connections} connections, ${seconds} s…`);
    const one = await load([a.url], token, seconds);
    console.log(`Load: A and B, ${connections} connections in all, ${seconds} s…`);
    const two = await load([a.url, b.url], token, seconds);
    if (one.non2xx + two.non2xx > 0) failures.push(`${one.non2xx + two.non2xx} failed creates`);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // 2. References: distinct and without a gap.
      const refs = await client.query<{ n: string; distinct_refs: string; lo: number; hi: number }>(
        `SELECT count(*) AS n, count(DISTINCT reference) AS distinct_refs,
                min(split_part(reference, '-', 3)::int) AS lo, max(split_part(reference, '-', 3)::int) AS hi
         FROM complaints WHERE org_id = $1`,
        [org.id],
      );
      const r = refs.rows[0]!;
      const stored = Number(r.n);
      const gapFree = Number(r.distinct_refs) === stored && r.hi - r.lo + 1 === stored;
      if (!gapFree) failures.push(`references: ${stored} stored, ${r.lo}…${r.hi}`);

      // 3. Mail: once both workers have drained, each message reached the sink once.
      const drainStarted = Date.now();
      for (;;) {
        const queued = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM outgoing_messages WHERE org_id = $1 AND status = 'queued'`,
          [org.id],
        );
        if (Number(queued.rows[0]!.n) === 0 || Date.now() - drainStarted > 300_000) break;
        await sleep(200);
      }
      await sleep(1000);
      const sentRows = await client.query<{ message_id: string }>(
        `SELECT message_id FROM outgoing_messages WHERE org_id = $1 AND status = 'sent'`,
        [org.id],
      );
      const expected = new Set(sentRows.rows.map((m) => m.message_id));
      const received = new Map<string, number>();
      for (const id of sink.messageIds) received.set(id, (received.get(id) ?? 0) + 1);
      const twice = [...received.values()].filter((n) => n > 1).length;
      const missing = [...expected].filter((id) => !received.has(id)).length;
      if (twice > 0 || missing > 0) failures.push(`mail: ${twice} twice, ${missing} missing`);

      // 4. One client address, the public form, alternately on A and B.
      const address = `fd20::${randomInt(0xffff).toString(16)}`;
      let accepted = 0;
      let limited = 0;
      for (let i = 0; i < 30; i++) {
        const target = i % 2 === 0 ? a.url : b.url;
        const response = await fetch(`${target}/api/public/orgs/scale/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({
            name: `Khách ${i}`,
            phone: `+8491${digits(7)}`,
            description: 'Giao hàng chậm',
            language: 'vi',
          }),
        });
        if (response.status === 201) accepted += 1;
        else if (response.status === 429) limited += 1;
      }
      if (accepted !== 10) failures.push(`rate limit: ${accepted} accepted of 30 (limit 10)`);

      // 5. Live events across processes.
      const manager = await login(b.url, 'manager@scale.test', pass);
      const managerOnA = await login(a.url, 'manager@scale.test', pass);
      const { complaint } = await call<{ complaint: { id: string } }>(
        `${a.url}/api/complaints`,
        admin,
        'POST',
        JSON.parse(complaintBody()),
      );
      const ask = (on: string) => async () => {
        await call(`${on}/api/complaints/${complaint.id}/deadline-requests`, admin, 'POST', {
          departmentId,
          question: `Bao giờ sửa xong? ${randomUUID()}`,
        });
      };
      const aToB = await liveLatency(b.url, manager, ask(a.url));
      const bToA = await liveLatency(a.url, managerOnA, ask(b.url));
      if (aToB === undefined || bToA === undefined) failures.push('live: an event did not arrive');

      const f = (n: number, d = 0) => n.toFixed(d);
      console.log('');
      console.log(`Two app processes on one PostgreSQL (${seconds} s per load, one run)`);
      const rows: [string, string][] = [
        ['API creates, A alone', `${f(one.total)} req/s`],
        [
          'API creates, A and B',
          `${f(two.total)} req/s (A ${f(two.perServer[0]!)}, B ${f(two.perServer[1]!)}); ${f(two.total / one.total, 2)} × one process`,
        ],
        [
          'References',
          `${stored} stored, numbers ${r.lo}…${r.hi}: ${gapFree ? 'distinct, no gap' : 'GAP OR DUPLICATE'}`,
        ],
        [
          'Mail, two workers',
          `${expected.size} sent, ${sink.messageIds.length} received, ${twice} twice, ${missing} missing`,
        ],
        [
          'Public form, one address on A and B',
          `${accepted} accepted, ${limited} refused (429) of 30; the limit is 10 per 10 minutes`,
        ],
        [
          'Live event, request on A → listener on B',
          aToB === undefined ? 'NOT RECEIVED' : `${f(aToB)} ms`,
        ],
        [
          'Live event, request on B → listener on A',
          bToA === undefined ? 'NOT RECEIVED' : `${f(bToA)} ms`,
        ],
      ];
      const width = Math.max(...rows.map(([label]) => label.length));
      console.log(rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n'));
      console.log(failures.length === 0 ? '  all checks held' : `  FAILED: ${failures.join('; ')}`);
    } finally {
      await client.end();
    }
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    if (b) await stopServer(b);
    await stopServer(a);
    await sink.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
