/**
 * Intake throughput: `POST /api/complaints` over HTTP against the ceiling of the same database.
 * Run: npm run bench:intake   (BENCH_SECONDS=20 BENCH_CONNECTIONS=50 by default)
 *
 * It starts the compiled server (no worker in it) on a fresh embedded PostgreSQL in a temporary
 * directory with a local SMTP sink, provisions an org, an admin and an API key, and measures in
 * one run:
 *   1. the API: autocannon posts complaints with a distinct customer, body and Idempotency-Key on
 *      every request (customer match, reference, events, tracking link, clocks, the thank-you
 *      mail and its job, idempotency); with SQL statements, node and PostgreSQL CPU per create,
 *      and what the server's database connections were doing (sampled every 100 ms);
 *   2. mail: a worker process starts on the acknowledgements that step 1 queued and sends them
 *      into the sink; its sending rate is compared with the intake rate of step 1;
 *   3. the public form: the same load through `POST /api/public/orgs/:slug/complaints`, each
 *      request from its own client address (behind one trusted proxy), with the worker sending
 *      meanwhile; the mail backlog at its end and the time to drain it;
 *   4. the ceiling: a plain INSERT of one complaint-like row and one event-like row per
 *      transaction, through `pg` with as many concurrent clients, into scratch tables with the
 *      same columns and indexes as `complaints` and `complaint_events`.
 * Compare the ratios, not the absolute figures: these machines are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { buildServer } from '../scripts/build.mjs';
import { findFreePort, positiveInt, root, runCli, serverDir, sleep } from './support.ts';

const metricsToken = randomUUID();

const seconds = positiveInt('BENCH_SECONDS', 20);
const connections = positiveInt('BENCH_CONNECTIONS', 50);
const warmUpSeconds = positiveInt('BENCH_WARMUP_SECONDS', 3);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(
  baseUrl: string,
  server: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited (${server.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server did not become healthy in 120 s:\n${log()}`);
}

async function stopServer(server: ChildProcess, pgDir: string): Promise<void> {
  const pid = server.pid;
  if (pid !== undefined && server.exitCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(20_000)]);
    if (server.exitCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  // PostgreSQL may outlive its parent for a moment; it must not outlive the bench.
  const pidFile = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const postmaster = Number(pidFile.split('\n')[0]);
  if (Number.isInteger(postmaster) && postmaster > 0) {
    for (let i = 0; i < 100 && isAlive(postmaster); i++) await sleep(100);
    if (isAlive(postmaster)) process.kill(postmaster, 'SIGQUIT');
  }
}

const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** A different customer and text on every request, so nothing is served from a cache or a key. */
function complaintBody(i: number): string {
  const phone = `+8490${randomDigits(7)}`;
  return JSON.stringify({
    customer: { name: `Khách hàng ${i}`, phone, email: `bench-${i}-${randomDigits(6)}@example.vn` },
    channel: 'api',
    severity: 'medium',
    orderRef: `DH-${randomDigits(8)}`,
    description: `Đơn hàng giao trễ ba ngày và hộp bị móp, lần thứ ${i}. 快递延迟，包装破损。`,
    ask: { text: 'Hoàn lại phí giao hàng', amount: 30000, currency: 'VND' },
    language: 'vi',
  });
}

type ApiFigures = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

let counter = 0;

/** A client address per request, as many customers behind one proxy would have. */
const clientAddress = () =>
  `fd10::${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}`;

function publicFormBody(i: number): string {
  return JSON.stringify({
    name: `Khách hàng ${i}`,
    phone: `+8490${randomDigits(7)}`,
    email: `public-${i}-${randomDigits(6)}@example.vn`,
    orderRef: `DH-${randomDigits(8)}`,
    description: `Đơn hàng giao trễ ba ngày và hộp bị móp, lần thứ ${i}. 快递延迟，包装破损。`,
    askText: 'Hoàn lại phí giao hàng',
    language: 'vi',
  });
}

