/**
 * The queue on a big database. Run: npx tsx bench/queue.bench.ts
 *
 * Seeds a fresh database with 1,000,000 complaints over two years (≈15 % open, owned by 20
 * agents), 200,000 customers and ≈4.6 million timeline events, with set-based SQL, then measures
 * the complaint list through the real service (`complaints.list`, as the API calls it):
 *   a. an agent's own queue by due time, first page of 25;
 *   b. all open work by due time;
 *   c. a diacritic-insensitive search ('giao hang cham') with a status filter;
 *   d. a search by phone number, typed as agents type it (0912…);
 *   e. breached work by due time;
 *   f. the agent's own complaints, newest first;
 *   g. the broad search ('giao hang cham') ranked by relevance, every status;
 *   h. a given name that is also a word ('lan': Lan, and "lần", "times"), ranked;
 *   i. a customer's full name, ranked (exact names first);
 *   j. an agent's default queue: their own and the unassigned cases, by due time;
 *   k. the unassigned cases by due time.
 * Each case is run with a warm-up and then many times (varying the agent or the phone), and its
 * SQL, captured from the service through Kysely's log hook, is shown under EXPLAIN (ANALYZE,
 * BUFFERS). The count behind the total is also timed alone and capped at 10,001 rows, to show
 * what a capped total would save.
 *
 * Environment:
 *   DATABASE_URL        use this server (a fresh database is created on it and dropped after);
 *                       otherwise an embedded PostgreSQL starts in a temporary directory
 *   BENCH_RUNS          measured runs per case (300)
 *   BENCH_WARMUP        unmeasured runs per case (20)
 *   BENCH_MAX_SECONDS   stop measuring a case after this long (90)
 *   BENCH_QUERY_RUNS    runs of each single query for the per-query breakdown (30)
 *   BENCH_COMPLAINTS    complaints to seed (1000000); customers are a fifth of it
 *   BENCH_LOAD_INDEXES  'drop' (default) rebuilds secondary indexes after the load; 'keep'
 *   BENCH_KEEP_DB       '1' keeps the database on DATABASE_URL for inspection
 *
 * Compare figures within one run: these machines are noisy.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createServices, type Services } from '../src/entrypoints/app.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { rolePermissions } from '../src/modules/kernel/index.ts';
import { normalizePhone } from '../src/modules/customers/index.ts';
import { systemActor, type Scope } from '../src/platform/actor.ts';
import { createManualClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { findFreePort, startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { createDb, type Database } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import {
  CAP,
  cappedCount,
  explain,
  formatPlan,
  kindOf,
  measure,
  runAsCaptured,
  stats,
  withSettings,
  type CapturedQuery,
  type Plan,
  type QueryKind,
  type Stats,
} from './queue/plans.ts';
import { agentNames, mobilePrefixes, seed } from './queue/seed.ts';

type ListQuery = Parameters<Services['complaints']['list']>[1];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const RUNS = positiveInt('BENCH_RUNS', 300);
const WARM_UP = positiveInt('BENCH_WARMUP', 20);
const MAX_SECONDS = positiveInt('BENCH_MAX_SECONDS', 90);
const QUERY_RUNS = positiveInt('BENCH_QUERY_RUNS', 30);
const COMPLAINTS = positiveInt('BENCH_COMPLAINTS', 1_000_000);
const CUSTOMERS = Math.max(1, Math.round(COMPLAINTS / 5));
const INDEX_MODE = process.env.BENCH_LOAD_INDEXES === 'keep' ? 'keep' : 'drop';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const SLOW_MS = 50;

const log = (line = '') => console.log(line);
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Target = { url: string; description: string; close(): Promise<void> };

/** A fresh database: on DATABASE_URL when set, else an embedded server in `dataDir`. */
async function openTarget(dataDir: string): Promise<Target> {
  const shared = process.env.DATABASE_URL;
  if (shared) {
    const name = `ombud_queue_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: shared });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(shared);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      description: `database ${name} on DATABASE_URL`,
      async close() {
        if (KEEP_DB) {
          log(`Kept database ${name} (BENCH_KEEP_DB=1).`);
          return;
        }
        const dropper = new pg.Client({ connectionString: shared });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase({
    dir: path.join(dataDir, 'postgres'),
    port: await findFreePort(),
    database: 'ombud',
    logger: createLogger('error'),
  });
  return {
    url: embedded.url,
    description: 'fresh embedded PostgreSQL (default settings)',
    close: () => embedded.stop(),
  };
}

type Case = {
  key: string;
  title: string;
  /** Cases that must never read complaints with a sequential scan. */
  mustUseIndex: boolean;
  call: (i: number) => { scope: Scope; query: ListQuery };
};

type CaseResult = {
  key: string;
  title: string;
  mustUseIndex: boolean;
  timing: Stats;
  total: number;
  items: number;
  queries: {
    kind: QueryKind;
    query: CapturedQuery;
    plan: Plan;
    timing: Stats;
    capped?: { plan: Plan; timing: Stats };
  }[];
};

async function timeQuery(pool: pg.Pool, query: CapturedQuery) {
  return measure(() => runAsCaptured(pool, query), {
    warmUp: 3,
    runs: QUERY_RUNS,
    maxSeconds: 20,
  });
}

/** Numbers right-aligned, text left-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d.,–]*( MB)?$/.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-queue-bench-'));
  // As root, the embedded PostgreSQL runs as its own system user, which must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  // Runs on every way out, including Ctrl-C (the embedded server is stopped by its own hook).
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

  log(`Queue benchmark: ${os.cpus().length} CPUs, node ${process.version}`);
  const target = await openTarget(dataDir);
  let exitCode = 0;
  const { db, pool } = createDb(target.url, 4);
  try {
    log(`Database: ${target.description}`);
    await migrate(pool);
    const version = await pool.query<{ v: string }>(
      `SELECT current_setting('server_version') AS v`,
    );
    const settings = await pool.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost',
                      'max_parallel_workers_per_gather', 'jit')`,
    );
    log(
      `PostgreSQL ${version.rows[0]?.v}: ` +
        settings.rows.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', '),
    );

    const now = new Date();
    const clock = createManualClock(now);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://ombud.bench',
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      SMTP_URL: '',
    });
    const logger = createLogger('silent');
    const services = createServices({ config, db, clock, logger });

    // The org as it is really provisioned: reasons, templates, calendar, both SLA policies.
    const org = await services.provisioning.provisionOrg({
      slug: 'bench-queue',
      name: 'Công ty Bench',
    });
    const passwordHash = await hashPassword('bench-queue-password');
    const createUser = (name: string, email: string, role: string) =>
      services.org.createUser(org.id, systemActor, {
        name,
        email,
        role,
        locale: 'vi',
        password: 'bench-queue-password',
        passwordHash,
      });
    await createUser('Quản trị viên', 'admin@bench-queue.test', 'admin');
    const manager = await createUser('Trưởng nhóm CSKH', 'manager@bench-queue.test', 'manager');
    const agents: { id: string; name: string }[] = [];
    for (const [i, name] of agentNames.entries()) {
      const user = await createUser(name, `agent${i + 1}@bench-queue.test`, 'agent');
      agents.push({ id: user.id, name: user.name });
    }
    const reasons = await db
      .selectFrom('reasons')
      .select(['id', 'code'])
      .where('org_id', '=', org.id)
      .where('parent_id', 'is not', null)
      .orderBy('code')
      .execute();
    const policies = await db
      .selectFrom('sla_policies')
      .select(['id', 'match_severities'])
      .where('org_id', '=', org.id)
      .execute();
    const urgent = policies.find((p) => p.match_severities.length > 0);
    const standard = policies.find((p) => p.match_severities.length === 0);
    if (!urgent || !standard || reasons.length === 0) {
      throw new Error('provisioning did not create the reasons and the two SLA policies');
    }
    const phonePrefixes = mobilePrefixes.filter(
      (p) => normalizePhone(`+84${p}1234567`) === `+84${p}1234567`,
    );

    if (!process.env.DATABASE_URL) {
      // A private, throw-away server: fewer checkpoints during the load. Queries are unaffected.
      await pool.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
      await pool.query(`SELECT pg_reload_conf()`);
    }
    log('');
    log(
      `Seeding ${COMPLAINTS.toLocaleString('en')} complaints, ${CUSTOMERS.toLocaleString('en')} ` +
        `customers and their events (secondary indexes: ${INDEX_MODE === 'drop' ? 'dropped during the load and rebuilt' : 'kept during the load'})…`,
    );
    const seeder = new pg.Client({ connectionString: target.url });
    await seeder.connect();
    const report = await seed(seeder, {
      orgId: org.id,
      referencePrefix: org.referencePrefix,
      timeZone: org.timeZone,
      now,
      complaints: COMPLAINTS,
      customers: CUSTOMERS,
      days: 730,
      agents,
      reasons,
      policies: { standardId: standard.id, urgentId: urgent.id },
      phonePrefixes,
      indexMode: INDEX_MODE,
      log,
    }).finally(() => seeder.end());
    log(
      `Seeded in ${report.seconds.toFixed(0)} s (foreign-key triggers ${report.foreignKeyChecks ? 'on' : 'off during the load'}): ` +
        Object.entries(report.counts)
          .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
          .join(', '),
    );

    const distribution = await pool.query<{ status: string; n: string; breached: string }>(
      `SELECT status, count(*) AS n, count(*) FILTER (WHERE is_breached) AS breached
       FROM complaints WHERE org_id = $1 GROUP BY status ORDER BY count(*) DESC`,
      [org.id],
    );
    log(
      'Statuses: ' +
        distribution.rows
          .map(
            (r) =>
              `${r.status} ${Number(r.n).toLocaleString('en')}` +
              (Number(r.breached) > 0
                ? ` (${Number(r.breached).toLocaleString('en')} breached)`
                : ''),
          )
          .join(', '),
    );
    const sizes = await pool.query<{ name: string; total: string; heap: string; indexes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS total,
              pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes
       FROM pg_class c
       WHERE c.relnamespace = current_schema()::regnamespace
         AND c.relname IN ('complaints', 'complaint_events', 'customers')
       ORDER BY pg_total_relation_size(c.oid) DESC`,
    );
    log('');
    log(
      table(
        ['table', 'total', 'heap+toast', 'indexes'],
        sizes.rows.map((r) => [
          r.name,
          mb(Number(r.total)),
          mb(Number(r.total) - Number(r.indexes)),
          mb(Number(r.indexes)),
        ]),
      ),
    );
    const indexSizes = await pool.query<{ name: string; size: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid) AS size
       FROM pg_index WHERE indrelid = 'complaints'::regclass ORDER BY 2 DESC`,
    );
    log(
      'complaints indexes: ' +
        indexSizes.rows.map((r) => `${r.name} ${mb(Number(r.size))}`).join(', '),
    );

    // Phones of customers who complained, typed in the national form agents use.
    const phones = (
      await pool.query<{ phone: string }>(
        `SELECT '0' || substr(cu.phone, 4) AS phone FROM customers cu
         WHERE cu.org_id = $1 AND cu.phone IS NOT NULL
           AND EXISTS (SELECT 1 FROM complaints c WHERE c.org_id = cu.org_id AND c.customer_id = cu.id)
         ORDER BY md5(cu.id::text) LIMIT 500`,
        [org.id],
      )
    ).rows.map((r) => r.phone);
    if (phones.length === 0 || !normalizePhone(phones[0]!)) {
      throw new Error('the seeded phones are not recognised as phone numbers by the app');
    }

    // Full names of customers who complained, as an agent types them from a caller.
    const names = (
      await pool.query<{ name: string }>(
        `SELECT DISTINCT cu.name FROM customers cu
         WHERE cu.org_id = $1
           AND EXISTS (SELECT 1 FROM complaints c WHERE c.org_id = cu.org_id AND c.customer_id = cu.id)
         ORDER BY cu.name LIMIT 200`,
        [org.id],
      )
    ).rows.map((r) => r.name);

    const scopeOf = (user: { id: string; name: string }, role: 'agent' | 'manager'): Scope => ({
      orgId: org.id,
      actor: { type: 'user', id: user.id, name: user.name },
      permissions: new Set(rolePermissions[role]),
    });
    const agentScopes = agents.map((a) => scopeOf(a, 'agent'));
    const managerScope = scopeOf(manager, 'manager');
    const agentScope = (i: number) => agentScopes[i % agentScopes.length]!;
    const base = { page: 1, pageSize: 25 } as const;
    const cases: Case[] = [
      {
        key: 'a',
        title: 'my queue by due (mine, dueAt)',
        mustUseIndex: true,
        call: (i) => ({ scope: agentScope(i), query: { ...base, scope: 'mine', sort: 'dueAt' } }),
      },
      {
        key: 'b',
        title: 'all open work by due (all, dueAt)',
        mustUseIndex: true,
        call: (i) => ({
          scope: i % 5 === 0 ? managerScope : agentScope(i),
          query: { ...base, scope: 'all', sort: 'dueAt' },
        }),
      },
      {
        key: 'c',
        title: "search 'giao hang cham' + status in_progress",
        mustUseIndex: false,
        call: (i) => ({
          scope: agentScope(i),
          query: {
            ...base,
            scope: 'all',
            sort: '-createdAt',
            q: 'giao hang cham',
            status: 'in_progress',
          },
        }),
      },
      {
        key: 'd',
        title: 'search by phone (0xxxxxxxxx)',
        mustUseIndex: false,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'all', sort: '-createdAt', q: phones[i % phones.length]! },
        }),
      },
      {
        key: 'e',
        title: 'breached work by due (due=breached, dueAt)',
        mustUseIndex: true,
        call: (i) => ({
          scope: i % 5 === 0 ? managerScope : agentScope(i),
          query: { ...base, scope: 'all', sort: 'dueAt', due: 'breached' },
        }),
      },
      {
        key: 'f',
        title: 'mine, newest first (mine, -createdAt)',
        mustUseIndex: false,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'mine', sort: '-createdAt' },
        }),
      },
      {
        key: 'g',
        title: "search 'giao hang cham' ranked (all, relevance)",
        mustUseIndex: false,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'all', q: 'giao hang cham' },
        }),
      },
      {
        key: 'h',
        title: "search 'lan' ranked (a name and a word)",
        mustUseIndex: false,
        call: (i) => ({ scope: agentScope(i), query: { ...base, scope: 'all', q: 'lan' } }),
      },
      {
        key: 'i',
        title: "search a customer's full name ranked",
        mustUseIndex: false,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'all', q: names[i % names.length]! },
        }),
      },
      {
        key: 'j',
        title: 'agent default: mine + unassigned by due',
        mustUseIndex: true,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'mineAndUnassigned', sort: 'dueAt' },
        }),
      },
      {
        key: 'k',
        title: 'unassigned by due (unassigned, dueAt)',
        mustUseIndex: true,
        call: (i) => ({
          scope: agentScope(i),
          query: { ...base, scope: 'unassigned', sort: 'dueAt' },
        }),
      },
    ];

    // A second Kysely on the same pool whose log hook records the SQL the service runs.
    const captured: CapturedQuery[] = [];
    const capturingDb = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') {
          captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
        }
      },
    });
    const capturing = createServices({ config, db: capturingDb, clock, logger });

    const results: CaseResult[] = [];
    for (const c of cases) {
      log('');
      log(`(${c.key}) ${c.title}`);
      let last = { total: 0, items: 0 };
      const timing = await measure(
        async (i) => {
          const { scope, query } = c.call(i);
          const list = await services.complaints.list(scope, query, 'vi');
          last = { total: list.total, items: list.items.length };
        },
        { warmUp: WARM_UP, runs: RUNS, maxSeconds: MAX_SECONDS },
      );
      log(
        `    ${timing.runs} runs: p50 ${ms(timing.p50)} ms, p99 ${ms(timing.p99)} ms, mean ${ms(timing.mean)} ms` +
          ` (last: total ${last.total.toLocaleString('en')}, ${last.items} items)` +
          (timing.p50 > SLOW_MS ? `  ← SLOW (> ${SLOW_MS} ms p50)` : ''),
      );

      captured.length = 0;
      const { scope, query } = c.call(0);
      const list = await capturing.complaints.list(scope, query, 'vi');
      const queries: CaseResult['queries'] = [];
      for (const q of withSettings(captured)) {
        const kind = kindOf(q.sql);
        const plan = await explain(pool, q);
        const queryTiming = kind === 'org' ? stats([plan.executionMs]) : await timeQuery(pool, q);
        const entry: CaseResult['queries'][number] = { kind, query: q, plan, timing: queryTiming };
        const cappedSql = kind === 'count' ? cappedCount(q.sql) : undefined;
        if (cappedSql) {
          const cappedQuery = {
            sql: cappedSql,
            parameters: q.parameters,
            settings: q.settings ?? [],
          };
          entry.capped = {
            plan: await explain(pool, cappedQuery),
            timing: await timeQuery(pool, cappedQuery),
          };
        }
        queries.push(entry);
      }
      for (const q of queries) {
        const heavy = q.kind === 'count' || q.kind === 'page ids';
        log(
          `  -- ${q.kind}: p50 ${ms(q.timing.p50)} ms over ${q.timing.runs} runs; EXPLAIN ANALYZE ${ms(q.plan.executionMs)} ms`,
        );
        if (heavy) log(`     SQL: ${q.query.sql}`);
        if (heavy) log(`     parameters: ${JSON.stringify(q.query.parameters)}`);
        for (const line of formatPlan(q.plan, heavy)) log(line);
        if (q.capped) {
          log(
            `  -- count capped at ${(CAP + 1).toLocaleString('en')} rows (proposed): p50 ${ms(q.capped.timing.p50)} ms; EXPLAIN ANALYZE ${ms(q.capped.plan.executionMs)} ms`,
          );
          for (const line of formatPlan(q.capped.plan, false)) log(line);
        }
      }
      const seqScan = queries.some((q) => q.plan.seqScanOnComplaints);
      const verdict = seqScan ? 'Seq Scan on complaints' : 'no Seq Scan on complaints';
      if (c.mustUseIndex) {
        log(`  ASSERT index use: ${seqScan ? 'FAIL' : 'PASS'} (${verdict})`);
        if (seqScan) exitCode = 1;
      } else {
        log(`  index use: ${verdict}`);
      }
      results.push({
        key: c.key,
        title: c.title,
        mustUseIndex: c.mustUseIndex,
        timing,
        total: list.total,
        items: list.items.length,
        queries,
      });
    }

    log('');
    log(
      `Summary: ${COMPLAINTS.toLocaleString('en')} complaints, seeded in ${report.seconds.toFixed(0)} s; ` +
        `list() latency over up to ${RUNS} runs after ${WARM_UP} warm-up runs (ms); ` +
        `count/page ids/capped: p50 of the single query (ms)`,
    );
    log(
      table(
        [
          'case',
          'runs',
          'p50',
          'p99',
          'mean',
          'total',
          'count',
          'capped',
          'page ids',
          'complaints access',
          'check',
        ],
        results.map((r) => {
          const count = r.queries.find((q) => q.kind === 'count');
          const ids = r.queries.find((q) => q.kind === 'page ids');
          const access = [
            ...new Set(
              r.queries
                .filter((q) => q.kind === 'count' || q.kind === 'page ids')
                .flatMap((q) => q.plan.complaintsAccess),
            ),
          ];
          const seqScan = r.queries.some((q) => q.plan.seqScanOnComplaints);
          const check = [
            r.mustUseIndex
              ? seqScan
                ? 'FAIL seq scan'
                : 'PASS index'
              : seqScan
                ? 'seq scan'
                : 'index',
            ...(r.timing.p50 > SLOW_MS ? ['SLOW'] : []),
          ].join(', ');
          return [
            `${r.key}. ${r.title}`,
            String(r.timing.runs),
            ms(r.timing.p50),
            ms(r.timing.p99),
            ms(r.timing.mean),
            r.total.toLocaleString('en'),
            ms(count?.timing.p50 ?? NaN),
            ms(count?.capped?.timing.p50 ?? NaN),
            ms(ids?.timing.p50 ?? NaN),
            access.join(' + '),
            check,
          ];
        }),
      ),
    );
  } catch (error) {
    console.error(error);
    exitCode = 1;
  } finally {
    await db.destroy().catch(() => undefined);
    await target.close().catch((error: unknown) => console.error('cleanup:', error));
  }
  return exitCode;
}

// Exit explicitly: the embedded server's exit hook would otherwise end the process with 0.
process.exit(await main());