async function benchApi(
  baseUrl: string,
  target: { kind: 'api'; token: string } | { kind: 'public'; slug: string },
  duration: number,
): Promise<ApiFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    headers:
      target.kind === 'api'
        ? { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' }
        : { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path:
          target.kind === 'api' ? '/api/complaints' : `/api/public/orgs/${target.slug}/complaints`,
        setupRequest: (request) => {
          counter += 1;
          return target.kind === 'api'
            ? {
                ...request,
                headers: { ...request.headers, 'idempotency-key': randomUUID() },
                body: complaintBody(counter),
              }
            : {
                ...request,
                headers: { ...request.headers, 'x-forwarded-for': clientAddress() },
                body: publicFormBody(counter),
              };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** CPU seconds (user + system) of a process and, with `children`, of its direct children. */
async function cpuSeconds(pid: number, children = false): Promise<number> {
  const ticks = async (p: number) => {
    const stat = await fs.readFile(`/proc/${p}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: Number(fields[11] ?? 0) + Number(fields[12] ?? 0) };
  };
  let total = (await ticks(pid)).cpu;
  if (children)
    for (const entry of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const t = await ticks(Number(entry));
      if (t.ppid === pid) total += t.cpu;
    }
  return total / 100; // USER_HZ
}

async function statementsSent(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const text = await response.text();
  const line = text.split('\n').find((l) => l.startsWith('ombud_db_statements_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

type Sample = { active: number; lockWait: number; idleInTransaction: number; total: number };

/** What the server's connections do, every 100 ms while `until` is pending. */
async function sampleConnections(databaseUrl: string, until: Promise<unknown>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const samples: Sample[] = [];
  const waits = new Map<string, number>();
  let done = false;
  void until.finally(() => (done = true));
  try {
    while (!done) {
      const { rows } = await client.query<{
        state: string | null;
        wait: string | null;
        event: string | null;
      }>(
        `SELECT state, wait_event_type AS wait, wait_event AS event FROM pg_stat_activity
         WHERE application_name = 'ombud' AND backend_type = 'client backend'`,
      );
      for (const r of rows)
        if (r.state === 'active' && r.wait)
          waits.set(`${r.wait}/${r.event}`, (waits.get(`${r.wait}/${r.event}`) ?? 0) + 1);
      samples.push({
        active: rows.filter((r) => r.state === 'active').length,
        lockWait: rows.filter((r) => r.state === 'active' && r.wait === 'Lock').length,
        idleInTransaction: rows.filter((r) => r.state === 'idle in transaction').length,
        total: rows.length,
      });
      await sleep(100);
    }
  } finally {
    await client.end();
  }
  const mean = (f: (s: Sample) => number) =>
    samples.reduce((sum, s) => sum + f(s), 0) / Math.max(1, samples.length);
  return {
    samples: samples.length,
    total: mean((s) => s.total),
    active: mean((s) => s.active),
    lockWait: mean((s) => s.lockWait),
    idleInTransaction: mean((s) => s.idleInTransaction),
    /** What active connections waited on, most often first, as a share of samples. */
    waits: [...waits]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([what, n]) => `${what} ${(n / Math.max(1, samples.length)).toFixed(2)}`)
      .join(', '),
  };
}

/** A local SMTP server that accepts everything and counts what it received. */
async function startSmtpSink(): Promise<{
  port: number;
  received: () => number;
  close(): Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function queuedMail(databaseUrl: string, orgId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM outgoing_messages WHERE org_id = $1 AND status = 'queued'`,
      [orgId],
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Waits until no mail of the org is queued; the seconds it took, or undefined after `limitMs`. */
async function drainTime(databaseUrl: string, orgId: string, limitMs: number) {
  const startedAt = Date.now();
  while (Date.now() - startedAt < limitMs) {
    if ((await queuedMail(databaseUrl, orgId)) === 0) return (Date.now() - startedAt) / 1000;
    await sleep(100);
  }
  return undefined;
}

const scratchSchema = `
  DROP TABLE IF EXISTS bench_plain_insert_events;
  DROP TABLE IF EXISTS bench_plain_insert;
  CREATE TABLE bench_plain_insert (LIKE complaints INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  ALTER TABLE bench_plain_insert ADD PRIMARY KEY (org_id, id), ADD UNIQUE (org_id, reference);
  CREATE INDEX ON bench_plain_insert (org_id, created_at DESC);
  CREATE INDEX ON bench_plain_insert (org_id, owner_id, created_at DESC);
  CREATE INDEX ON bench_plain_insert (org_id, status, created_at DESC);
  CREATE INDEX ON bench_plain_insert (org_id, customer_id);
  CREATE INDEX ON bench_plain_insert USING gin (ombud_fold(search_text) gin_trgm_ops);
  CREATE TABLE bench_plain_insert_events (LIKE complaint_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY);
  ALTER TABLE bench_plain_insert_events ADD PRIMARY KEY (org_id, id);
  CREATE INDEX ON bench_plain_insert_events (org_id, complaint_id, id);
`;

/** The ceiling: the same rows written straight through `pg`, one transaction per complaint. */
async function benchPlainInsert(
  databaseUrl: string,
  orgId: string,
): Promise<{ insertsPerSecond: number; total: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  // An idle client may hear the server shut down before the pool has closed it.
  pool.on('error', () => undefined);
  try {
    await pool.query(scratchSchema);
    const customerId = randomUUID();
    let total = 0;
    let sequence = 0;
    const startedAt = Date.now();
    const deadline = startedAt + seconds * 1000;
    const loop = async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < deadline) {
          const n = ++sequence;
          const id = randomUUID();
          const description = `Đơn hàng giao trễ ba ngày và hộp bị móp, lần thứ ${n}. 快递延迟，包装破损。`;
          const now = new Date();
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO bench_plain_insert (org_id, id, reference, status, channel, severity, order_ref, description,
               ask_text, ask_amount, ask_currency, language, customer_id, created_at, updated_at, search_text)
             VALUES ($1, $2, $3, 'new', 'api', 'medium', $4, $5, 'Hoàn lại phí giao hàng', 30000, 'VND', 'vi', $6, $7, $7, $8)`,
            [
              orgId,
              id,
              `BP-${n}`,
              `DH-${randomDigits(8)}`,
              description,
              customerId,
              now,
              `${description} +8490${randomDigits(7)}`,
            ],
          );
          await client.query(
            `INSERT INTO bench_plain_insert_events (org_id, complaint_id, type, actor_type, actor_name, visibility, data, created_at)
             VALUES ($1, $2, 'complaint.received', 'api', 'bench', 'public', $3, $4)`,
            [orgId, id, JSON.stringify({ channel: 'api', reference: `BP-${n}` }), now],
          );
          await client.query('COMMIT');
          total += 1;
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    await pool.query('DROP TABLE bench_plain_insert_events; DROP TABLE bench_plain_insert');
    return { insertsPerSecond: total / elapsedSeconds, total };
  } finally {
    await pool.end();
  }
}

async function embeddedDatabaseUrl(dataDir: string): Promise<string> {
  const pgDir = path.join(dataDir, 'postgres');
  const { password } = JSON.parse(await fs.readFile(`${pgDir}.credentials.json`, 'utf8')) as {
    password: string;
  };
  const port = Number(
    (await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[3],
  );
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ombud`;
}

async function countComplaints(databaseUrl: string, orgId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM complaints WHERE org_id = $1',
      [orgId],
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

async function main(): Promise<void> {
  await buildServer();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-bench-'));
  // As root, the embedded PostgreSQL runs as its own system user, which must reach the directory.
  await fs.chmod(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'postgres');
  const port = await findFreePort();
  const sink = await startSmtpSink();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await findFreePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    RUN_WORKER: 'false',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    METRICS_TOKEN: metricsToken,
    TRUST_PROXY: '1',
  };
  // The bench always measures its own fresh embedded database.
  delete env.DATABASE_URL;
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const server = spawn(process.execPath, [path.join(serverDir, 'server.mjs')], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  let worker: ChildProcess | undefined;
  const onSignal = () => {
    worker?.kill('SIGTERM');
    void stopServer(server, pgDir).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(
      `Starting the server on a fresh embedded PostgreSQL (${os.cpus().length} CPUs, node ${process.version})…`,
    );
    await waitForHealth(baseUrl, server, () => serverLog);

    const org = JSON.parse(
      await runCli(env, ['org:create', '--slug', 'bench', '--name', 'Bench']),
    ) as { id: string };
    await runCli(env, [
      'user:create',
      '--org',
      'bench',
      '--email',
      'admin@bench.test',
      '--name',
      'Admin',
      '--role',
      'admin',
      '--password',
      'benchbench1',
    ]);
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'benchbench1', org: 'bench' }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const keyResponse = await fetch(`${baseUrl}/api/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'bench' }),
    });
    if (keyResponse.status !== 201)
      throw new Error(
        `creating the API key failed: ${keyResponse.status} ${await keyResponse.text()}`,
      );
    const { token } = (await keyResponse.json()) as { token: string };

    const databaseUrl = await embeddedDatabaseUrl(dataDir);
    const postmaster = Number(
      (await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const probe = await fetch(`${baseUrl}/api/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: complaintBody(0),
    });
    if (probe.status !== 201)
      throw new Error(`a single create failed: ${probe.status} ${await probe.text()}`);

    // The first seconds compile code paths and fill caches; they are not counted.
    console.log(`Warm-up: ${warmUpSeconds} s…`);
    await benchApi(baseUrl, { kind: 'api', token }, warmUpSeconds);
    await benchApi(baseUrl, { kind: 'public', slug: 'bench' }, warmUpSeconds);
    await sleep(3000);

    // 1. Authenticated intake, nothing else running.
    const before = await countComplaints(databaseUrl, org.id);
    const statementsBefore = await statementsSent(baseUrl);
    const nodeBefore = await cpuSeconds(server.pid!);
    const pgBefore = await cpuSeconds(postmaster, true);
    console.log(`API: POST /api/complaints, ${connections} connections, ${seconds} s…`);
    const running = benchApi(baseUrl, { kind: 'api', token }, seconds);
    const [api, activity] = await Promise.all([running, sampleConnections(databaseUrl, running)]);
    await sleep(2000);
    const stored = (await countComplaints(databaseUrl, org.id)) - before;
    const statements = ((await statementsSent(baseUrl)) - statementsBefore) / stored;
    const nodeCpuMs = (((await cpuSeconds(server.pid!)) - nodeBefore) * 1000) / stored;
    const pgCpuMs = (((await cpuSeconds(postmaster, true)) - pgBefore) * 1000) / stored;

    // 2. Mail: a worker takes the acknowledgements that step 1 queued.
    const backlog = await queuedMail(databaseUrl, org.id);
    const sentBefore = sink.received();
    console.log(`Mail: a worker sends the ${backlog} queued acknowledgements…`);
    worker = spawn(process.execPath, [path.join(serverDir, 'worker.mjs')], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const workerStartedAt = Date.now();
    while (sink.received() === sentBefore && Date.now() - workerStartedAt < 60_000) await sleep(20);
    const firstSentAt = Date.now();
    const drainSeconds = await drainTime(databaseUrl, org.id, 600_000);
    const sent = sink.received() - sentBefore;
    const sendingRate = drainSeconds ? sent / ((Date.now() - firstSentAt) / 1000) : 0;

    // 3. The public form, with the worker sending meanwhile.
    console.log(`Public form: POST /api/public/orgs/bench/complaints, ${seconds} s, worker on…`);
    const publicForm = await benchApi(baseUrl, { kind: 'public', slug: 'bench' }, seconds);
    const backlogAfterForm = await queuedMail(databaseUrl, org.id);
    const drainAfterForm = await drainTime(databaseUrl, org.id, 600_000);
    worker.kill('SIGTERM');

    // 4. The ceiling.
    console.log(`Ceiling: plain INSERT through pg, ${connections} clients, ${seconds} s…`);
    const plain = await benchPlainInsert(databaseUrl, org.id);

    const ratio = api.requestsPerSecond / plain.insertsPerSecond;
    const f = (n: number, d = 0) => n.toFixed(d);
    console.log('');
    console.log(
      `Intake benchmark (${seconds} s each, ${connections} concurrent, one machine, one run)`,
    );
    console.log(
      table([
        ['API POST /api/complaints', `${f(api.requestsPerSecond)} req/s (average)`],
        ['  latency p50 / p99', `${api.p50} ms / ${api.p99} ms`],
        [
          '  2xx / non-2xx / errors',
          `${api.total2xx} / ${api.non2xx} / ${api.errors} (timeouts ${api.timeouts})`,
        ],
        ['  complaints stored', `${stored} (incl. requests still in flight at the end)`],
        ['  SQL statements per create', `${f(statements, 1)} (BEGIN, COMMIT and auth included)`],
        [
          '  CPU per create',
          `${f(nodeCpuMs, 2)} ms node + ${f(pgCpuMs, 2)} ms PostgreSQL = ${f(nodeCpuMs + pgCpuMs, 2)} ms`,
        ],
        [
          '  server connections (mean)',
          `${f(activity.total, 1)} open: ${f(activity.active, 1)} active, ${f(activity.lockWait, 2)} waiting on a lock, ${f(activity.idleInTransaction, 2)} idle in transaction (${activity.samples} samples)`,
        ],
        ['  waits (mean per sample)', activity.waits || 'none'],
        [
          '  lock-wait share',
          `${f((100 * activity.lockWait) / Math.max(activity.active + activity.idleInTransaction, 1e-9), 1)} % of busy connections`,
        ],
        [
          'Mail: worker into a local SMTP sink',
          `${f(sendingRate)} mails/s (${sent} sent of a backlog of ${backlog}, drained in ${drainSeconds === undefined ? 'more than 600' : f(drainSeconds, 1)} s)`,
        ],
        ['  sending ÷ intake rate', `${f(sendingRate / api.requestsPerSecond, 2)} (target ≥ 1.5)`],
        [
          'Public form POST',
          `${f(publicForm.requestsPerSecond)} req/s, p50 / p99 ${publicForm.p50} / ${publicForm.p99} ms, non-2xx ${publicForm.non2xx}`,
        ],
        [
          '  public ÷ authenticated',
          `${f(publicForm.requestsPerSecond / api.requestsPerSecond, 2)} (target ≥ 0.8; the worker sends meanwhile)`,
        ],
        [
          '  mail backlog at its end',
          `${backlogAfterForm}, drained in ${drainAfterForm === undefined ? 'more than 600' : f(drainAfterForm, 1)} s`,
        ],
        [
          'Plain INSERT (complaint + event)',
          `${f(plain.insertsPerSecond)} inserts/s (${plain.total} in total)`,
        ],
        ['Ratio API ÷ plain', `${ratio.toFixed(3)} (${(ratio * 100).toFixed(1)} %; target ≥ 0.5)`],
      ]),
    );
    if (api.non2xx > 0 || api.errors > 0 || publicForm.non2xx > 0 || publicForm.errors > 0)
      process.exitCode = 1;
  } finally {
    worker?.kill('SIGTERM');
    await stopServer(server, pgDir);
    await sink.close();
    if (existsSync(dataDir)) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
